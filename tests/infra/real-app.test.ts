import { existsSync, readdirSync } from 'node:fs';
import { catalog } from '@fazhi/events/catalog';
import { allFunctions } from '@fazhi/functions';
import type { RouteAuth } from '@fazhi/platform/wiring';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PATHS } from '../../infra/lib/paths';
import { FIXTURE_DIRS } from './fixtures/wirings';
import { logicalIdOf, once, type Synthesized, synthesize } from './synth';

// The app from the real wiring list, as `cdk synth` builds it (bundling aside; and the CDK's own
// CloudFormation linting, which `cdk synth` runs but which costs ~10 s here).

let s: Synthesized;
const resourcesOf = (type: string) => Object.values(s.template.findResources(type));

// The front end is a small fixture build: a real `packages/web/dist` is not needed to test the stack.
const synth = once(() => synthesize(allFunctions, { webDistDir: FIXTURE_DIRS.webDist }));
beforeEach(() => {
  s = synth();
});

describe('the real app', () => {
  it('synthesises with zero unacknowledged cdk-nag findings', () => {
    // Act
    const nag = s.checks.validateScope(s.app);

    // Assess
    expect(nag.violations.map((v) => `${v.ruleName} @ ${v.violatingResources[0]?.constructPath}`)).toEqual([]);
  });

  it('lets API Gateway invoke each routed function once, from this API only, and leaves room under 500 resources', () => {
    // Prepare
    const routed = allFunctions.filter((w) => w.routes?.length);
    const apiId = { Ref: logicalIdOf(s.stack.api.httpApi) };
    // Act
    // (the authoriser's own permission names the authorizers path)
    const fromApi = resourcesOf('AWS::Lambda::Permission').filter(
      (p) =>
        p.Properties.Principal === 'apigateway.amazonaws.com' &&
        !JSON.stringify(p.Properties.SourceArn).includes('authorizers'),
    );
    const targets = fromApi.map((p) => JSON.stringify(p.Properties.FunctionName));
    // Assess: one per routed function, none per route, each for this API's routes only
    expect(fromApi).toHaveLength(routed.length);
    expect(new Set(targets).size).toBe(routed.length);
    for (const p of fromApi) expect(JSON.stringify(p.Properties.SourceArn)).toContain(JSON.stringify(apiId));
    for (const p of fromApi) expect(JSON.stringify(p.Properties.SourceArn)).toContain('/*/*/*');
    // the next services need room: CloudFormation refuses a stack of more than 500 resources
    // (480 since the transfers service's three functions, 486 with its detection and recommendation routes; never above 490)
    expect(Object.keys(s.template.toJSON().Resources).length).toBeLessThanOrEqual(486);
  });

  it('has one arm64 nodejs22.x function per wiring', () => {
    // Act
    const runtimes = allFunctions.map((w) => {
      const props = s.template.toJSON().Resources[logicalIdOf(s.stack.functions.get(w.name)!.fn)].Properties;
      return [w.name, props.Runtime, props.Architectures];
    });

    // Assess
    expect(allFunctions.length).toBeGreaterThan(0);
    expect(runtimes).toEqual(allFunctions.map((w) => [w.name, 'nodejs22.x', ['arm64']]));
  });

  it('puts every wired route behind the authoriser its auth kind names', () => {
    // Prepare
    const expectedType: Record<RouteAuth, string> = {
      apiKey: 'CUSTOM',
      either: 'CUSTOM',
      user: 'CUSTOM',
      none: 'NONE',
    };
    const expected = Object.fromEntries(
      allFunctions.flatMap((w) => (w.routes ?? []).map((r) => [`${r.method} ${r.path}`, expectedType[r.auth]])),
    );

    // Act
    const actual = Object.fromEntries(
      resourcesOf('AWS::ApiGatewayV2::Route').map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType]),
    );

    // Assess
    expect(actual).toEqual(expected);
  });

  it('has a rule with retry policy and DLQ per subscription and schedule, and a stream mapping per stream consumer', () => {
    // Prepare
    const subscriptions = allFunctions.flatMap((w) => w.subscriptions ?? []).length;
    const schedules = allFunctions.flatMap((w) => w.schedules ?? []).length;

    // Act
    const rules = resourcesOf('AWS::Events::Rule');

    // Assess
    expect(rules.filter((r) => r.Properties.EventBusName)).toHaveLength(subscriptions);
    expect(rules.filter((r) => r.Properties.ScheduleExpression)).toHaveLength(schedules);
    for (const rule of rules) {
      expect(rule.Properties.Targets[0].DeadLetterConfig.Arn).toBeDefined();
      expect(rule.Properties.Targets[0].RetryPolicy.MaximumRetryAttempts).toBeGreaterThanOrEqual(0);
    }
    expect(resourcesOf('AWS::Lambda::EventSourceMapping')).toHaveLength(allFunctions.filter((w) => w.stream).length);
    // One alarm per dead-letter queue, and one per kind of platform trouble (infra/lib/observability.ts).
    expect(resourcesOf('AWS::CloudWatch::Alarm')).toHaveLength(
      resourcesOf('AWS::SQS::Queue').length + s.stack.observability.alarms.size,
    );
  });

  it('reserves concurrency for the sweeps, the relay and the alert functions, leaving the account its unreserved 100', () => {
    // Prepare: the functions a flood of API requests must not starve
    const mustReserve = allFunctions.filter(
      (w) =>
        w.schedules?.some((x) => x.expression === 'rate(1 minute)') ||
        w.stream ||
        /^alerts-(raise|notify|resolve)$/.test(w.name),
    );

    // Act
    const reserved = Object.fromEntries(
      allFunctions.map((w) => [
        w.name,
        s.template.toJSON().Resources[logicalIdOf(s.stack.functions.get(w.name)!.fn)].Properties
          .ReservedConcurrentExecutions,
      ]),
    );

    // Assess
    expect(mustReserve.map((w) => w.name).sort()).toEqual([
      'alerts-notify',
      'alerts-raise',
      'alerts-resolve',
      'alerts-sweep',
      'clocks-sweep',
      'platform-outbox-relay',
      'platform-outbox-sweep',
    ]);
    for (const w of mustReserve) expect([w.name, reserved[w.name]]).toEqual([w.name, expect.any(Number)]);
    const total = Object.values(reserved).reduce((n: number, x) => n + (typeof x === 'number' ? x : 0), 0);
    // AWS's default regional quota is 1,000, of which 100 must stay unreserved (README, deploy options).
    expect(total).toBeLessThanOrEqual(900);
  });

  it('registers one schema per catalog entry once the JSON Schemas are generated', () => {
    // Prepare
    const dir = DEFAULT_PATHS.schemasDir;
    const generated = existsSync(dir) ? readdirSync(dir).filter((f) => /\.v\d+\.json$/.test(f)) : [];
    const expected = generated.length === 0 ? [] : catalog.map((e) => `fazhi@${e.detailType}.v${e.version}`).sort();

    // Act
    const names = Object.values(Template.fromStack(s.stack.bus.catalog).findResources('AWS::EventSchemas::Schema'))
      .map((r) => r.Properties.SchemaName)
      .sort();

    // Assess
    expect(names).toEqual(expected);
  });
});
