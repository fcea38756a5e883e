import { existsSync, readdirSync } from 'node:fs';
import { catalog } from '@fazhi/events/catalog';
import { allFunctions } from '@fazhi/functions';
import type { RouteAuth } from '@fazhi/platform/wiring';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PATHS } from '../../infra/lib/paths';
import { logicalIdOf, once, type Synthesized, synthesize } from './synth';

// The app from the real wiring list, as `cdk synth` builds it (bundling aside; and the CDK's own
// CloudFormation linting, which `cdk synth` runs but which costs ~10 s here).

let s: Synthesized;
const resourcesOf = (type: string) => Object.values(s.template.findResources(type));

const synth = once(() => synthesize(allFunctions));
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
    expect(resourcesOf('AWS::CloudWatch::Alarm')).toHaveLength(resourcesOf('AWS::SQS::Queue').length);
  });

  it('registers one schema per catalog entry once the JSON Schemas are generated', () => {
    // Prepare
    const dir = DEFAULT_PATHS.schemasDir;
    const generated = existsSync(dir) ? readdirSync(dir).filter((f) => /\.v\d+\.json$/.test(f)) : [];
    const expected = generated.length === 0 ? [] : catalog.map((e) => `fazhi@${e.detailType}.v${e.version}`).sort();

    // Act
    const names = resourcesOf('AWS::EventSchemas::Schema')
      .map((r) => r.Properties.SchemaName)
      .sort();

    // Assess
    expect(names).toEqual(expected);
  });
});
