import { existsSync } from 'node:fs';
import { DEFAULT_BUS_NAME } from '@fazhi/platform/table-definition';
import type { FunctionWiring, Permission } from '@fazhi/platform/wiring';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { Alerts } from './alerts';
import { Api } from './api';
import { Bus } from './bus';
import { readCatalogSchemas } from './catalog-schemas';
import { ApiEdge, EdgeAcl } from './edge';
import { EventRules } from './event-rules';
import { wafSettings } from './front-door';
import { WiredFunction } from './functions';
import { Identity } from './identity';
import { Observability } from './observability';
import { DEFAULT_PATHS, REPO_ROOT } from './paths';
import { LinkTokens, WebhookSecrets } from './secrets';
import { Storage } from './storage';
import { StreamConsumer } from './stream';
import { Web, type WebDomain, webDomainFromContext } from './web';

export interface FazhiStackProps extends StackProps {
  /** The wiring list (`allFunctions`); every function, route, rule and grant is built from it. */
  functions: readonly FunctionWiring[];
  /** `<DetailType>.v<N>.json` files for the schema registry. Default `events/schemas`. */
  schemasDir?: string;
  /** Built front end. Default `packages/web/dist`; the synth fails when it is missing (`npm run build:web`). */
  webDistDir?: string;
  /** Default `fazhi` (DEFAULT_BUS_NAME). Two stacks in one account and region need different names. */
  busName?: string;
  /** Origins allowed by CORS besides the CloudFront one, e.g. `http://localhost:5173` for development. */
  extraCorsOrigins?: string[];
  /** The city's own domain for the front end (certificate in us-east-1); default *.cloudfront.net. */
  webDomain?: WebDomain;
  /** Default one year: case handling is audited, and logs are part of that record. */
  logRetention?: RetentionDays;
}

export class FazhiStack extends Stack {
  readonly storage: Storage;
  readonly webhookSecrets: WebhookSecrets;
  readonly linkTokens: LinkTokens;
  readonly bus: Bus;
  readonly alerts: Alerts;
  readonly identity: Identity;
  readonly functions: ReadonlyMap<string, WiredFunction>;
  readonly api: Api;
  readonly eventRules: EventRules;
  readonly streamConsumers: StreamConsumer[];
  readonly web: Web;
  /** Whether `packages/web/dist` (or `webDistDir`) was found and is deployed (always, or the synth fails). */
  readonly webDeployed: boolean;
  /** The API's CloudFront distribution behind AWS WAF, with `-c fazhi:waf=true`. */
  readonly apiEdge: ApiEdge | undefined;
  readonly observability: Observability;
  /** The URL departments and the front end use: the API's CloudFront URL with WAF, else API Gateway's. */
  readonly apiUrl: string;

  constructor(scope: Construct, id: string, props: FazhiStackProps) {
    const {
      functions: wirings,
      schemasDir,
      webDistDir,
      webDomain: webDomainProp,
      busName,
      extraCorsOrigins,
      logRetention: retention,
      ...stackProps
    } = props;
    super(scope, id, { description: 'Fazhi 法治协同: cross-department casework for a city government', ...stackProps });
    const logRetention = retention ?? RetentionDays.ONE_YEAR;
    checkNames(wirings);
    const distDir = webDistDir ?? DEFAULT_PATHS.webDistDir;
    if (!existsSync(distDir)) {
      throw new Error(
        `The front end is not built: ${distDir} does not exist. Build it with \`npm run build:web\`, then synthesise or deploy again.`,
      );
    }
    const webDomain = webDomainProp ?? webDomainFromContext(this);
    const waf = wafSettings(this.node);
    let webAclArn = waf.webAclArn;
    if (waf.enabled && !webAclArn) {
      // A CLOUDFRONT web ACL can only be made in us-east-1 (infra/lib/edge.ts).
      if (this.region !== 'us-east-1') {
        throw new Error(
          `-c fazhi:waf=true: a web ACL for CloudFront must be created in us-east-1, and this stack is in ${this.region}. Deploy the edge stack first (\`npm run cdk -- deploy FazhiEdge -c fazhi:waf=true\`) and pass its WebAclArn output: -c fazhi:wafAclArn=<arn>.`,
        );
      }
      webAclArn = new EdgeAcl(this, 'Edge').acl.attrArn;
    }

    this.storage = new Storage(this, 'Storage');
    this.bus = new Bus(this, 'Events', {
      busName: busName ?? DEFAULT_BUS_NAME,
      schemas: readCatalogSchemas(schemasDir ?? DEFAULT_PATHS.schemasDir),
    });
    this.alerts = new Alerts(this, 'Alerts');
    const webhookSecrets = new WebhookSecrets(this, 'WebhookSecrets');
    this.webhookSecrets = webhookSecrets;
    const linkTokens = new LinkTokens(this, 'LinkTokens');
    this.linkTokens = linkTokens;
    this.identity = new Identity(this, 'Identity', {
      roles: wirings.flatMap((w) => (w.routes ?? []).flatMap((r) => r.doc.roles ?? [])),
    });
    this.web = new Web(this, 'Web', {
      distDir,
      ...(webDomain ? { domain: webDomain } : {}),
      ...(webAclArn ? { webAclArn } : {}),
      // With its own domain the API's CORS names that domain, so the site's CSP may name the API
      // exactly; on *.cloudfront.net the API's CORS names the distribution and the CSP naming the
      // API would close a reference cycle, so it names API Gateway (or CloudFront) in the region.
      connectSources: () => [
        webDomain ? this.apiOrigin() : this.apiOriginPattern(),
        `https://cognito-idp.${this.region}.${this.urlSuffix}`,
      ],
    });

    const functions = new Map<string, WiredFunction>();
    for (const wiring of wirings) {
      functions.set(
        wiring.name,
        new WiredFunction(this, wiring.name, {
          wiring,
          table: this.storage.table,
          bus: this.bus.bus,
          alertsTopic: this.alerts.topic,
          webhookSecrets,
          linkTokens,
          environment: {
            tableName: this.storage.table.tableName,
            busName: this.bus.bus.eventBusName,
            alertsTopicArn: this.alerts.topic.topicArn,
            jwtIssuer: this.identity.userPool.userPoolProviderUrl,
            jwtAudience: this.identity.client.userPoolClientId,
            webUrl: webDomain ? `https://${webDomain.domainNames[0]}` : this.web.url,
          },
          lockFile: DEFAULT_PATHS.lockFile,
          projectRoot: REPO_ROOT,
          logRetention,
        }),
      );
    }
    this.functions = functions;
    const rolesWith = (p: Permission) =>
      [...functions.values()].filter((f) => f.wiring.permissions.includes(p)).map((f) => f.role);
    webhookSecrets.restrictTo(rolesWith('webhook-secret:seal'), rolesWith('webhook-secret:open'));
    const functionOf = (name: string): IFunction => {
      const f = functions.get(name);
      if (!f) throw new Error(`no function wired as ${name}`);
      return f.fn;
    };

    this.api = new Api(this, 'Api', {
      wirings,
      functionOf,
      corsOrigins: [
        ...(webDomain ? webDomain.domainNames.map((d) => `https://${d}`) : [this.web.url]),
        ...(extraCorsOrigins ?? []),
      ],
      logRetention,
    });
    this.apiEdge = webAclArn
      ? new ApiEdge(this, 'ApiEdge', {
          apiDomain: `${this.api.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
          webAclArn,
          logBucket: this.web.logBucket,
        })
      : undefined;
    this.apiUrl = this.apiEdge?.url ?? this.api.url;
    // Operator alarms go to their own topic (encrypted with the alerts key: no second KMS key).
    this.observability = new Observability(this, 'Observability', {
      wirings,
      functions,
      api: this.api,
      key: this.alerts.key,
    });
    const alarmTopic = this.observability.topic;
    this.eventRules = new EventRules(this, 'Rules', {
      wirings,
      functionOf,
      bus: this.bus.bus,
      alarmTopic,
    });
    this.streamConsumers = wirings
      .filter((w) => w.stream)
      .map((w) => {
        const wired = functions.get(w.name)!;
        return new StreamConsumer(this, `${w.name}-stream`, {
          wiring: w.name,
          fn: wired.fn,
          role: wired.role,
          table: this.storage.table,
          alarmTopic,
        });
      });
    this.observability.watchDeadLetters();

    this.webDeployed = this.web.deploy({
      apiUrl: this.apiUrl,
      region: this.region,
      userPoolId: this.identity.userPool.userPoolId,
      userPoolClientId: this.identity.client.userPoolClientId,
    });

    new CfnOutput(this, 'ApiUrl', {
      value: this.apiUrl,
      description: this.apiEdge ? 'API base URL (CloudFront, behind AWS WAF)' : 'HTTP API base URL',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId });
    new CfnOutput(this, 'WebUrl', { value: this.web.url, description: 'Front end (CloudFront)' });
    new CfnOutput(this, 'BusName', { value: this.bus.bus.eventBusName });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'AlertsTopicArn', { value: this.alerts.topic.topicArn });
    new CfnOutput(this, 'OperatorTopicArn', {
      value: this.observability.topic.topicArn,
      description: 'Subscribe the operator (e-mail, SMS) to the platform alarms',
    });
    new CfnOutput(this, 'DashboardName', { value: this.observability.dashboard.dashboardName });
  }

  /** The API's exact origin, for the site's CSP. */
  private apiOrigin(): string {
    return this.apiEdge
      ? `https://${this.apiEdge.distribution.distributionDomainName}`
      : `https://${this.api.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
  }

  /** API Gateway's (or CloudFront's) hosts, for a CSP that may not reference the API itself. */
  private apiOriginPattern(): string {
    return this.apiEdge ? 'https://*.cloudfront.net' : `https://*.execute-api.${this.region}.${this.urlSuffix}`;
  }
}

function checkNames(wirings: readonly FunctionWiring[]): void {
  const seen = new Set<string>();
  for (const w of wirings) {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(w.name)) throw new Error(`function name "${w.name}" is not kebab-case`);
    if (seen.has(w.name)) throw new Error(`function name "${w.name}" is wired twice`);
    seen.add(w.name);
  }
}
