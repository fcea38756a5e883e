import type { FunctionWiring, Permission } from '@fazhi/platform/wiring';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { bundlingFor } from './bundling';
import { reservedConcurrencyOf } from './front-door';
import { acknowledge } from './nag';
import { LINK_KEY_ENV, type LinkTokens, WEBHOOK_SECRETS_KEY_ENV, type WebhookSecrets } from './secrets';
import { grantTableAccess } from './table-grants';

export const DEFAULT_MEMORY_MB = 512;
export const DEFAULT_TIMEOUT_SECONDS = 10;

export interface FunctionEnvironment {
  tableName: string;
  busName: string;
  alertsTopicArn: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** Where the web front end is served; given to the functions that text people links (sms:send). */
  webUrl?: string;
}

export interface WiredFunctionProps {
  wiring: FunctionWiring;
  table: ITable;
  bus: IEventBus;
  alertsTopic: ITopic;
  webhookSecrets: WebhookSecrets;
  /** The link-token HMAC key; required by a wiring with a link-token permission. */
  linkTokens?: LinkTokens;
  environment: FunctionEnvironment;
  lockFile: string;
  projectRoot: string;
  logRetention: RetentionDays;
}

// One Lambda per wiring. The role starts empty (no AWSLambdaBasicExecutionRole, whose log rights
// span every log group) and receives exactly what the wiring's `table` and `permissions` name.
export class WiredFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly wiring: FunctionWiring;

  constructor(scope: Construct, id: string, props: WiredFunctionProps) {
    super(scope, id);
    const { wiring: w, environment: env } = props;
    this.wiring = w;

    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Fazhi ${w.name}: ${[...(w.table ? ['table (by key prefix)'] : []), ...w.permissions].join(', ') || 'logs only'}`,
    });
    logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      description: w.description.slice(0, 256),
      entry: w.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: w.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: Duration.seconds(w.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      reservedConcurrentExecutions: reservedConcurrencyOf(scope.node, w),
      role: this.role,
      logGroup,
      depsLockFilePath: props.lockFile,
      projectRoot: props.projectRoot,
      bundling: bundlingFor(w),
      environment: {
        FAZHI_RUNTIME: 'aws',
        FAZHI_TABLE_NAME: env.tableName,
        FAZHI_BUS_NAME: env.busName,
        FAZHI_ALERTS_TOPIC_ARN: env.alertsTopicArn,
        FAZHI_JWT_ISSUER: env.jwtIssuer,
        FAZHI_JWT_AUDIENCE: env.jwtAudience,
        ...(w.permissions.some((p) => p.startsWith('webhook-secret:'))
          ? { [WEBHOOK_SECRETS_KEY_ENV]: props.webhookSecrets.key.keyArn }
          : {}),
        ...(w.permissions.some((p) => p.startsWith('link-token:')) && props.linkTokens
          ? { [LINK_KEY_ENV]: props.linkTokens.key.keyArn }
          : {}),
        ...(w.permissions.includes('sms:send') && env.webUrl ? { FAZHI_WEB_URL: env.webUrl } : {}),
        POWERTOOLS_SERVICE_NAME: w.service,
        // How far ahead the minute-by-minute clock sweep fires clocks at their own instant
        // (docs/ARCHITECTURE.md): `cdk deploy -c fazhi:clockLookaheadMs=55000` fires to the second.
        FAZHI_CLOCK_LOOKAHEAD_MS: String(scope.node.tryGetContext('fazhi:clockLookaheadMs') ?? 0),
        // Stack traces through the minified bundle point at the TypeScript sources.
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    // The role must exist with its policy before the function is invoked by anything.
    this.fn.node.addDependency(this.role);

    acknowledge(
      this.fn,
      'AwsSolutions-L1',
      'nodejs22.x is the platform runtime (DESIGN.md); its pinned dependencies (middy 6, Powertools 2.35) are tested on Node 20-22, and a runtime move is a deliberate release.',
    );
    grantTableAccess(this.role, props.table, w);
    for (const p of new Set(w.permissions)) this.grant(p, props);
  }

  private grant(permission: Permission, props: WiredFunctionProps): void {
    switch (permission) {
      case 'bus:put':
        props.bus.grantPutEventsTo(this.fn);
        return;
      case 'sns:publish':
        props.alertsTopic.grantPublish(this.fn);
        acknowledge(
          this.role,
          'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
          'Publishing to the KMS-encrypted alerts topic needs GenerateDataKey* on that one key (the resource is the key ARN, not *).',
        );
        return;
      case 'webhook-secret:seal':
        props.webhookSecrets.grantSeal(this.role);
        return;
      case 'webhook-secret:open':
        props.webhookSecrets.grantOpen(this.role);
        return;
      case 'sms:send':
        // SNS Publish to a phone number has no resource to name: the action is allowed on *.
        this.role.addToPrincipalPolicy(
          new PolicyStatement({ sid: 'SendSms', actions: ['sns:Publish'], notResources: ['arn:aws:sns:*:*:*'] }),
        );
        acknowledge(
          this.role,
          'AwsSolutions-IAM5[Resource::*]',
          'SNS Publish with PhoneNumber (SMS) has no ARN to name; topics are excluded (NotResource arn:aws:sns:*:*:*), so the grant reaches phone numbers only.',
        );
        return;
      case 'link-token:sign':
      case 'link-token:verify':
        if (!props.linkTokens) throw new Error(`${props.wiring.name} needs the link-token key (linkTokens)`);
        props.linkTokens.grant(this.role, permission === 'link-token:sign' ? 'kms:GenerateMac' : 'kms:VerifyMac');
        return;
      case 'webhook:call':
        // Calls department HTTPS endpoints on the internet; no AWS permission is involved.
        return;
    }
  }
}
