import { existsSync } from 'node:fs';
import { Duration } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  Distribution,
  HttpVersion,
  PriceClass,
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

export interface WebProps {
  /** The built front end (`packages/web/dist`); deployed only when the folder exists at synth. */
  distDir: string;
  /** The city's own domain; without it the site is served on *.cloudfront.net. */
  domain?: WebDomain;
}

// The front end: a private bucket that only CloudFront can read (origin access control), with
// access logs for both. Deep links of the single-page app fall back to index.html.
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
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

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Fazhi web front end',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
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
    });
    if (!props.domain) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Served on the default *.cloudfront.net certificate, whose viewer policy CloudFront fixes at TLSv1; given its own domain (FazhiStackProps.webDomain) the site gets TLSv1.2_2021.',
      );
    }
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Staff sign in from wherever they are on duty (including travel); access is controlled by Cognito sign-in with MFA, not by geography.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'The distribution serves static files only; the data API is a separate origin behind its own authorisers. A WAF web ACL for CloudFront must live in us-east-1 and is left to the deploying city.',
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
