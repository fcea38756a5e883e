// Every place the local runtime stands in for an AWS service, compared with what the CDK app
// synthesises from the same wirings: the gateway's routes and authoriser, the table stream's
// mapping and filter, the bus's rules and their retry policies, the schedules, Lambda's
// asynchronous invocation, the dead-letter queues, SNS and the site. The local side is read from
// what the runtime builds (compileRoutes, buildTargets, localStreamMapping, …), not restated here.
import { allFunctions } from '@fazhi/functions';
import type { FunctionWiring } from '@fazhi/platform/wiring';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PATHS } from '../../infra/lib/paths';
import { type BusTarget, buildTargets } from '../../packages/local/src/bus/local-bus';
import { compileRoutes } from '../../packages/local/src/gateway/routes';
import { LOCAL_WEB_DIST, localStreamMapping, routeNeedsAuthorizer } from '../../packages/local/src/stand-ins';
import { logicalIdOf, once, type Synthesized, synthesize } from './synth';

let s: Synthesized;
const synth = once(() => synthesize(allFunctions));
beforeEach(() => {
  s = synth();
});

type Resource = { Type: string; Properties: Record<string, any> };
const resources = () => s.template.toJSON().Resources as Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources()).filter(([, r]) => r.Type === type);
const fnId = (name: string) => logicalIdOf(s.stack.functions.get(name)!.fn);
/** The function a template value points at (Ref, GetAtt or inside a Join). */
const pointsAt = (value: unknown, w: FunctionWiring) => JSON.stringify(value).includes(`"${fnId(w.name)}"`);

const localTargets = (): BusTarget[] =>
  buildTargets(allFunctions as FunctionWiring[], async () => async () => undefined);

describe('gateway (API Gateway HTTP API)', () => {
  it('has exactly the local routes, each integrated with the same function, behind the authoriser where the gateway runs it', () => {
    // Prepare
    const local = compileRoutes(allFunctions as FunctionWiring[]);
    const integrations = Object.fromEntries(ofType('AWS::ApiGatewayV2::Integration'));

    // Act
    const aws = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => {
      const integrationId = JSON.stringify(r.Properties.Target).match(/"Ref":"([^"]+)"/)![1]!;
      return {
        routeKey: r.Properties.RouteKey as string,
        integration: integrations[integrationId]!.Properties.IntegrationUri,
        authorised: r.Properties.AuthorizationType === 'CUSTOM',
      };
    });

    // Assess
    expect(aws.map((r) => r.routeKey).sort()).toEqual(local.map((r) => r.routeKey).sort());
    for (const l of local) {
      const a = aws.find((r) => r.routeKey === l.routeKey)!;
      expect(pointsAt(a.integration, l.fn), l.routeKey).toBe(true);
      expect(a.authorised, l.routeKey).toBe(routeNeedsAuthorizer(l.route));
    }
  });

  it('runs the same function as the Lambda authoriser, uncached', () => {
    // Prepare
    const local = allFunctions.filter((w) => w.authorizer);

    // Act
    const aws = ofType('AWS::ApiGatewayV2::Authorizer').map(([, r]) => r.Properties);

    // Assess
    expect(local).toHaveLength(1);
    expect(aws).toHaveLength(1);
    expect(pointsAt(aws[0]!.AuthorizerUri, local[0]!)).toBe(true);
    expect(aws[0]!.AuthorizerResultTtlInSeconds ?? 0).toBe(0);
  });
});

describe('table stream (event source mapping)', () => {
  it('feeds the same functions with the same filter, batch size and retries as the local poller', () => {
    // Prepare
    const local = localStreamMapping(allFunctions);

    // Act
    const aws = ofType('AWS::Lambda::EventSourceMapping').map(([, r]) => r.Properties);

    // Assess
    expect(aws).toHaveLength(local.functions.length);
    for (const name of local.functions) {
      const m = aws.find((p) => p.FunctionName?.Ref === fnId(name))!;
      expect(m, name).toBeDefined();
      expect(m.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([local.filter]);
      expect(m.BatchSize).toBe(local.batchSize);
      expect(m.MaximumRetryAttempts).toBe(local.retryAttempts);
      expect(m.DestinationConfig.OnFailure.Destination).toBeDefined();
    }
  });
});

describe('bus rules and schedules (EventBridge)', () => {
  const ruleOf = (name: string) => {
    const wired = s.stack.eventRules.rules.find((r) => r.name === name);
    expect(wired, name).toBeDefined();
    return resources()[logicalIdOf(wired!.rule)]!.Properties;
  };

  it('has one rule per local bus target, with the same pattern, function and delivery retry policy', () => {
    // Prepare
    const targets = localTargets();

    // Act
    const rules = ofType('AWS::Events::Rule');

    // Assess
    expect(rules).toHaveLength(targets.length);
    for (const t of targets) {
      const rule = ruleOf(t.rule);
      const target = rule.Targets[0];
      expect(rule.Targets, t.rule).toHaveLength(1);
      expect(target.Arn['Fn::GetAtt'][0]).toBe(fnId(t.functionName));
      expect(target.RetryPolicy.MaximumRetryAttempts + 1, t.rule).toBe(t.delivery.maxAttempts);
      expect(target.RetryPolicy.MaximumEventAgeInSeconds * 1000, t.rule).toBe(t.delivery.maxEventAgeMs);
      if (t.kind === 'subscription') expect(rule.EventPattern, t.rule).toEqual(t.pattern);
    }
  });

  it('runs each schedule with its wiring expression in AWS and a local tick no slower than it', () => {
    // Prepare
    const unitMs: Record<string, number> = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000 };
    const scheduled = allFunctions.flatMap((w) => (w.schedules ?? []).map((sch) => ({ w, sch })));
    const localSchedules = localTargets().filter((t) => t.kind === 'schedule');

    // Assess
    expect(localSchedules.map((t) => t.rule).sort()).toEqual(scheduled.map((x) => x.sch.name).sort());
    for (const { sch } of scheduled) {
      const rule = ruleOf(sch.name);
      expect(rule.ScheduleExpression).toBe(sch.expression);
      const m = /^rate\((\d+) (\w+)\)$/.exec(rule.ScheduleExpression as string);
      expect(m, sch.expression).not.toBeNull();
      expect(sch.localEveryMs).toBeLessThanOrEqual(Number(m![1]) * unitMs[m![2]!]!);
    }
  });
});

describe('asynchronous invocation (Lambda) and dead letters (SQS)', () => {
  it('configures each async-invoked function as the local bus retries it, failing into its first rule’s DLQ', () => {
    // Prepare
    const targets = localTargets();
    const configs = ofType('AWS::Lambda::EventInvokeConfig').map(([, r]) => r.Properties);
    const byFunction = new Map(targets.map((t) => [t.functionName, t]));

    // Assess
    expect(configs).toHaveLength(byFunction.size);
    for (const [name, t] of byFunction) {
      const c = configs.find((p) => p.FunctionName?.Ref === fnId(name))!;
      expect(c, name).toBeDefined();
      expect(c.MaximumRetryAttempts, name).toBe(t.asyncInvoke.retryAttempts);
      expect(c.MaximumEventAgeInSeconds, name).toBe(t.asyncInvoke.maxEventAgeSeconds);
      const first = s.stack.eventRules.rules.find((r) => r.wiring === name)!;
      expect(c.DestinationConfig.OnFailure.Destination).toEqual({
        'Fn::GetAtt': [logicalIdOf(first.deadLetter.queue), 'Arn'],
      });
    }
  });

  it('gives every local dead-letter path a queue in AWS, each with an alarm and the tag `dlq replay --aws` finds', () => {
    // Prepare: the local bus dead-letters every target; the stream has its own queue
    const expected = localTargets().length + localStreamMapping(allFunctions).functions.length;
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, r]) => JSON.stringify(r.Properties.Dimensions ?? []));

    // Act
    const queues = ofType('AWS::SQS::Queue');

    // Assess
    expect(queues).toHaveLength(expected);
    for (const [id, q] of queues) {
      expect(
        alarms.some((d) => d.includes(`"${id}"`)),
        id,
      ).toBe(true);
      expect(q.Properties.Tags?.map((t: { Key: string }) => t.Key)).toContain('fazhi:dead-letter');
    }
  });
});

describe('SNS and the site', () => {
  it('has the one alerts topic the local notifier stands in for, published to by the sns:publish wirings only', () => {
    // Prepare
    // The operator's alarm topic is CloudWatch's, not the notifier's: only the alerts topic stands in.
    const topics = ofType('AWS::SNS::Topic').filter(([id]) => id !== logicalIdOf(s.stack.observability.topic));
    const publishers = allFunctions.filter((w) => w.permissions.includes('sns:publish')).map((w) => w.name);

    // Act
    const granted = allFunctions
      .filter((w) => {
        const policy = s.stack.functions.get(w.name)!.role.node.tryFindChild('DefaultPolicy');
        if (!policy) return false;
        const statements = (resources()[logicalIdOf(policy)]?.Properties.PolicyDocument.Statement ?? []) as {
          Action: string | string[];
          Resource?: unknown;
        }[];
        // sms:send publishes to phone numbers (NotResource: every topic), not to the alerts topic.
        return statements.some(
          (st) =>
            [st.Action].flat().includes('sns:Publish') &&
            JSON.stringify(st.Resource ?? '').includes(logicalIdOf(s.stack.alerts.topic)),
        );
      })
      .map((w) => w.name);

    // Assess
    expect(topics.map(([id]) => id)).toEqual([logicalIdOf(s.stack.alerts.topic)]);
    expect(granted.sort()).toEqual(publishers.sort());
  });

  it('hosts the same built front end the local gateway serves', () => {
    // Act
    const deployed = s.stack.webDeployed;

    // Assess
    expect(DEFAULT_PATHS.webDistDir.replace(/\/$/, '')).toBe(LOCAL_WEB_DIST.replace(/\/$/, ''));
    expect(ofType('Custom::CDKBucketDeployment')).toHaveLength(deployed ? 1 : 0);
  });
});
