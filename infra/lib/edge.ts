// The optional edge in front of the HTTP API (`-c fazhi:waf=true`). An HTTP API cannot take an
// AWS WAF web ACL, so the API is put behind a CloudFront distribution that can; the site's
// distribution takes the same web ACL.
//
// A web ACL for CloudFront has scope CLOUDFRONT and must be created in us-east-1, whatever region
// the stack is in. So it lives in a stack of its own, FazhiEdge (infra/bin/app.ts, region
// us-east-1), deployed first; its output WebAclArn is passed to the main stack as
// `-c fazhi:wafAclArn=…`. Two deploys, no cross-region custom resource:
//   npm run cdk -- deploy FazhiEdge -c fazhi:waf=true
//   npm run cdk -- deploy Fazhi -c fazhi:waf=true -c fazhi:wafAclArn=<WebAclArn output>
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/** Requests per 5 minutes from one IP address before the rate rule blocks it (WAF's window). */
export const WAF_RATE_LIMIT_DEFAULT = 3000;

/** The AWS managed rule groups, in priority order. */
export const WAF_MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesCommonRuleSet',
] as const;

export interface EdgeAclProps {
  /** Requests per 5 minutes per IP; default WAF_RATE_LIMIT_DEFAULT, or `-c fazhi:wafRateLimit`. */
  rateLimit?: number;
}

// The web ACL: AWS's IP reputation list, known bad inputs (Log4j and the like) and the common rule
// set, then a rate-based rule per client IP. A city's department systems sit behind a few NAT
// addresses, so the rate limit is per address, well above a department's whole traffic.
export class EdgeAcl extends Construct {
  readonly acl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeAclProps = {}) {
    super(scope, id);
    const fromContext = Number(this.node.tryGetContext('fazhi:wafRateLimit'));
    const rateLimit =
      props.rateLimit ?? (Number.isFinite(fromContext) && fromContext > 0 ? fromContext : WAF_RATE_LIMIT_DEFAULT);
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    this.acl = new CfnWebACL(this, 'Acl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Fazhi API and site: AWS managed rule groups and a per-IP rate limit',
      visibilityConfig: visibility('fazhi-edge'),
      rules: [
        ...WAF_MANAGED_RULE_GROUPS.map(
          (name, priority): CfnWebACL.RuleProperty => ({
            name,
            priority,
            overrideAction: { none: {} },
            statement: {
              managedRuleGroupStatement: {
                vendorName: 'AWS',
                name,
                // The common rule set blocks bodies over 8 KB; a department's batch of ten events
                // is larger, and the API refuses oversized bodies itself (413 problem+json).
                ...(name === 'AWSManagedRulesCommonRuleSet'
                  ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] }
                  : {}),
              },
            },
            visibilityConfig: visibility(`fazhi-${name}`),
          }),
        ),
        {
          name: 'fazhi-rate-per-ip',
          priority: WAF_MANAGED_RULE_GROUPS.length,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: rateLimit, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('fazhi-rate-per-ip'),
        },
      ],
    });
  }
}

/** The FazhiEdge stack: the web ACL in us-east-1, its ARN as an output for the main stack. */
export class EdgeStack extends Stack {
  readonly edge: EdgeAcl;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, {
      description: 'Fazhi 法治协同: the WAF web ACL for CloudFront (must be in us-east-1)',
      ...props,
    });
    this.edge = new EdgeAcl(this, 'Edge');
    new CfnOutput(this, 'WebAclArn', {
      value: this.edge.acl.attrArn,
      description: 'Pass to the main stack: -c fazhi:waf=true -c fazhi:wafAclArn=<this>',
    });
  }
}

export interface ApiEdgeProps {
  /** `<apiId>.execute-api.<region>.<suffix>`: the HTTP API's own host. */
  apiDomain: string;
  webAclArn: string;
  logBucket: IBucket;
}

// CloudFront in front of the HTTP API: nothing cached, every viewer header but Host forwarded
// (API Gateway routes on its own Host; with caching disabled CloudFront forwards Authorization),
// HTTPS only (a department system is never redirected), the web ACL attached.
export class ApiEdge extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: ApiEdgeProps) {
    super(scope, id);
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Fazhi API: HSTS and nosniff on every answer',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
      },
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Fazhi API behind AWS WAF',
      defaultBehavior: {
        origin: new HttpOrigin(props.apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront-api/',
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Department systems and staff on duty call from wherever they are; access is by API key or Cognito sign-in, and the web ACL limits each address, not by geography.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'Served on the default *.cloudfront.net certificate, for which CloudFront ignores a minimum protocol version and keeps TLSv1; the origin leg to API Gateway is TLS 1.2. A city domain for the API is not wired yet.',
    );
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}/`;
  }
}
