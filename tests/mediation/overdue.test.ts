// A dispatched case nobody answers: its accept-or-return clock breaches, the 司法所's people on duty
// get the breach alert, the case enters the hub's overdue queue, and leaves it once the organisation
// answers (the breached clock is met late).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../packages/local/src/demo-data';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { recordingNotifier } from '../../packages/platform/src/alert-notifier';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import { workingDaysDue } from './support';

let rt: LocalRuntime;
let api: Api;
let hub: string;
let mediator: string;
const notifier = recordingNotifier();

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  rt.deps.notifier = notifier;
  api = apiOf(rt.baseUrl);
  [hub, mediator] = await Promise.all([login(api, 'justice.hub'), login(api, 'tianmenshan.li')]);
});
afterAll(async () => rt?.stop());

const ids = async (q: string) =>
  ((await api('GET', `/v1/mediation-cases?${q}`, { token: hub })).json.items as { id: string }[]).map((i) => i.id);

describe('an unanswered dispatch', () => {
  it('breaches, alerts the organisation’s department, and sits in the overdue queue until answered', async () => {
    // Prepare
    const made = await api('POST', '/v1/mediation-cases', {
      token: hub,
      body: {
        source: 'hotline',
        title: '楼上漏水纠纷',
        summary: '楼上住户卫生间漏水至楼下',
        disputeType: 'neighbourhood',
        regionCode: '340202002',
        peopleInvolved: 2,
        parties: [
          { id: 'a', role: 'applicant', name: '甲' },
          { id: 'b', role: 'respondent', name: '乙' },
        ],
      },
    });
    expect(made.status, made.text).toBe(201);
    const id = made.json.id as string;
    const sent = await api('POST', `/v1/mediation-cases/${id}/dispatch`, {
      token: hub,
      body: { organisationId: 'tianmenshan' },
    });
    const sentAt = (await api('GET', '/_local/clock')).json.nowMs as number;
    const due = workingDaysDue(sentAt, 2);
    // Act
    const by = Math.ceil((due - sentAt) / 1000) + 60;
    await api('POST', '/_local/clock/advance', { body: { by: `PT${by}S` } });
    // Assess
    expect(sent.status, sent.text).toBe(200);
    await eventually(async () => (await ids('queue=overdue')).includes(id), 'the case in the overdue queue');
    const breach = await eventually(async () => {
      const items = (await api('GET', '/v1/alerts?status=all', { token: mediator })).json.items as {
        clockId: string;
        reason: string;
        recipients: string[];
      }[];
      return items.find((a) => a.clockId === `${id}.dispatch-1` && a.reason === 'breach');
    }, 'the breach alert');
    expect(breach.recipients).toContain('tianmenshan.li');
    const accepted = await api('POST', `/v1/mediation-cases/${id}/answer`, {
      token: mediator,
      body: { accepted: true },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json.clocks.find((c: { key: string }) => c.key === 'dispatch-1').status).toBe('met');
    expect(await ids('queue=overdue')).not.toContain(id);
    expect(await ids('queue=organisation&organisationId=tianmenshan')).toContain(id);
  });

  it('a major dispute’s responsible leader finds it in their queue, may read it, and gets its alerts; others may not', async () => {
    // Prepare
    const [leader, other] = await Promise.all([login(api, 'justice.leader'), login(api, 'justice.duty')]);
    const id = (await api('GET', '/v1/mediation-cases?queue=organisation&organisationId=tianmenshan', { token: hub }))
      .json.items[0].id as string;
    // Act
    const tier = await api('POST', `/v1/mediation-cases/${id}/tier`, {
      token: hub,
      body: { tier: 'major', responsibleLeader: 'justice.leader' },
    });
    const mine = await api('GET', '/v1/mediation-cases?queue=leader', { token: leader });
    const theirs = await api('GET', '/v1/mediation-cases?queue=leader&leader=justice.leader', { token: other });
    const nobody = await api('POST', `/v1/mediation-cases/${id}/tier`, {
      token: hub,
      body: { tier: 'major', responsibleLeader: 'no.such.person' },
    });
    // Assess
    expect(tier.status, tier.text).toBe(200);
    expect(tier.json.responsibleLeaderName).toBe(DEMO_USERS.find((u) => u.username === 'justice.leader')!.displayName);
    expect(nobody.status).toBe(422);
    expect(nobody.json.errors[0]).toMatchObject({ path: 'responsibleLeader', code: 'unknown-person' });
    expect(mine.json.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(mine.json.items[0].responsibleLeaderName).toBe(tier.json.responsibleLeaderName);
    expect((await api('GET', `/v1/mediation-cases/${id}`, { token: leader })).status).toBe(200);
    expect(theirs.status).toBe(403);
    expect((await api('GET', `/v1/mediation-cases/${id}`, { token: other })).status).toBe(403);
    // The respondent has not answered: its warning reaches the leader as well as the people on duty.
    const respondent = tier.json.clocks.find((c: { key: string }) => c.key === 'respondent');
    const now = (await api('GET', '/_local/clock')).json.nowMs as number;
    const by = Math.ceil((Date.parse(respondent.dueAt) - 14 * 3_600_000 - now) / 1000);
    await api('POST', '/_local/clock/advance', { body: { by: `PT${by}S` } });
    // The case's earlier dispatch breach (the test before) may escalate to the leader too, now that
    // the case is theirs: look for the respondent clock's alert among what the leader received.
    const toLeader = await eventually(
      async () =>
        notifier.sent.find((m) => m.recipients.includes('justice.leader') && m.subject.includes('被申请人答复')),
      'the alert to the responsible leader',
    );
    expect(toLeader.subject).toContain('【领导包案】楼上漏水纠纷');
    expect(toLeader.subject).toContain('被申请人答复是否同意调解');
  });
});
