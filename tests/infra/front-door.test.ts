// The front door and the operator's view, from the synthesised templates: stage and route
// throttling from the deploy context, reserved concurrency from the wiring, the site's response
// headers and TLS, the optional CloudFront + WAF in front of the API, the refusal to deploy
// without a built front end, and the alarms and dashboard. Every synth goes through cdk-nag
// (Template.fromStack throws on an unacknowledged finding).
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { EdgeStack, WAF_MANAGED_RULE_GROUPS } from '../../infra/lib/edge';
import { routeClassOf } from '../../infra/lib/front-door';
import { addNagChecks } from '../../infra/lib/nag';
import { METRICS } from '../../packages/platform/src/metrics';
import { FIXTURE_DIRS, fixtureFunctions } from './fixtures/wirings';
import { logicalIdOf, once, synthesize } from './synth';

const fixture = (context: Record<string, unknown> = {}) =>
  synthesize(fixtureFunctions, { schemasDir: FIXTURE_DIRS.schemas, webDistDir: FIXTURE_DIRS.webDist }, context);
const plain = once(() => fixture());
const resources = (t: Template, type: string) => Object.values(t.findResources(type));
const ACL_ARN = 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/fazhi/0a1b2c3d-0000-0000-0000-000000000000';
const CERT_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000';

describe('throttling', () => {
  it('gives each route the rate and burst of its class, from -c fazhi:throttle', () => {
    // Prepare: distinct figures per class, so a route in the wrong class shows
    const throttle = {
      stage: { rate: 900, burst: 901 },
      ingest: { rate: 11, burst: 12 },
      reads: { rate: 21, burst: 22 },
      writes: { rate: 31, burst: 32 },
      admin: { rate: 41, burst: 42 },
      public: { rate: 51, burst: 52 },
    };

    // Act
    const { template } = fixture({ 'fazhi:throttle': JSON.stringify(throttle) });

    // Assess
    const [stage] = resources(template, 'AWS::ApiGatewayV2::Stage');
    expect(stage!.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 900,
      ThrottlingBurstLimit: 901,
    });
    expect(stage!.Properties.RouteSettings).toEqual({
      'POST /v1/events': { ThrottlingRateLimit: 11, ThrottlingBurstLimit: 12 },
      'GET /v1/events/{eventId}': { ThrottlingRateLimit: 21, ThrottlingBurstLimit: 22 },
      'PATCH /v1/alerts/{alertId}': { ThrottlingRateLimit: 31, ThrottlingBurstLimit: 32 },
      'GET /v1/health': { ThrottlingRateLimit: 51, ThrottlingBurstLimit: 52 },
    });
    // Every route a setting names exists before the stage is updated.
    const routeIds = Object.keys(template.findResources('AWS::ApiGatewayV2::Route'));
    const [stageId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Stage'));
    expect(template.toJSON().Resources[stageId!].DependsOn).toEqual(expect.arrayContaining(routeIds));
  });

  it('throttles every route by default, none unclassed', () => {
    // Act
    const [stage] = resources(plain().template, 'AWS::ApiGatewayV2::Stage');

    // Assess
    const routeKeys = fixtureFunctions.flatMap((w) => (w.routes ?? []).map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(stage!.Properties.RouteSettings).sort()).toEqual(routeKeys.sort());
    for (const setting of Object.values(stage!.Properties.RouteSettings) as Record<string, number>[]) {
      expect(setting.ThrottlingRateLimit).toBeGreaterThan(0);
      expect(setting.ThrottlingBurstLimit).toBeGreaterThan(0);
    }
    expect(stage!.Properties.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
  });

  it('classes admin routes by their roles', () => {
    expect(routeClassOf({ method: 'PUT', auth: 'user', doc: { summary: 's', roles: ['admin'], responses: {} } })).toBe(
      'admin',
    );
  });

  it('refuses a throttle context it cannot read, naming the option', () => {
    // Act
    const act = () => fixture({ 'fazhi:throttle': '{"ingest":{"rate":-1,"burst":2},"login":{}}' });

    // Assess
    expect(act).toThrow(/fazhi:throttle/);
  });
});

describe('reserved concurrency', () => {
  it('reserves what each wiring asks for, and nothing for the others', () => {
    // Act
    const s = plain();

    // Assess
    for (const w of fixtureFunctions) {
      const fn = s.template.toJSON().Resources[logicalIdOf(s.stack.functions.get(w.name)!.fn)];
      expect([w.name, fn.Properties.ReservedConcurrentExecutions]).toEqual([w.name, w.reservedConcurrency]);
    }
    expect(fixtureFunctions.filter((w) => w.reservedConcurrency).length).toBeGreaterThan(0);
  });

  it('reserves nothing with -c fazhi:reservedConcurrency=false (an account with a low quota)', () => {
    // Act
    const { template } = fixture({ 'fazhi:reservedConcurrency': 'false' });

    // Assess
    for (const fn of resources(template, 'AWS::Lambda::Function'))
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
  });
});

describe('the site', () => {
  it('answers with HSTS, a CSP that forbids framing and foreign scripts, nosniff and no referrer', () => {
    // Act
    const s = plain();
    const [policy] = resources(s.template, 'AWS::CloudFront::ResponseHeadersPolicy');
    const distribution = s.template.toJSON().Resources[logicalIdOf(s.stack.web.distribution)];

    // Assess
    const security = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
    });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    const csp = JSON.stringify(s.stack.resolve(security.ContentSecurityPolicy.ContentSecurityPolicy));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/connect-src 'self' https:\/\/\*\.execute-api\./);
    expect(csp).toContain('https://cognito-idp.');
    expect(distribution.Properties.DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({
      Ref: logicalIdOf(s.stack.web.headers),
    });
  });

  it('on the city domain requires TLS 1.2 and names the API exactly in its CSP', () => {
    // Act
    const s = fixture({ 'fazhi:webDomain': 'fazhi.example.gov.cn', 'fazhi:webCertificateArn': CERT_ARN });

    // Assess
    const config = s.template.toJSON().Resources[logicalIdOf(s.stack.web.distribution)].Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['fazhi.example.gov.cn']);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: CERT_ARN,
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    const [policy] = resources(s.template, 'AWS::CloudFront::ResponseHeadersPolicy');
    const csp = JSON.stringify(
      policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
    );
    expect(csp).toContain(logicalIdOf(s.stack.api.httpApi));
    expect(csp).not.toContain('*.execute-api');
    const [api] = resources(s.template, 'AWS::ApiGatewayV2::Api');
    expect(api!.Properties.CorsConfiguration.AllowOrigins).toEqual(['https://fazhi.example.gov.cn']);
  });

  it('refuses to synthesise without a built front end, naming the command that builds it', () => {
    // Act
    const act = () =>
      synthesize(fixtureFunctions, { schemasDir: FIXTURE_DIRS.schemas, webDistDir: FIXTURE_DIRS.missing });

    // Assess
    expect(act).toThrow(/front end is not built.*npm run build:web/);
  });
});

describe('CloudFront and WAF in front of the API (-c fazhi:waf=true)', () => {
  it('puts the API and the site behind the web ACL passed in, and hands out the CloudFront URL', () => {
    // Act
    const s = fixture({ 'fazhi:waf': 'true', 'fazhi:wafAclArn': ACL_ARN });

    // Assess
    const distributions = resources(s.template, 'AWS::CloudFront::Distribution');
    expect(distributions).toHaveLength(2);
    for (const d of distributions) expect(d.Properties.DistributionConfig.WebACLId).toBe(ACL_ARN);
    const api = s.template.toJSON().Resources[logicalIdOf(s.stack.apiEdge!.distribution)].Properties.DistributionConfig;
    expect(api.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['POST', 'PATCH', 'PUT', 'DELETE']),
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // AWS managed CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
    });
    expect(api.Origins[0].CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    expect(JSON.stringify(s.template.toJSON().Outputs.ApiUrl.Value)).toContain(
      logicalIdOf(s.stack.apiEdge!.distribution),
    );
  });

  it('refuses waf=true outside us-east-1 without an ACL ARN, saying how to make one', () => {
    // Act
    const act = () => fixture({ 'fazhi:waf': 'true' });

    // Assess
    expect(act).toThrow(/us-east-1.*FazhiEdge.*fazhi:wafAclArn/);
  });

  it('makes the web ACL in us-east-1: the AWS managed rule groups and a rate rule', () => {
    // Prepare
    const app = new App({ builtinCloudFormationValidation: false });
    const edge = new EdgeStack(app, 'FxEdge', { env: { account: '111111111111', region: 'us-east-1' } });
    addNagChecks(app);

    // Act
    const template = Template.fromStack(edge);

    // Assess
    const [acl] = resources(template, 'AWS::WAFv2::WebACL');
    expect(acl!.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl!.Properties.Rules as {
      Name: string;
      Statement: { ManagedRuleGroupStatement?: { Name: string; VendorName: string }; RateBasedStatement?: unknown };
    }[];
    expect(rules.flatMap((r) => r.Statement.ManagedRuleGroupStatement?.Name ?? [])).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesCommonRuleSet',
    ]);
    expect(WAF_MANAGED_RULE_GROUPS).toHaveLength(3);
    expect(rules.find((r) => r.Statement.RateBasedStatement)?.Statement.RateBasedStatement).toMatchObject({
      AggregateKeyType: 'IP',
      Limit: expect.any(Number),
    });
    expect(Object.keys(template.toJSON().Outputs)).toContain('WebAclArn');
  });
});

describe('what the operator watches', () => {
  it('has one alarm per kind, each to the operator topic, and one per dead-letter queue', () => {
    // Act
    const s = plain();
    const alarms = resources(s.template, 'AWS::CloudWatch::Alarm');
    const topic = { Ref: logicalIdOf(s.stack.observability.topic) };

    // Assess
    expect([...s.stack.observability.alarms.keys()].sort()).toEqual([
      'api-5xx-rate',
      'authorizer-failures',
      'function-errors',
      'function-throttles',
      'outbox-stuck',
      'sweep-lag',
    ]);
    expect(alarms).toHaveLength(6 + resources(s.template, 'AWS::SQS::Queue').length);
    for (const a of alarms) expect(a.Properties.AlarmActions).toEqual([topic]);
    const byMetric = (name: string) => alarms.find((a) => a.Properties.MetricName === name);
    // Lambda's account-wide aggregate: no FunctionName dimension, one metric for every function
    expect(byMetric('Errors')?.Properties).toMatchObject({ Namespace: 'AWS/Lambda', Statistic: 'Sum' });
    expect(byMetric('Errors')?.Properties.Dimensions).toBeUndefined();
    expect(byMetric('Throttles')?.Properties.Dimensions).toBeUndefined();
    // The metrics the sweeps publish (tests/observability/metrics.test.ts), missing data alarming
    for (const def of [METRICS.outboxOldestPending, METRICS.clockSweepLag]) {
      expect(byMetric(def.name)?.Properties).toMatchObject({
        Namespace: 'Fazhi',
        Dimensions: [{ Name: 'service', Value: def.service }],
        TreatMissingData: 'breaching',
      });
    }
    const rate = alarms.find((a) => a.Properties.Metrics);
    expect(
      rate?.Properties.Metrics.map(
        (m: { MetricStat?: { Metric: { MetricName: string } } }) => m.MetricStat?.Metric.MetricName,
      ),
    ).toEqual(expect.arrayContaining(['5xx', 'Count']));
    const authorizer = alarms.find(
      (a) =>
        a.Properties.MetricName === 'Errors' &&
        a.Properties.Dimensions?.[0]?.Value?.Ref === logicalIdOf(s.stack.functions.get('fx-authorize')!.fn),
    );
    expect(authorizer).toBeDefined();
  });

  it('has one dashboard with every alarm, the business metrics and the dead-letter queues', () => {
    // Act
    const s = plain();
    const [dashboard] = resources(s.template, 'AWS::CloudWatch::Dashboard');

    // Assess
    expect(resources(s.template, 'AWS::CloudWatch::Dashboard')).toHaveLength(1);
    const body = JSON.stringify(s.stack.resolve(dashboard!.Properties.DashboardBody));
    for (const def of Object.values(METRICS)) expect(body).toContain(def.name);
    expect(body).toContain('ApproximateNumberOfMessagesVisible');
    for (const alarm of s.stack.observability.alarms.values()) expect(body).toContain(logicalIdOf(alarm));
  });
});
