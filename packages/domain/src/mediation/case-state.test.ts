import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import {
  answerDispatch,
  applyConfirmation,
  assignMediators,
  closeCase,
  courtAccepts,
  courtDecides,
  dispatchCase,
  extendLimit,
  receiveCase,
  receiveRisk,
  recordAgreement,
  recordConsent,
  recordFailure,
  recordPerformance,
  recordSatisfaction,
  recordSession,
  recordVisit,
  reportRisk,
  setTier,
} from './case-state';
import type { CaseDecision, MediationCase } from './case-types';
import { courtDelegation, DAY, T0 } from './test-fixtures';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const consented = (c: MediationCase, at: number): MediationCase => {
  const a = recordConsent(c, { partyId: 'p1', given: true, by: 'm1', via: 'signed' }, at).state;
  return recordConsent(a, { partyId: 'p2', given: true, by: 'm1', via: 'phone' }, at).state;
};

describe('a court delegation from intake to satisfaction', () => {
  it('runs every clock of DOMAIN.md §3 at the step that starts and ends it', () => {
    // Prepare: the court posts a delegation.
    const received = receiveCase(courtDelegation(), T0 + 3600_000);
    // Assess: the 30-day court period counts from the delegation, not from acceptance.
    expect(received.clocks).toEqual([
      { kind: 'start', key: 'limit', policyId: 'mediation.court-delegated', startedAt: T0 },
    ]);
    expect(received.state.status).toBe('queued');

    // Act: dispatched, returned with a reason, dispatched again, accepted.
    const d1 = dispatchCase(
      received.state,
      { organisationId: 'town-a', by: 'hub', suggested: 'town-a-labour' },
      T0 + DAY,
    );
    expect(d1.clocks).toEqual([
      { kind: 'start', key: 'dispatch-1', policyId: 'mediation.dispatch-answer', startedAt: T0 + DAY },
    ]);
    const returned = answerDispatch(
      d1.state,
      { organisationId: 'town-a', accepted: false, reason: '专业性强，建议劳动争议调委会', by: 'm3' },
      T0 + DAY + 3600_000,
    );
    expect(returned.state.status).toBe('queued');
    expect(returned.clocks).toEqual([{ kind: 'meet', key: 'dispatch-1', at: T0 + DAY + 3600_000 }]);
    expect(code(() => dispatchCase(returned.state, { organisationId: 'town-a', by: 'hub' }, T0 + 2 * DAY))).toBe(
      'dispatch-returned-before',
    );
    const d2 = dispatchCase(returned.state, { organisationId: 'town-a-labour', by: 'hub' }, T0 + 2 * DAY);
    const accepted = answerDispatch(
      d2.state,
      { organisationId: 'town-a-labour', accepted: true, by: 'm1' },
      T0 + 2 * DAY + 600_000,
    );
    // The limit already runs (court period): acceptance starts only the respondent's answer clock.
    expect(accepted.clocks.map((c) => `${c.kind}:${c.key}`)).toEqual(['meet:dispatch-2', 'start:respondent']);
    expect(accepted.state.organisationId).toBe('town-a-labour');

    // Two sessions after both parties consent, then an extension with consent.
    expect(
      code(() =>
        recordSession(
          accepted.state,
          { at: T0 + 3 * DAY, place: '调解室', participants: ['p1'], summary: '-', nextStep: '-' },
          'm1',
          T0 + 3 * DAY,
        ),
      ),
    ).toBe('consent-missing');
    const withApplicant = recordConsent(
      accepted.state,
      { partyId: 'p1', given: true, by: 'm1', via: 'signed' },
      T0 + 3 * DAY,
    );
    const withBoth = recordConsent(
      withApplicant.state,
      { partyId: 'p2', given: true, by: 'm1', via: 'phone' },
      T0 + 3 * DAY,
    );
    expect(withBoth.clocks).toEqual([{ kind: 'meet', key: 'respondent', at: T0 + 3 * DAY }]);
    const assigned = assignMediators(withBoth.state, ['m1', 'm2'], false, 'head', T0 + 3 * DAY);
    const s1 = recordSession(
      assigned.state,
      {
        at: T0 + 4 * DAY,
        place: '街道调解室',
        participants: ['p1', 'p2', 'p3'],
        summary: '双方陈述',
        nextStep: '核对工时',
      },
      'm1',
      T0 + 4 * DAY,
    );
    const s2 = recordSession(
      s1.state,
      { at: T0 + 10 * DAY, place: '街道调解室', participants: ['p1', 'p3'], summary: '核对工时', nextStep: '拟定方案' },
      'm1',
      T0 + 10 * DAY,
    );
    expect(s2.state.status).toBe('mediating');
    const ext = extendLimit(
      s2.state,
      {
        by: 'm1',
        role: 'mediator',
        duration: 'P15D',
        reason: '双方同意延长',
        consentOf: ['p1', 'p2'],
        documentNo: '延字1号',
      },
      T0 + 25 * DAY,
    );
    expect(ext.clocks[0]).toMatchObject({
      kind: 'extend',
      key: 'limit',
      by: 'P15D',
      consent: { parties: ['p1', 'p2'], documentNo: '延字1号' },
    });

    // Agreement: the limit is met; confirmation application and performance clocks start.
    const agreed = recordAgreement(
      ext.state,
      {
        documentNo: '镜调字〔2026〕18号',
        facts: '拖欠劳务费',
        terms: ['公司于4月30日前支付3万元'],
        amountFen: 3_000_000,
        performanceDueAt: T0 + 60 * DAY,
        prevented: { groupPetition: { people: 12 } },
        by: 'm1',
      },
      T0 + 30 * DAY,
    );
    expect(agreed.clocks.map((c) => `${c.kind}:${c.key}`)).toEqual([
      'meet:limit',
      'start:confirmation-application',
      'start:performance',
    ]);
    expect(agreed.clocks[2]).toMatchObject({ period: { duration: 'P30D', documentNo: '镜调字〔2026〕18号' } });
    expect(
      code(() =>
        recordAgreement(
          agreed.state,
          {
            documentNo: '镜调字〔2026〕18号',
            facts: '',
            terms: ['x'],
            amountFen: 0,
            performanceDueAt: T0 + 61 * DAY,
            by: 'm1',
          },
          T0 + 30 * DAY,
        ),
      ),
    ).toBe('already-recorded');

    // Parties who decline judicial confirmation at signing get no application clock; they may still apply.
    const declined = recordAgreement(
      ext.state,
      {
        documentNo: '镜调字〔2026〕19号',
        facts: '拖欠劳务费',
        terms: ['公司于4月30日前支付3万元'],
        amountFen: 3_000_000,
        performanceDueAt: T0 + 60 * DAY,
        confirmationDeclined: true,
        by: 'm1',
      },
      T0 + 30 * DAY,
    );
    expect(declined.clocks.map((c) => `${c.kind}:${c.key}`)).toEqual(['meet:limit', 'start:performance']);
    expect(declined.state.agreement?.confirmationDeclined).toBe(true);
    expect(
      applyConfirmation(declined.state, 'court', 'm1', T0 + 31 * DAY).clocks.map((c) => `${c.kind}:${c.key}`),
    ).toEqual(['start:confirmation-acceptance']);

    // Judicial confirmation: applied, accepted (3 days), decided (15 days).
    const applied = applyConfirmation(agreed.state, 'court', 'm1', T0 + 31 * DAY);
    expect(applied.clocks.map((c) => `${c.kind}:${c.key}`)).toEqual([
      'meet:confirmation-application',
      'start:confirmation-acceptance',
    ]);
    const acc = courtAccepts(applied.state, 'court-system', T0 + 33 * DAY);
    expect(acc.clocks.map((c) => `${c.kind}:${c.key}`)).toEqual([
      'meet:confirmation-acceptance',
      'start:confirmation-decision',
    ]);
    const decided = courtDecides(acc.state, true, 'court-system', T0 + 40 * DAY);
    expect(decided.state.confirmation?.confirmed).toBe(true);

    // Closure, performance follow-up, visit and satisfaction.
    const closed = closeCase(decided.state, 'm1', T0 + 41 * DAY);
    expect(closed.clocks).toEqual([
      { kind: 'start', key: 'visit', policyId: 'mediation.follow-up-visit', startedAt: T0 + 41 * DAY },
    ]);
    const performed = recordPerformance(closed.state, 'full', '已全额支付', 'm1', T0 + 55 * DAY);
    expect(performed.events[0]?.data).toMatchObject({ honoured: 'full', onTime: true });
    const visited = recordVisit(performed.state, '双方满意', 'm1', T0 + 56 * DAY);
    const sat1 = recordSatisfaction(
      visited.state,
      { partyId: 'p1', score: 5, comment: '满意', via: 'call' },
      'm1',
      T0 + 56 * DAY,
    );
    const sat2 = recordSatisfaction(
      sat1.state,
      { partyId: 'p2', score: 4, comment: '', via: 'link' },
      'p2',
      T0 + 57 * DAY,
    );
    expect(
      code(() =>
        recordSatisfaction(sat2.state, { partyId: 'p2', score: 3, comment: '', via: 'link' }, 'p2', T0 + 58 * DAY),
      ),
    ).toBe('already-recorded');

    // Every clock that started has stopped; the timeline has every step.
    const running = Object.entries(sat2.state.clocks).filter(([, c]) => c?.running);
    expect(running).toEqual([]);
    expect(sat2.state.timeline.map((t) => t.what)).toContain('MediationCase.ConfirmationDecided');
    expect(sat2.state.version).toBe(sat2.state.timeline.length);
  });
});

describe('rules that protect the parties', () => {
  it('a non-court case starts the people-mediation month at acceptance', () => {
    const r = receiveCase(courtDelegation({ source: 'window', referral: undefined }), T0);
    expect(r.clocks).toEqual([]);
    const d = dispatchCase(r.state, { organisationId: 'town-a', by: 'hub' }, T0);
    const a = answerDispatch(d.state, { organisationId: 'town-a', accepted: true, by: 'm3' }, T0 + 1000);
    expect(a.clocks).toContainEqual({
      kind: 'start',
      key: 'limit',
      policyId: 'mediation.default',
      startedAt: T0 + 1000,
    });
  });

  it('a summary-procedure entrustment runs on 7 days', () => {
    const r = receiveCase(
      courtDelegation({
        source: 'court-entrustment',
        referral: { departmentId: 'court', referenceNo: 'x', procedure: 'summary' },
      }),
      T0,
    );
    expect(r.clocks[0]).toMatchObject({ policyId: 'mediation.court-entrusted-summary' });
  });

  it('a respondent who refuses ends the mediation, and the parties are told their other routes', () => {
    const r = receiveCase(courtDelegation(), T0);
    const d = dispatchCase(r.state, { organisationId: 'town-a', by: 'hub' }, T0);
    const a = answerDispatch(d.state, { organisationId: 'town-a', accepted: true, by: 'm3' }, T0);
    const refused = recordConsent(a.state, { partyId: 'p2', given: false, by: 'm3', via: 'phone' }, T0 + DAY);
    expect(refused.state.status).toBe('failed');
    expect(refused.state.failure?.routesTold).toEqual(['arbitration', 'administrative-ruling', 'litigation']);
    expect(refused.clocks.map((c) => `${c.kind}:${c.key}`)).toEqual(['meet:respondent', 'meet:limit']);
  });

  it('refuses incomplete intake with every failing field named', () => {
    const e = (() => {
      try {
        receiveCase(courtDelegation({ referral: undefined, parties: [{ id: 'x', role: 'agent', name: '某' }] }), T0);
      } catch (err) {
        return err as DomainError;
      }
    })();
    expect(e?.issues.map((i) => i.code).sort()).toEqual([
      'applicant-missing',
      'required',
      'respondent-missing',
      'unknown-party',
    ]);
  });

  it('only the organisation the case was dispatched to may answer, and a return needs a reason', () => {
    const r = receiveCase(courtDelegation(), T0);
    const d = dispatchCase(r.state, { organisationId: 'town-a', by: 'hub' }, T0);
    expect(code(() => answerDispatch(d.state, { organisationId: 'village-b', accepted: true, by: 'm4' }, T0))).toBe(
      'not-dispatched-to-you',
    );
    expect(
      code(() => answerDispatch(d.state, { organisationId: 'town-a', accepted: false, reason: ' ', by: 'm3' }, T0)),
    ).toBe('return-reason-required');
    const a = answerDispatch(d.state, { organisationId: 'town-a', accepted: true, by: 'm3' }, T0);
    expect(code(() => answerDispatch(a.state, { organisationId: 'town-a', accepted: true, by: 'm3' }, T0))).toBe(
      'already-recorded',
    );
  });

  it('a major dispute needs a responsible leader; a risk goes to the police and raises the risk level', () => {
    const r = receiveCase(courtDelegation({ risk: 'low' }), T0);
    expect(code(() => setTier(r.state, 'major', undefined, 'hub', T0))).toBe('leader-required');
    const t = setTier(r.state, 'major', 'leader.chen', 'hub', T0, '陈副区长');
    expect(t.state).toMatchObject({ responsibleLeader: 'leader.chen', responsibleLeaderName: '陈副区长' });
    expect(t.events[0]?.data).not.toHaveProperty('responsibleLeaderName');
    const ordinary = setTier(t.state, 'ordinary', undefined, 'hub', T0);
    expect(ordinary.state).not.toHaveProperty('responsibleLeader');
    expect(ordinary.state).not.toHaveProperty('responsibleLeaderName');
    const risk = reportRisk(t.state, 'civil-to-criminal', '申请人扬言报复', 'm1', T0 + 1);
    expect(risk.events[0]).toMatchObject({
      type: 'MediationCase.RiskReported',
      data: { kind: 'civil-to-criminal', report: 1 },
    });
    expect(risk.state.risk).toBe('high');
  });

  it('a failure must say which routes the parties were told, and stops every running clock', () => {
    const r = receiveCase(courtDelegation(), T0);
    const d: CaseDecision = dispatchCase(r.state, { organisationId: 'town-a', by: 'hub' }, T0);
    expect(code(() => recordFailure(d.state, '无法联系', [], 'hub', T0))).toBe('routes-required');
    const f = recordFailure(d.state, '无法联系被申请人', ['litigation'], 'hub', T0 + DAY);
    expect(f.clocks.map((c) => `${c.kind}:${c.key}`).sort()).toEqual(['cancel:dispatch-1', 'meet:limit']);
    expect(closeCase(f.state, 'hub', T0 + DAY).state.status).toBe('closed');
  });

  it('the agreement needs a performance deadline after its date', () => {
    const r = receiveCase(courtDelegation(), T0);
    const a = answerDispatch(
      dispatchCase(r.state, { organisationId: 'town-a', by: 'hub' }, T0).state,
      { organisationId: 'town-a', accepted: true, by: 'm3' },
      T0,
    );
    const m = recordSession(
      consented(a.state, T0),
      { at: T0, place: '室', participants: [], summary: '', nextStep: '' },
      'm3',
      T0,
    );
    expect(
      code(() =>
        recordAgreement(
          m.state,
          { documentNo: 'n', facts: '', terms: ['t'], amountFen: 0, performanceDueAt: T0, by: 'm3' },
          T0,
        ),
      ),
    ).toBe('agreement-invalid');
  });
});

describe('a reported risk and its receipt by public security', () => {
  it('starts a receipt clock per report, met when the police sign for every open report', () => {
    // Prepare
    const r = receiveCase(courtDelegation(), T0);
    const first = reportRisk(r.state, 'violence', '被申请人情绪激动', 'm1', T0 + 1);
    const second = reportRisk(first.state, 'group-petition', '十余名工人聚集', 'm1', T0 + 2);
    // Act
    const received = receiveRisk(second.state, '已派民警', 'psb.duty', T0 + 3);
    // Assess
    expect(first.clocks).toEqual([
      { kind: 'start', key: 'risk-1', policyId: 'mediation.risk-police-receipt', startedAt: T0 + 1 },
    ]);
    expect(second.clocks.map((c) => c.key)).toEqual(['risk-2']);
    expect(received.clocks).toEqual([
      { kind: 'meet', key: 'risk-1', at: T0 + 3 },
      { kind: 'meet', key: 'risk-2', at: T0 + 3 },
    ]);
    expect(received.events[0]).toMatchObject({ type: 'MediationCase.RiskReceived', data: { reports: [1, 2] } });
    expect(() => receiveRisk(received.state, undefined, 'psb.duty', T0 + 4)).toThrow(/已经签收/);
    expect(() => receiveRisk(r.state, undefined, 'psb.duty', T0 + 4)).toThrow(/不能签收/);
  });
});
