import { existsSync } from 'node:fs';
import { Duration, Lazy } from 'aws-cdk-lib';
import { Certificate, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, nagResource } from './nag';

export interface WebDomain {
  domainNames: string[];
  /** An ACM certificate in us-east-1 (CloudFront's requirement) covering `domainNames`. */
  certificate: ICertificate;
}

/**
 * The site's own domain from `-c fazhi:webDomain=fazhi.example.gov.cn[,…]` and
 * `-c fazhi:webCertificateArn=arn:aws:acm:us-east-1:…` (CloudFront takes certificates from
 * us-east-1 only); both or neither. With them the site requires TLS 1.2 (TLSv1.2_2021); on the
 * default *.cloudfront.net certificate CloudFront cannot be told a minimum.
 */
export function webDomainFromContext(scope: Construct): WebDomain | undefined {
  const names: unknown = scope.node.tryGetContext('fazhi:webDomain');
  const arn: unknown = scope.node.tryGetContext('fazhi:webCertificateArn');
  if (names === undefined && arn === undefined) return undefined;
  if (typeof names !== 'string' || !names || typeof arn !== 'string') {
    throw new Error(
      '-c fazhi:webDomain and -c fazhi:webCertificateArn go together: the domain names and their ACM certificate',
    );
  }
  if (!/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\//.test(arn)) {
    throw new Error(
      `-c fazhi:webCertificateArn must be an ACM certificate in us-east-1 (CloudFront's requirement); got ${arn}`,
    );
  }
  return {
    domainNames: names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    certificate: Certificate.fromCertificateArn(scope, 'WebCertificate', arn),
  };
}

export interface WebProps {
  /** The built front end (`packages/web/dist`); deployed only when the folder exists at synth. */
  distDir: string;
  /** The city's own domain; without it the site is served on *.cloudfront.net. */
  domain?: WebDomain;
  /**
   * Origins the front end may connect to besides its own (CSP connect-src): the API and Cognito.
   * Read when the template is written, so the API may be built after this construct.
   */
  connectSources?: () => string[];
  /** A CLOUDFRONT-scope WAF web ACL (us-east-1) to attach, with -c fazhi:waf=true. */
  webAclArn?: string;
}

/**
 * The site's Content-Security-Policy, for the front end as Vite builds it (packages/web): one
 * module script and one stylesheet from /assets, no inline script, no eval; the icon is a data:
 * URL; the statistics workbook is handed to the browser as a blob: download. Inline styles are
 * allowed because ECharts writes its tooltips as HTML with style attributes (a style cannot run
 * code; scripts stay 'self' only). It connects to itself (config.json), the API and Cognito.
 */
export function contentSecurityPolicy(connectSources: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

// The front end: a private bucket that only CloudFront can read (origin access control), with
// access logs for both. Deep links of the single-page app fall back to index.html.
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  readonly headers: ResponseHeadersPolicy;
  private readonly distDir: string;
  private deployed = false;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    this.distDir = props.distDir;

    this.logBucket = new Bucket(this, 'LogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with an ACL grant, which needs ACLs enabled here.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    // No access log of its own: it is the destination (cdk-nag S1 accepts a bucket that receives another's logs).
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3-web/',
    });

    // Every response of the site carries these, whatever the bucket's object metadata says.
    const connectSources = props.connectSources ?? (() => []);
    this.headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Fazhi web front end: HSTS, CSP, no framing, nosniff, no referrer',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentSecurityPolicy: {
          contentSecurityPolicy: Lazy.string({ produce: () => contentSecurityPolicy(connectSources()) }),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=()',
            override: true,
          },
        ],
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Fazhi web front end',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: this.headers,
      },
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      ...(props.domain
        ? {
            domainNames: props.domain.domainNames,
            certificate: props.domain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    if (!props.domain) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Served on the default *.cloudfront.net certificate, for which CloudFront ignores a minimum protocol version and keeps TLSv1; given its own domain and ACM certificate (-c fazhi:webDomain, -c fazhi:webCertificateArn) the site requires TLSv1.2_2021.',
      );
    }
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Staff sign in from wherever they are on duty (including travel); access is controlled by Cognito sign-in with MFA, not by geography.',
    );
    if (!props.webAclArn)
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR2',
        'The distribution serves static files only (no query, no form, no user content); the data API is a separate origin, behind a WAF web ACL when deployed with -c fazhi:waf=true (infra/lib/edge.ts).',
      );
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * Uploads the built front end plus a generated `config.json` (API URL, user pool), when the
   * build exists. Returns whether it did, so the caller can say so.
   */
  deploy(config: Record<string, string>): boolean {
    if (this.deployed || !existsSync(this.distDir)) return false;
    this.deployed = true;
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(this.distDir), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 512,
    });
    this.acknowledgeDeploymentProvider(deployment);
    return true;
  }

  /**
   * BucketDeployment runs a CDK-owned provider Lambda (a singleton at stack level) during deploys
   * only. Its role and runtime are the CDK's; these are its findings, acknowledged on it alone.
   */
  private acknowledgeDeploymentProvider(deployment: BucketDeployment): void {
    const role = deployment.handlerRole;
    const provider = role.node.scope;
    if (provider) {
      acknowledge(
        provider,
        'AwsSolutions-L1',
        'The CDK BucketDeployment provider pins its own Python runtime; it runs only during a deployment.',
      );
    }
    acknowledge(
      role,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "The CDK BucketDeployment provider's role writes its logs through the AWS basic execution policy; it runs only during a deployment.",
    );
    const copyReason =
      'CDK grant action groups (read the asset zip, write and prune the site files); limited to the asset bucket and this web bucket.';
    for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
      acknowledge(role, `AwsSolutions-IAM5[Action::${action}]`, copyReason);
    }
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagResource(this, this.bucket.arnForObjects('*'))}]`,
      'The deployment writes every file of the site, so it needs all objects of this web bucket.',
    );
    const asset = deployment.node.findAll().find((c): c is Asset => c instanceof Asset);
    if (asset) {
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::${nagResource(this, asset.bucket.arnForObjects('*'))}]`,
        'Reads the uploaded site archive from the CDK asset bucket (object key known only at publish time).',
      );
    }
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'cloudfront:CreateInvalidation/GetInvalidation as granted by the CDK provider; invalidates this distribution after an upload.',
    );
  }
}
