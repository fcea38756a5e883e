import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { UserPrincipal } from '@fazhi/platform/auth/principal';
import type { ClockCommand } from '@fazhi/platform/clocks/clock-plan';
import { getClock } from '@fazhi/platform/clocks/clock-store';
import { runCommand } from '@fazhi/platform/commands/run-command';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { NotFoundError } from '@fazhi/platform/errors';
import { httpRoutes } from '@fazhi/platform/http/route';
import { clockView } from '../../../functions/clocks/shared/clock-view';
import { extendBody, pauseBody, resumeBody, startBody, testCasesApiWiring } from './api-wiring';
import { TEST_CASE } from './subject';

const clockIdOf = (caseId: string) => `${caseId}-reply`;

/** Runs clock commands of one case (no state of its own besides the clock) and answers the clock. */
function run(
  d: PlatformDeps,
  caseId: string,
  key: string | undefined,
  raw: string,
  commands: (now: number) => ClockCommand[],
) {
  return runCommand({
    d,
    scope: `test-cases#${caseId}`,
    idempotencyKey: key,
    rawBody: raw,
    correlationId: caseId,
    status: 200,
    decide: async (now, registry) => ({
      clocks: commands(now),
      complete: (changes) => ({
        changed: true,
        body: changes[0] ? clockView(changes[0].after, registry) : {},
        writes: [],
        events: [],
      }),
    }),
  });
}

async function existing(d: PlatformDeps, caseId: string) {
  const clock = await getClock(d, clockIdOf(caseId));
  if (!clock) throw new NotFoundError(`Test case ${caseId}`);
  return clock;
}

export const handler = httpRoutes(testCasesApiWiring.routes, {
  'POST /v1/test-cases': async ({ body, principal, rawBody, headers, deps: d }) => {
    const b = startBody.parse(body);
    const caseId = d.newId();
    const by = (principal as UserPrincipal).username;
    return run(d, caseId, headers['idempotency-key'], rawBody, (now) => [
      {
        kind: 'start',
        spec: {
          id: clockIdOf(caseId),
          policyId: 'test.reply',
          subject: { type: TEST_CASE.type, id: caseId, title: b.title },
          departmentId: b.departmentId,
          startedAt: now,
          period: { ...b.period, decidedBy: by },
          kind: 'reply',
          label: '测试答复',
          labelEn: 'Test reply',
        },
      },
    ]);
  },
  'POST /v1/test-cases/{caseId}/pauses': async ({ body, params, principal, rawBody, headers, deps: d }) => {
    const b = pauseBody.parse(body);
    const clock = await existing(d, params.caseId ?? '');
    const by = (principal as UserPrincipal).username;
    return run(d, clock.subject.id, headers['idempotency-key'], rawBody, (now) => [
      { kind: 'pause', clockId: clock.id, command: { at: now, by, ...b } },
    ]);
  },
  'POST /v1/test-cases/{caseId}/resumes': async ({ body, params, principal, rawBody, headers, deps: d }) => {
    const b = resumeBody.parse(body);
    const clock = await existing(d, params.caseId ?? '');
    const by = (principal as UserPrincipal).username;
    return run(d, clock.subject.id, headers['idempotency-key'], rawBody, (now) => [
      { kind: 'resume', clockId: clock.id, command: { at: now, by, reason: b.reason } },
    ]);
  },
  'POST /v1/test-cases/{caseId}/extensions': async ({ body, params, principal, rawBody, headers, deps: d }) => {
    const b = extendBody.parse(body);
    const clock = await existing(d, params.caseId ?? '');
    const p = principal as UserPrincipal;
    return run(d, clock.subject.id, headers['idempotency-key'], rawBody, (now) => [
      {
        kind: 'extend',
        clockId: clock.id,
        command: { at: now, decidedBy: p.username, role: p.roles[0] ?? '', ...b },
      },
    ]);
  },
  'POST /v1/test-cases/{caseId}/met': async ({ params, rawBody, headers, deps: d }) => {
    const clock = await existing(d, params.caseId ?? '');
    return run(d, clock.subject.id, headers['idempotency-key'], rawBody, (now) => [
      { kind: 'meet', clockId: clock.id, at: now },
    ]);
  },
  'GET /v1/test-cases/{caseId}/events': async ({ params, deps: d }) => {
    const got = await d.ddb.send(
      new QueryCommand({
        TableName: d.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `TESTCASE#${params.caseId}` },
      }),
    );
    return { status: 200, body: { items: got.Items ?? [] } };
  },
});
