import { OUTBOX_STREAM_FILTER } from '@fazhi/platform/ddb/outbox';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_DIRS, fixtureFunctions } from './fixtures/wirings';
import { allowedActions, logicalIdOf, once, type Synthesized, synthesize } from './synth';

// The CDK app built from fake wirings that use every wiring feature; see fixtures/wirings.ts.

let s: Synthesized;
const resourcesOf = (type: string) => s.template.findResources(type);
const only = <T>(record: Record<string, T>): T => {
  const values = Object.values(record);
  expect(values).toHaveLength(1);
  return values[0]!;
};

const synth = once(() =>
  synthesize(fixtureFunctions, {
    schemasDir: FIXTURE_DIRS.schemas,
    webDistDir: FIXTURE_DIRS.webDist,
    busName: 'fazhi-fx',
  }),
);
beforeEach(() => {
  s = synth();
});

describe('storage', () => {
  it('is one on-demand table with PITR, a NEW_IMAGE stream, TTL, both GSIs, encryption and retention', () => {
    // Act
    const table = only(resourcesOf('AWS::DynamoDB::Table'));

    // Assess
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      SSESpecification: { SSEEnabled: true },
      DeletionProtectionEnabled: true,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
    expect(table.Properties.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'gsi1',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: 'gsi2',
        KeySchema: [
          { AttributeName: 'gsi2pk', KeyType: 'HASH' },
          { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });
});

describe('bus and catalog', () => {
  it('has the custom bus and an archive of every event kept 365 days', () => {
    // Act
    const bus = only(resourcesOf('AWS::Events::EventBus'));
    const archive = only(resourcesOf('AWS::Events::Archive'));

    // Assess
    expect(bus.Properties.Name).toBe('fazhi-fx');
    expect(archive.Properties).toMatchObject({
      RetentionDays: 365,
      EventPattern: { account: [{ Ref: 'AWS::AccountId' }] },
      SourceArn: { 'Fn::GetAtt': [logicalIdOf(s.stack.bus.bus), 'Arn'] },
    });
  });

  it('registers one draft 4 schema per catalog file in the registry', () => {
    // Act
    // The registry and its schemas live in the bus's nested stack (CloudFormation's 500-resource limit).
    const catalog = Template.fromStack(s.stack.bus.catalog);
    expect(Object.keys(resourcesOf('AWS::EventSchemas::Schema'))).toEqual([]);
    only(catalog.findResources('AWS::EventSchemas::Registry'));
    const schemas = Object.values(catalog.findResources('AWS::EventSchemas::Schema'));

    // Assess
    expect(schemas.map((r) => r.Properties.SchemaName).sort()).toEqual([
      'fazhi@Fixture.Closed.v1',
      'fazhi@Fixture.Opened.v1',
      'fazhi@Fixture.Opened.v2',
    ]);
    for (const schema of schemas) {
      expect(schema.Properties.Type).toBe('JSONSchemaDraft4');
      const content = JSON.parse(schema.Properties.Content);
      expect(content.$schema).toBe('http://json-schema.org/draft-04/schema#');
      expect(schema.Properties.Content).not.toMatch(/"\$defs"|"const"|"prefixItems"|2020-12/);
    }
  });

  it('has no EventBridge API destination or connection (webhooks are signed by a Lambda)', () => {
    // Assess
    s.template.resourceCountIs('AWS::Events::ApiDestination', 0);
    s.template.resourceCountIs('AWS::Events::Connection', 0);
  });
});

describe('functions', () => {
  it('makes one arm64 nodejs22.x function per wiring with its memory, timeout and environment', () => {
    // Act
    const functions = Object.entries(resourcesOf('AWS::Lambda::Function')).filter(
      ([id]) => !id.startsWith('CustomCDKBucketDeployment'),
    );

    // Assess
    expect(functions).toHaveLength(fixtureFunctions.length);
    for (const w of fixtureFunctions) {
      const props = s.template.toJSON().Resources[logicalIdOf(s.stack.functions.get(w.name)!.fn)].Properties;
      expect(props).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: w.memoryMb ?? 512,
        Timeout: w.timeoutSeconds ?? 10,
        LoggingConfig: { LogGroup: { Ref: expect.anything() } },
      });
      expect(Object.keys(props.Environment.Variables).sort()).toEqual([
        'FAZHI_ALERTS_TOPIC_ARN',
        'FAZHI_BUS_NAME',
        'FAZHI_CLOCK_LOOKAHEAD_MS',
        'FAZHI_JWT_AUDIENCE',
        'FAZHI_JWT_ISSUER',
        'FAZHI_RUNTIME',
        'FAZHI_TABLE_NAME',
        'NODE_OPTIONS',
        'POWERTOOLS_SERVICE_NAME',
      ]);
      expect(props.Environment.Variables).toMatchObject({
        FAZHI_RUNTIME: 'aws',
        FAZHI_CLOCK_LOOKAHEAD_MS: '0',
        POWERTOOLS_SERVICE_NAME: 'fx',
        FAZHI_TABLE_NAME: { Ref: logicalIdOf(s.stack.storage.table) },
        FAZHI_JWT_ISSUER: { 'Fn::GetAtt': [logicalIdOf(s.stack.identity.userPool), 'ProviderURL'] },
      });
    }
  });

  it('keeps each function log group for a year', () => {
    // Act
    const retentions = Object.values(resourcesOf('AWS::Logs::LogGroup')).map((g) => g.Properties.RetentionInDays);

    // Assess: one per function, one for API access logs
    expect(retentions).toEqual(Array(fixtureFunctions.length + 1).fill(365));
  });

  it('grants exactly what each permission names', () => {
    // Act
    const actions = (name: string) => allowedActions(s, name);
    const logs = ['logs:CreateLogStream', 'logs:PutLogEvents'];

    // Assess: webhook:call adds nothing beyond the function's own log group and, as every
    // asynchronously invoked function, sending to its own on-failure destination
    const onFailure = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
    expect(actions('fx-webhook')).toEqual([...logs, ...onFailure].sort());
    // a reader reads, never writes
    expect(actions('fx-board')).toContain('dynamodb:Query');
    expect(actions('fx-board')).not.toContain('dynamodb:PutItem');
    expect(actions('fx-board')).not.toContain('events:PutEvents');
    // table writes + bus:put
    expect(actions('fx-post')).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'events:PutEvents']),
    );
    expect(actions('fx-post')).not.toContain('sns:Publish');
    // sns:publish brings the topic and its key
    expect(actions('fx-escalate')).toEqual(
      expect.arrayContaining(['sns:Publish', 'kms:GenerateDataKey*', 'kms:Decrypt']),
    );
    // no function gets AWS managed policies or a wildcard action outside its grants
    for (const w of fixtureFunctions) {
      const role = s.template.toJSON().Resources[logicalIdOf(s.stack.functions.get(w.name)!.role)];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(actions(w.name).filter((a) => a.endsWith(':*'))).toEqual([]);
    }
  });
});

describe('HTTP API', () => {
  const routeKeyAuth = () =>
    Object.fromEntries(
      Object.values(resourcesOf('AWS::ApiGatewayV2::Route')).map((r) => [
        r.Properties.RouteKey,
        [r.Properties.AuthorizationType, r.Properties.AuthorizerId?.Ref],
      ]),
    );

  it('puts each route behind the authoriser its auth kind names', () => {
    // Prepare
    const lambdaAuthorizer = Object.entries(resourcesOf('AWS::ApiGatewayV2::Authorizer')).find(
      ([, a]) => a.Properties.AuthorizerType === 'REQUEST',
    )![0];

    // Act
    const routes = routeKeyAuth();

    // Assess
    expect(routes).toEqual({
      'POST /v1/events': ['CUSTOM', lambdaAuthorizer],
      'GET /v1/events/{eventId}': ['CUSTOM', lambdaAuthorizer],
      'PATCH /v1/alerts/{alertId}': ['CUSTOM', lambdaAuthorizer],
      'GET /v1/health': ['NONE', undefined],
    });
  });

  it('builds the Lambda authoriser from the authorizer wiring: simple responses, no identity source, no cache', () => {
    // Act
    const authorizer = s.template.findResources('AWS::ApiGatewayV2::Authorizer', {
      Properties: { AuthorizerType: 'REQUEST' },
    });

    // Assess
    expect(only(authorizer).Properties).toMatchObject({
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 0,
      AuthorizerPayloadFormatVersion: '2.0',
      AuthorizerUri: {
        'Fn::Join': [
          '',
          expect.arrayContaining([{ 'Fn::GetAtt': [logicalIdOf(s.stack.functions.get('fx-authorize')!.fn), 'Arn'] }]),
        ],
      },
    });
  });

  it('has no API Gateway JWT authoriser: its bare 401 could not be problem+json', () => {
    expect(
      s.template.findResources('AWS::ApiGatewayV2::Authorizer', { Properties: { AuthorizerType: 'JWT' } }),
    ).toEqual({});
  });

  it('logs access to a log group and allows CORS from the web origin', () => {
    // Act
    const stage = only(resourcesOf('AWS::ApiGatewayV2::Stage'));
    const api = only(resourcesOf('AWS::ApiGatewayV2::Api'));

    // Assess
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [expect.anything(), 'Arn'] },
        Format: expect.stringMatching(/requestId/),
      },
    });
    expect(api.Properties.CorsConfiguration.AllowOrigins).toEqual([
      { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalIdOf(s.stack.web.distribution), 'DomainName'] }]] },
    ]);
    expect(api.Properties.CorsConfiguration.AllowHeaders).toContain('idempotency-key');
  });

  it('has a Cognito pool with MFA, groups for the routes’ roles and a client that cannot write departmentId', () => {
    // Act
    const pool = only(resourcesOf('AWS::Cognito::UserPool'));
    const client = only(resourcesOf('AWS::Cognito::UserPoolClient'));
    const groups = Object.values(resourcesOf('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);

    // Assess
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.Schema).toContainEqual(expect.objectContaining({ Name: 'departmentId', Mutable: true }));
    expect(groups.sort()).toEqual(['auditor', 'duty-leader', 'duty-officer']);
    expect(client.Properties.ReadAttributes).toContain('custom:departmentId');
    expect(client.Properties.WriteAttributes).not.toContain('custom:departmentId');
  });
});

describe('subscriptions, schedules and the stream', () => {
  const dlqArns = () => Object.keys(resourcesOf('AWS::SQS::Queue')).map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] }));

  it('makes one rule per subscription on the custom bus, with the raw pattern, a retry policy and a DLQ', () => {
    // Prepare
    const expected = fixtureFunctions.flatMap((w) =>
      (w.subscriptions ?? []).map((sub) => ({ sub, fn: logicalIdOf(s.stack.functions.get(w.name)!.fn) })),
    );

    // Act
    const rules = Object.values(resourcesOf('AWS::Events::Rule')).filter((r) => r.Properties.EventBusName);

    // Assess
    expect(rules).toHaveLength(expected.length);
    for (const { sub, fn } of expected) {
      const rule = rules.find((r) => r.Properties.Description.endsWith(`: ${sub.name}`))!;
      expect(rule.Properties.EventBusName).toEqual({ Ref: logicalIdOf(s.stack.bus.bus) });
      expect(rule.Properties.EventPattern).toEqual(sub.pattern);
      const [target] = rule.Properties.Targets;
      expect(target.Arn).toEqual({ 'Fn::GetAtt': [fn, 'Arn'] });
      expect(target.RetryPolicy).toEqual({
        MaximumRetryAttempts: (sub.maxAttempts ?? 8) - 1,
        MaximumEventAgeInSeconds: 86400,
      });
      expect(dlqArns()).toContainEqual(target.DeadLetterConfig.Arn);
    }
  });

  it('runs each schedule as a rule with the wiring expression, a retry policy and a DLQ', () => {
    // Act
    const rule = only(
      Object.fromEntries(
        Object.entries(resourcesOf('AWS::Events::Rule')).filter(([, r]) => r.Properties.ScheduleExpression),
      ),
    );

    // Assess
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 minute)');
    expect(rule.Properties.EventBusName).toBeUndefined();
    expect(rule.Properties.Targets[0].Arn).toEqual({
      'Fn::GetAtt': [logicalIdOf(s.stack.functions.get('fx-sweep')!.fn), 'Arn'],
    });
    expect(rule.Properties.Targets[0].RetryPolicy.MaximumRetryAttempts).toBe(2);
    expect(dlqArns()).toContainEqual(rule.Properties.Targets[0].DeadLetterConfig.Arn);
  });

  it('feeds only outbox INSERTs of the table stream to the stream function, bisecting and dead-lettering failures', () => {
    // Act
    const mapping = only(resourcesOf('AWS::Lambda::EventSourceMapping'));

    // Assess
    expect(mapping.Properties).toMatchObject({
      FunctionName: { Ref: logicalIdOf(s.stack.functions.get('fx-relay')!.fn) },
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(s.stack.storage.table), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 25,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(dlqArns()).toContainEqual(mapping.Properties.DestinationConfig.OnFailure.Destination);
    // The declared filter itself; tests/infra/stream-filter.test.ts checks it against written items.
    expect(JSON.parse(mapping.Properties.FilterCriteria.Filters[0].Pattern)).toEqual(OUTBOX_STREAM_FILTER);
  });

  it('encrypts every DLQ, refuses plain HTTP to it and alarms on its first message', () => {
    // Prepare
    const queues = resourcesOf('AWS::SQS::Queue');
    const alarms = Object.values(resourcesOf('AWS::CloudWatch::Alarm'));
    // Platform alarms go to the operator's topic, not to the on-duty staff's alerts topic.
    const topic = logicalIdOf(s.stack.observability.topic);

    // Assess: 3 subscriptions + 1 schedule + 1 stream
    expect(Object.keys(queues)).toHaveLength(5);
    for (const [id, queue] of Object.entries(queues)) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      const alarm = alarms.find((a) => a.Properties.Dimensions?.[0]?.Value?.['Fn::GetAtt']?.[0] === id);
      expect(alarm?.Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: topic }],
      });
    }
    for (const policy of Object.values(resourcesOf('AWS::SQS::QueuePolicy'))) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });
});

describe('alerts and web', () => {
  it('encrypts the alerts and operator topics with one rotating key and refuses plain HTTP', () => {
    // Act
    const topics = Object.values(resourcesOf('AWS::SNS::Topic'));
    const key = s.template.toJSON().Resources[logicalIdOf(s.stack.alerts.key)];
    const policies = Object.values(resourcesOf('AWS::SNS::TopicPolicy'));

    // Assess
    expect(topics).toHaveLength(2);
    for (const topic of topics)
      expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [logicalIdOf(s.stack.alerts.key), 'Arn'] });
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(policies).toHaveLength(2);
    for (const policy of policies)
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
  });

  it('serves the front end from a private, versioned, logged bucket through CloudFront with OAC', () => {
    // Act
    const distribution = only(resourcesOf('AWS::CloudFront::Distribution'));
    const bucket = s.template.toJSON().Resources[logicalIdOf(s.stack.web.bucket)];

    // Assess
    only(resourcesOf('AWS::CloudFront::OriginAccessControl'));
    expect(distribution.Properties.DistributionConfig).toMatchObject({
      DefaultRootObject: 'index.html',
      Logging: { Bucket: expect.anything(), Prefix: 'cloudfront/' },
      Origins: [{ OriginAccessControlId: { 'Fn::GetAtt': [expect.anything(), 'Id'] } }],
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
    });
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(s.stack.web.logBucket) } },
    });
  });

  it('deploys the built front end and its config.json when the build exists, and only then', () => {
    // Act
    const deployed = s.stack.webDeployed;

    // Assess
    expect(deployed).toBe(true);
    s.template.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });

  it('outputs the API URL, user pool, web URL, bus and table names', () => {
    // Act
    const outputs = Object.keys(s.template.toJSON().Outputs);

    // Assess
    expect(outputs).toEqual(
      expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'WebUrl', 'BusName', 'TableName']),
    );
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('leaves no unacknowledged finding', () => {
    // Act
    const report = s.checks.validateScope(s.app);

    // Assess
    expect(report.violations.map((v) => `${v.ruleName} @ ${v.violatingResources[0]?.constructPath}`)).toEqual([]);
  });
});
