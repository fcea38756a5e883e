import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import {
  AGENCY,
  at,
  COURT,
  DOCUMENTS,
  END,
  Harness,
  HEAD,
  iso,
  POLICE,
  POLICE_2,
  PROCURATORATE,
  receivedCase,
  report,
  STRANGER,
  transferCommand,
} from './test-fixtures';
import { decide, invariantViolations, type TransferCommand } from './transfer-state';
import type { Actor } from './transfer-types';

// Every transition of the transfer case, each clock's due computed by the real clock engine on the
// State Council calendar (2026 国庆 Oct 1–7 with 调休 Sep 20 / Oct 10; 春节 Feb 15–23 with 调休
// Feb 14 / Feb 28), and every refusal. Expected instants are written from the statute: "日" counts
// calendar days, the start day not counted, a last day on a holiday or rest day rolls to the end of
// the next working day; hours are wall-clock.

function refused(h: Harness, command: TransferCommand, actor: Actor, when: string): DomainError {
  try {
    h.do(command, actor, when);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`${command.type} was accepted`);
}

describe('report and approval (Art. 5)', () => {
  it('starts the 3-day approval from the report; 3 days from Mon Sep 28 end on 国庆 Oct 1 and roll to Oct 8', () => {
    // Act
    const h = new Harness();
    const d = h.do(report(), AGENCY, '2026-09-28T10:00');

    // Assess
    expect(d.state).toMatchObject({ status: 'reported', version: 1, team: ['samr.wang', 'samr.li'] });
    expect(d.events.map((e) => e.type)).toEqual(['TransferCase.Reported']);
    expect(h.due('head-approval')).toBe(`2026-10-08${END}`);
    expect(h.clock('head-approval').unrolledDueAt).toBe(at('2026-10-01T23:59:59.999'));
  });

  it('refuses a special team of fewer than two officers, a report in the future, and reasonable suspicion outside IP', () => {
    // Prepare
    const h = new Harness();

    // Act
    const team = refused(h, report({ team: ['samr.wang', 'samr.wang'] }), AGENCY, '2026-09-28T10:00');
    const future = refused(h, report({ reportedAt: at('2026-09-29T10:00') }), AGENCY, '2026-09-28T10:00');
    const suspicion = refused(h, report({ basis: 'reasonable-suspicion' }), AGENCY, '2026-09-28T10:00');

    // Assess
    expect(team).toMatchObject({ code: 'transfer-report-invalid', kind: 'invalid' });
    expect(team.issues.map((i) => i.code)).toEqual(['too-few']);
    expect(future.issues.map((i) => i.code)).toEqual(['in-future']);
    expect(suspicion.issues).toEqual([expect.objectContaining({ path: ['basis'], code: 'ip-only' })]);
  });

  it('accepts an intellectual-property case on reasonable suspicion without a threshold (令730 Art. 3 ¶2)', () => {
    // Act
    const d = new Harness().do(
      report({ basis: 'reasonable-suspicion', offenceCategory: 'ip-trademark', threshold: undefined }),
      AGENCY,
      '2026-09-28T10:00',
    );

    // Assess
    expect(d.state).toMatchObject({ basis: 'reasonable-suspicion', offenceCategory: 'ip-trademark' });
  });

  it('records a refusal with its reasons, meets the approval clock and ends the case', () => {
    // Prepare
    const h = new Harness();
    h.do(report(), AGENCY, '2026-09-28T10:00');

    // Act
    const d = h.do({ type: 'DecideApproval', approved: false, reasons: '涉案金额未核实' }, HEAD, '2026-09-29T10:00');

    // Assess
    expect(d.state).toMatchObject({ status: 'refused', approval: { approved: false, reasons: '涉案金额未核实' } });
    expect(h.clock('head-approval')).toMatchObject({ status: 'met', metLate: false });
    expect(d.state.closedAt).toBe(at('2026-09-29T10:00'));
  });

  it('refuses a refusal without reasons, a second decision, and a decision by another department', () => {
    // Prepare
    const h = new Harness();
    h.do(report(), AGENCY, '2026-09-28T10:00');

    // Act
    const noReasons = refused(h, { type: 'DecideApproval', approved: false }, HEAD, '2026-09-29T10:00');
    const other = refused(h, { type: 'DecideApproval', approved: true }, POLICE, '2026-09-29T10:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-09-29T10:00');
    const twice = refused(h, { type: 'DecideApproval', approved: true }, HEAD, '2026-09-29T11:00');

    // Assess
    expect(noReasons).toMatchObject({ code: 'reasons-required', kind: 'invalid' });
    expect(other).toMatchObject({ code: 'not-your-step', kind: 'forbidden' });
    expect(twice).toMatchObject({ code: 'already-recorded', kind: 'conflict' });
  });
});

describe('transfer with the five documents (Art. 5, 6)', () => {
  it('runs 24 hours from approval, does not roll on 国庆, and counts only a complete transfer', () => {
    // Prepare
    const h = new Harness();
    h.do(report(), AGENCY, '2026-09-28T10:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-09-30T16:00');

    // Act
    const incomplete = h.do(
      transferCommand(DOCUMENTS.filter((d) => d.kind !== 'inspection-report')),
      AGENCY,
      '2026-09-30T18:00',
    );
    const complete = h.do(transferCommand(), AGENCY, '2026-10-01T09:00');

    // Assess
    expect(h.due('to-police')).toBe('2026-10-01T16:00:00.000+08:00');
    expect(incomplete.events.map((e) => e.type)).toEqual(['TransferCase.TransferIncomplete']);
    expect(incomplete.state.status).toBe('approved');
    expect(incomplete.clocks).toEqual([]);
    expect(incomplete.state.attempts[0]).toMatchObject({
      complete: false,
      missing: ['inspection-report'],
      explanation: '移送材料不全：有关检验报告或者鉴定意见未附（第六条第（四）项）',
    });
    expect(complete.state).toMatchObject({
      status: 'transferred',
      policeDepartmentId: 'psb',
      procuratorateDepartmentId: 'procuratorate',
      copiedToProcuratorateAt: at('2026-10-01T09:00'),
    });
    expect(h.clock('to-police')).toMatchObject({ status: 'met', metLate: false });
  });

  it('breaches the 24 hours when the only complete transfer comes late', () => {
    // Prepare
    const h = new Harness();
    h.do(report(), AGENCY, '2026-09-28T10:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-09-30T16:00');

    // Act
    h.do(transferCommand(), AGENCY, '2026-10-01T16:00:00.001');

    // Assess
    expect(h.clock('to-police')).toMatchObject({ status: 'met', metLate: true });
  });

  it('refuses a transfer before approval, without a police department, or a second one', () => {
    // Prepare
    const h = new Harness();
    h.do(report(), AGENCY, '2026-09-28T10:00');

    // Act
    const early = refused(h, transferCommand(), AGENCY, '2026-09-28T11:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-09-28T12:00');
    const noPolice = refused(
      h,
      { ...transferCommand(), policeDepartmentId: ' ' } as TransferCommand,
      AGENCY,
      '2026-09-28T13:00',
    );
    h.do(transferCommand(), AGENCY, '2026-09-28T14:00');
    const again = refused(h, transferCommand(), AGENCY, '2026-09-28T15:00');

    // Assess
    expect(early).toMatchObject({ code: 'transfer-transition-invalid', kind: 'conflict' });
    expect(early.message).toBe('案件当前状态（待负责人审批）不能移送');
    expect(noPolice).toMatchObject({ code: 'policeDepartmentId-required' });
    expect(again).toMatchObject({ code: 'already-recorded' });
  });
});

describe('public security: receipt, pass-on, incomplete materials, filing (Art. 7, 8; 程序规定 Art. 180)', () => {
  it('gives 3 days to decide from the receipt on Oct 1: Oct 4 is 国庆, so Oct 8', () => {
    // Act
    const h = receivedCase();

    // Assess
    expect(h.case).toMatchObject({ status: 'under-review', round: 1, receivedAt: at('2026-10-01T10:00') });
    expect(h.due('filing-1')).toBe(`2026-10-08${END}`);
    expect(h.clock('filing-1').policyId).toBe('transfer.filing-decision');
  });

  it('refuses a receipt by a police department the case was not sent to', () => {
    // Prepare
    const h = new Harness();
    h.do(report(), AGENCY, '2026-09-28T10:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-09-30T16:00');
    h.do(transferCommand(), AGENCY, '2026-10-01T09:00');

    // Act
    const e = refused(h, { type: 'Receive' }, POLICE_2, '2026-10-01T10:00');

    // Assess
    expect(e).toMatchObject({ code: 'not-your-step', kind: 'forbidden' });
  });

  it('passes on within 24 hours of receipt (on time at 09:59 next day, late after 10:00) and the next organ starts round 2', () => {
    // Prepare
    const onTime = receivedCase();
    const late = receivedCase();

    // Act
    onTime.do(
      { type: 'PassOn', toDepartmentId: 'psb-jinghu', toKind: 'police', reason: '属地管辖' },
      POLICE,
      '2026-10-02T09:59',
    );
    late.do(
      { type: 'PassOn', toDepartmentId: 'psb-jinghu', toKind: 'police', reason: '属地管辖' },
      POLICE,
      '2026-10-02T10:00:00.001',
    );
    onTime.do({ type: 'Receive' }, POLICE_2, '2026-10-02T15:00');

    // Assess
    expect(onTime.due('pass-on-1')).toBe('2026-10-02T10:00:00.000+08:00');
    expect(onTime.clock('pass-on-1')).toMatchObject({ status: 'met', metLate: false });
    expect(late.clock('pass-on-1')).toMatchObject({ status: 'met', metLate: true });
    expect(onTime.clock('filing-1').status).toBe('cancelled');
    expect(onTime.case).toMatchObject({ status: 'under-review', round: 2, policeDepartmentId: 'psb-jinghu' });
    expect(onTime.due('filing-2')).toBe(`2026-10-08${END}`);
  });

  it('passes on to an organ outside the platform and ends there', () => {
    // Prepare
    const h = receivedCase();

    // Act
    const d = h.do(
      { type: 'PassOn', toDepartmentId: 'customs-anti-smuggling', toKind: 'other', reason: '走私案件' },
      POLICE,
      '2026-10-01T18:00',
    );

    // Assess
    expect(d.state.status).toBe('passed-on');
    expect(invariantViolations(d.state)).toEqual([]);
  });

  it('notifies incomplete materials within 24 hours; the agency has 3 days from the notice (Oct 2 + 3 = Oct 5, 国庆 → Oct 8)', () => {
    // Prepare
    const h = receivedCase();

    // Act
    h.do({ type: 'NotifyIncomplete', missing: ['检验报告原件'] }, POLICE, '2026-10-02T09:00');
    const again = refused(h, { type: 'NotifyIncomplete', missing: ['又一项'] }, POLICE, '2026-10-02T10:00');
    h.do(
      { type: 'CompleteMaterials', documents: [DOCUMENTS[3] as (typeof DOCUMENTS)[number]] },
      AGENCY,
      '2026-10-06T10:00',
    );

    // Assess
    expect(h.due('notify-incomplete-1')).toBe('2026-10-02T10:00:00.000+08:00');
    expect(h.clock('notify-incomplete-1')).toMatchObject({ status: 'met', metLate: false });
    expect(h.due('complete-materials-1')).toBe(`2026-10-08${END}`);
    expect(h.clock('complete-materials-1')).toMatchObject({ status: 'met', metLate: false });
    expect(again).toMatchObject({ code: 'already-recorded' });
    expect(h.case.materialRequests[0]).toMatchObject({ completedAt: at('2026-10-06T10:00') });
  });

  it('refuses a notice without the missing items and a completion nobody asked for', () => {
    // Prepare
    const h = receivedCase();

    // Act
    const empty = refused(h, { type: 'NotifyIncomplete', missing: [] }, POLICE, '2026-10-02T09:00');
    const unasked = refused(h, { type: 'CompleteMaterials', documents: DOCUMENTS }, AGENCY, '2026-10-02T09:00');

    // Assess
    expect(empty).toMatchObject({ code: 'missing-required', kind: 'invalid' });
    expect(unasked).toMatchObject({ code: 'transfer-transition-invalid' });
  });

  it('files on Oct 7 and gives the agency 3 days to hand over: Oct 10 is a 调休 Saturday, so no roll', () => {
    // Prepare
    const h = receivedCase();

    // Act
    const d = h.do({ type: 'DecideFiling', filed: true, documentNo: '芜公立〔2026〕88号' }, POLICE, '2026-10-07T11:00');
    h.do({ type: 'HandOver' }, AGENCY, '2026-10-09T10:00');

    // Assess
    expect(d.state).toMatchObject({ status: 'filed', filing: { filed: true, stage: 'review' } });
    expect(h.clock('filing-1')).toMatchObject({ status: 'met', metLate: false });
    expect(h.due('handover-1')).toBe(`2026-10-10${END}`);
    expect(h.clock('handover-1')).toMatchObject({ status: 'met', metLate: false });
    expect(h.case.handedOverAt).toBe(at('2026-10-09T10:00'));
  });

  it('files on Oct 8 and the hand-over runs to Sun Oct 11, rolled to Mon Oct 12', () => {
    // Prepare
    const h = receivedCase();

    // Act
    h.do({ type: 'DecideFiling', filed: true, documentNo: '芜公立〔2026〕88号' }, POLICE, '2026-10-08T15:00');

    // Assess
    expect(h.due('handover-1')).toBe(`2026-10-12${END}`);
  });

  it('refuses a refusal to file without reasons or without a document number', () => {
    // Prepare
    const h = receivedCase();

    // Act
    const noReasons = refused(h, { type: 'DecideFiling', filed: false, documentNo: 'x' }, POLICE, '2026-10-02T09:00');
    const noDoc = refused(h, { type: 'DecideFiling', filed: true, documentNo: '' }, POLICE, '2026-10-02T09:00');

    // Assess
    expect(noReasons).toMatchObject({ code: 'reasons-required' });
    expect(noDoc).toMatchObject({ code: 'documentNo-required' });
  });
});

describe('economic crimes (2017 rules, Art. 16)', () => {
  function economicCase(): Harness {
    const h = new Harness();
    h.do(report({ economic: true, reportedAt: at('2026-09-14T10:00') }), AGENCY, '2026-09-14T10:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-09-16T10:00');
    h.do(transferCommand(), AGENCY, '2026-09-16T15:00');
    h.do({ type: 'Receive' }, POLICE, '2026-09-21T10:00');
    return h;
  }

  it('decides at the latest in 10 days (Sep 21 + 10 = Oct 1, 国庆 → Oct 8); complex 30 days from receipt (Oct 21); +30 with the higher head (Nov 20)', () => {
    // Prepare
    const h = economicCase();
    const ordinary = h.due('filing-1');

    // Act
    h.do(
      { type: 'DeclareComplex', approvedBy: '县公安局局长', documentNo: '芜公审〔2026〕5号' },
      POLICE,
      '2026-09-25T10:00',
    );
    const complex = h.due('filing-complex-1');
    h.do(
      {
        type: 'ExtendFilingReview',
        approvedBy: '市公安局局长',
        documentNo: '芜公审〔2026〕9号',
        reason: '跨区域调取证据',
      },
      POLICE,
      '2026-10-20T10:00',
    );

    // Assess
    expect(ordinary).toBe(`2026-10-08${END}`);
    expect(h.clock('filing-1').status).toBe('cancelled');
    expect(complex).toBe(`2026-10-21${END}`);
    expect(h.due('filing-complex-1')).toBe(`2026-11-20${END}`);
    expect(h.clock('filing-complex-1').extensions[0]).toMatchObject({ role: 'police-higher-head', by: 'P30D' });
  });

  it('refuses the 30 days for a case that is not economic, and the +30 before the 30', () => {
    // Prepare
    const ordinary = receivedCase();
    const economic = economicCase();

    // Act
    const notEconomic = refused(
      ordinary,
      { type: 'DeclareComplex', approvedBy: 'x', documentNo: 'y' },
      POLICE,
      '2026-10-02T10:00',
    );
    const tooEarly = refused(
      economic,
      { type: 'ExtendFilingReview', approvedBy: 'x', documentNo: 'y', reason: 'z' },
      POLICE,
      '2026-09-25T10:00',
    );

    // Assess
    expect(notEconomic).toMatchObject({ code: 'not-economic', kind: 'conflict' });
    expect(tooEarly).toMatchObject({ code: 'not-complex' });
  });
});

describe('not filed → reconsideration → filing supervision (Art. 9; 刑诉规则 Arts. 560–564), across 春节 2026', () => {
  function springCase(): Harness {
    const h = new Harness();
    h.do(report({ reportedAt: at('2026-02-02T09:00') }), AGENCY, '2026-02-02T09:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-02-03T10:00');
    h.do(transferCommand(), AGENCY, '2026-02-03T15:00');
    h.do({ type: 'Receive' }, POLICE, '2026-02-04T09:00');
    return h;
  }

  it('walks every clock with its statutory due', () => {
    // Prepare
    const h = springCase();
    const filingDue = h.due('filing-1'); // Feb 4 + 3 = Sat Feb 7 → Mon Feb 9

    // Act
    h.do(
      { type: 'DecideFiling', filed: false, documentNo: '芜公不立〔2026〕2号', reasons: '证据不足' },
      POLICE,
      '2026-02-09T17:00',
    );
    const requestDue = h.due('reconsideration-request-1'); // Feb 12 (Thu)
    h.do({ type: 'RequestReconsideration', documentNo: '芜市监复〔2026〕1号' }, AGENCY, '2026-02-12T10:00');
    const decisionDue = h.due('reconsideration-decision-1'); // Feb 15 is 春节 → Tue Feb 24
    h.do(
      { type: 'DecideReconsideration', filed: false, documentNo: '芜公复〔2026〕1号', reasons: '维持' },
      POLICE,
      '2026-02-24T16:00',
    );
    const supervisionDue = h.due('supervision-request-1'); // Feb 27 (Fri)
    h.do({ type: 'RequestSupervision', documentNo: '芜市监监〔2026〕1号' }, AGENCY, '2026-02-26T10:00');
    h.do({ type: 'RequireExplanation', documentNo: '芜检说〔2026〕1号' }, PROCURATORATE, '2026-02-27T10:00');
    const explanationDue = h.due('supervision-explanation-1'); // Feb 27 + 7 = Mar 6 (Fri)
    h.do(
      { type: 'ExplainNotFiling', documentNo: '芜公说〔2026〕1号', reasons: '证据不足' },
      POLICE,
      '2026-03-05T10:00',
    );
    h.do(
      { type: 'ReviewExplanation', reasonsStand: false, documentNo: '芜检通立〔2026〕1号' },
      PROCURATORATE,
      '2026-03-10T10:00',
    );
    const filingOnNoticeDue = h.due('supervision-filing-1'); // Mar 10 + 15 = Mar 25 (Wed)
    const d = h.do({ type: 'DecideFiling', filed: true, documentNo: '芜公立〔2026〕20号' }, POLICE, '2026-03-20T10:00');

    // Assess
    expect(filingDue).toBe(`2026-02-09${END}`);
    expect(requestDue).toBe(`2026-02-12${END}`);
    expect(decisionDue).toBe(`2026-02-24${END}`);
    expect(supervisionDue).toBe(`2026-02-27${END}`);
    expect(explanationDue).toBe(`2026-03-06${END}`);
    expect(filingOnNoticeDue).toBe(`2026-03-25${END}`);
    // 3 months after Mar 20 is Sat Jun 20, inside 端午 (Jun 19–21): the urging falls due Mon Jun 22.
    expect(h.due('urging-1')).toBe(`2026-06-22${END}`);
    expect(h.due('handover-1')).toBe(`2026-03-23${END}`);
    expect(d.state).toMatchObject({ status: 'filed', filing: { stage: 'supervision' } });
    for (const key of ['filing-1', 'reconsideration-request-1', 'reconsideration-decision-1', 'supervision-request-1'])
      expect(h.clock(key)).toMatchObject({ status: 'met', metLate: false });
    expect(h.clock('supervision-explanation-1')).toMatchObject({ status: 'met', metLate: false });
    expect(h.clock('supervision-filing-1')).toMatchObject({ status: 'met', metLate: false });
  });

  it('lets the agency go to the procuratorate at once (Art. 9 "也可以"), cancelling the reconsideration window', () => {
    // Prepare
    const h = springCase();
    h.do({ type: 'DecideFiling', filed: false, documentNo: 'n', reasons: '证据不足' }, POLICE, '2026-02-09T17:00');

    // Act
    const d = h.do({ type: 'RequestSupervision', documentNo: 's' }, AGENCY, '2026-02-10T10:00');

    // Assess
    expect(d.state.status).toBe('supervision');
    expect(h.clock('reconsideration-request-1').status).toBe('cancelled');
  });

  it('when the reasons stand, the procuratorate tells the agency within 10 days and the case goes back for a penalty', () => {
    // Prepare
    const h = springCase();
    h.do({ type: 'DecideFiling', filed: false, documentNo: 'n', reasons: '证据不足' }, POLICE, '2026-02-09T17:00');
    h.do({ type: 'RequireExplanation', documentNo: 'r' }, PROCURATORATE, '2026-02-10T10:00');
    h.do({ type: 'ExplainNotFiling', documentNo: 'e', reasons: '证据不足' }, POLICE, '2026-02-12T10:00');

    // Act
    h.do({ type: 'ReviewExplanation', reasonsStand: true, documentNo: 'v' }, PROCURATORATE, '2026-02-13T10:00');
    const noticeDue = h.due('supervision-notice-1'); // Feb 13 + 10 = Feb 23, 春节 → Feb 24
    const d = h.do({ type: 'NotifySupervisionResult', documentNo: 't' }, PROCURATORATE, '2026-02-24T10:00');

    // Assess
    expect(noticeDue).toBe(`2026-02-24${END}`);
    expect(d.state.status).toBe('returned-to-agency');
    expect(h.clock('reconsideration-request-1').status).toBe('cancelled');
    expect(h.clock('penalty').policyId).toBe('transfer.penalty-decision');
  });

  it('refuses a refusal to file once the procuratorate has notified filing, and an explanation nobody required', () => {
    // Prepare
    const h = springCase();
    h.do({ type: 'DecideFiling', filed: false, documentNo: 'n', reasons: '证据不足' }, POLICE, '2026-02-09T17:00');
    const unasked = refused(h, { type: 'ExplainNotFiling', documentNo: 'e', reasons: 'x' }, POLICE, '2026-02-10T10:00');
    h.do({ type: 'RequireExplanation', documentNo: 'r' }, PROCURATORATE, '2026-02-10T10:00');
    h.do({ type: 'ExplainNotFiling', documentNo: 'e', reasons: '证据不足' }, POLICE, '2026-02-12T10:00');
    h.do({ type: 'ReviewExplanation', reasonsStand: false, documentNo: 'v' }, PROCURATORATE, '2026-02-13T10:00');

    // Act
    const e = refused(
      h,
      { type: 'DecideFiling', filed: false, documentNo: 'x', reasons: 'y' },
      POLICE,
      '2026-02-14T10:00',
    );

    // Assess
    expect(unasked).toMatchObject({ code: 'transfer-transition-invalid' });
    expect(e).toMatchObject({ code: 'filing-required', kind: 'conflict' });
  });

  it('lets the agency accept the refusal: back to it for the administrative penalty (Art. 10)', () => {
    // Prepare
    const h = springCase();
    h.do({ type: 'DecideFiling', filed: false, documentNo: 'n', reasons: '证据不足' }, POLICE, '2026-02-09T17:00');

    // Act
    h.do({ type: 'AcceptNotFiled' }, AGENCY, '2026-02-10T10:00');
    const d = h.do(
      { type: 'DecidePenalty', decided: true, decisionNo: '芜市监罚〔2026〕9号' },
      AGENCY,
      '2026-03-01T10:00',
    );

    // Assess
    expect(d.state).toMatchObject({ status: 'closed', penalty: { decided: true, decisionNo: '芜市监罚〔2026〕9号' } });
    expect(h.clock('penalty')).toMatchObject({ status: 'met', metLate: false });
    expect(invariantViolations(d.state)).toEqual([]);
  });
});

describe('filed → prosecution → court, and reverse transfer (反向衔接)', () => {
  function filedCase(): Harness {
    const h = receivedCase();
    h.do({ type: 'DecideFiling', filed: true, documentNo: 'f' }, POLICE, '2026-10-07T11:00');
    h.do({ type: 'HandOver' }, AGENCY, '2026-10-09T10:00');
    return h;
  }

  it('ends in court with the judgment recorded by the court (the fourth party)', () => {
    // Prepare
    const h = filedCase();
    h.do({ type: 'ConcludeInvestigation', outcome: 'prosecution' }, POLICE, '2026-11-20T10:00');

    // Act
    h.do(
      { type: 'DecideProsecution', prosecuted: true, documentNo: '芜检诉〔2026〕3号', courtDepartmentId: 'court' },
      PROCURATORATE,
      '2026-12-01T10:00',
    );
    const other = refused(h, { type: 'RecordJudgment', documentNo: 'j', summary: 's' }, POLICE, '2026-12-20T10:00');
    const d = h.do(
      { type: 'RecordJudgment', documentNo: '（2026）皖0202刑初1号', summary: '判处罚金' },
      COURT,
      '2026-12-20T10:00',
    );

    // Assess
    expect(other).toMatchObject({ code: 'not-your-step' });
    expect(d.state).toMatchObject({ status: 'closed', judgment: { documentNo: '（2026）皖0202刑初1号' } });
    expect(invariantViolations(d.state)).toEqual([]);
  });

  it('after non-prosecution: 3 working days to refer (Sep 29 → Oct 9 over 国庆); review 10 working days from registration, suspended on 复议 and extended', () => {
    // Prepare
    const h = new Harness();
    h.do(report({ reportedAt: at('2026-06-01T10:00') }), AGENCY, '2026-06-01T10:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-06-01T11:00');
    h.do(transferCommand(), AGENCY, '2026-06-01T12:00');
    h.do({ type: 'Receive' }, POLICE, '2026-06-01T13:00');
    h.do({ type: 'DecideFiling', filed: true, documentNo: 'f' }, POLICE, '2026-06-02T10:00');
    h.do({ type: 'ConcludeInvestigation', outcome: 'prosecution' }, POLICE, '2026-08-20T10:00');

    // Act
    h.do(
      { type: 'DecideProsecution', prosecuted: false, documentNo: '芜检不诉〔2026〕4号' },
      PROCURATORATE,
      '2026-09-29T10:00',
    );
    const referralDue = h.due('reverse-referral');
    h.do({ type: 'ReferReverse' }, PROCURATORATE, '2026-10-09T10:00');
    h.do({ type: 'RegisterReverse' }, PROCURATORATE, '2026-10-09T15:00');
    const reviewDue = h.due('reverse-review');
    h.do(
      { type: 'SuspendReverseReview', reason: 'reconsideration', documentNo: '芜公复核〔2026〕2号' },
      PROCURATORATE,
      '2026-10-13T10:00',
    );
    const duplicate = refused(
      h,
      { type: 'SuspendReverseReview', reason: 'reconsideration' },
      PROCURATORATE,
      '2026-10-14T10:00',
    );
    h.do({ type: 'ResumeReverseReview', reason: 'reconsideration' }, PROCURATORATE, '2026-10-20T10:00');
    const resumedDue = h.due('reverse-review');
    h.do(
      { type: 'ExtendReverseReview', duration: 'P5D', approvedBy: '检察长', reason: '案情复杂' },
      PROCURATORATE,
      '2026-10-26T10:00',
    );
    const extendedDue = h.due('reverse-review');
    const d = h.do(
      { type: 'ConcludeReverseReview', penaltyAdvised: true, documentNo: '芜检行意〔2026〕1号' },
      PROCURATORATE,
      '2026-11-02T10:00',
    );

    // Assess
    expect(referralDue).toBe(`2026-10-09${END}`); // Sep 30, Oct 8, Oct 9
    expect(reviewDue).toBe(`2026-10-22${END}`); // Oct 10 (调休) is the first working day
    // Paused on Oct 13 with 7 working days left (14–22); counted again after Oct 20: Oct 21 … Oct 29.
    expect(resumedDue).toBe(`2026-10-29${END}`);
    expect(extendedDue).toBe(`2026-11-05${END}`); // + 5 working days: Oct 30, Nov 2–5
    expect(h.clock('reverse-review').pauses[0]).toMatchObject({
      reason: 'reconsideration',
      documentNo: '芜公复核〔2026〕2号',
    });
    expect(duplicate).toMatchObject({ code: 'already-recorded' });
    expect(h.clock('reverse-review')).toMatchObject({ status: 'met', metLate: false });
    expect(d.state).toMatchObject({
      status: 'returned-to-agency',
      reverse: { from: 'procuratorate', penaltyAdvised: true },
    });
  });

  it('refuses a suspension reason the guideline does not list, and a resume with no open suspension', () => {
    // Prepare
    const h = new Harness();
    h.do(report({ reportedAt: at('2026-06-01T10:00') }), AGENCY, '2026-06-01T10:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-06-01T11:00');
    h.do(transferCommand(), AGENCY, '2026-06-01T12:00');
    h.do({ type: 'Receive' }, POLICE, '2026-06-01T13:00');
    h.do({ type: 'DecideFiling', filed: true, documentNo: 'f' }, POLICE, '2026-06-02T10:00');
    h.do({ type: 'ConcludeInvestigation', outcome: 'prosecution' }, POLICE, '2026-08-20T10:00');
    h.do({ type: 'DecideProsecution', prosecuted: false, documentNo: 'n' }, PROCURATORATE, '2026-09-29T10:00');
    h.do({ type: 'ReferReverse' }, PROCURATORATE, '2026-09-30T10:00');
    h.do({ type: 'RegisterReverse' }, PROCURATORATE, '2026-09-30T11:00');

    // Act
    const unknown = refused(
      h,
      { type: 'SuspendReverseReview', reason: 'holiday' as 'reconsideration' },
      PROCURATORATE,
      '2026-10-09T10:00',
    );
    const noPause = refused(
      h,
      { type: 'ResumeReverseReview', reason: 'victim-petition' },
      PROCURATORATE,
      '2026-10-09T10:00',
    );

    // Assess
    expect(unknown).toMatchObject({ code: 'pause-reason-unknown', kind: 'invalid' });
    expect(noPause).toMatchObject({ code: 'no-open-pause' });
  });

  it('public security sends a case back when no crime is found (Art. 13): 90 days for the penalty, Apr 5 is 清明 → Apr 7', () => {
    // Prepare
    const h = new Harness();
    h.do(report({ reportedAt: at('2026-01-05T09:00') }), AGENCY, '2026-01-05T09:00');
    h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-01-05T10:00');
    h.do(transferCommand(), AGENCY, '2026-01-05T11:00');
    h.do({ type: 'Receive' }, POLICE, '2026-01-05T12:00');

    // Act
    const d = h.do({ type: 'ReverseTransfer', reason: '情节显著轻微，不需要追究刑事责任' }, POLICE, '2026-01-05T16:00');

    // Assess
    expect(d.state).toMatchObject({ status: 'returned-to-agency', reverse: { from: 'police' } });
    expect(h.clock('filing-1')).toMatchObject({ status: 'met' });
    expect(h.due('penalty')).toBe(`2026-04-07${END}`);
  });

  it('refuses a reverse transfer of a case filed and still under investigation', () => {
    // Prepare
    const h = filedCase();

    // Act
    const e = refused(h, { type: 'ReverseTransfer', reason: 'x' }, POLICE, '2026-10-20T10:00');

    // Assess
    expect(e).toMatchObject({ code: 'transfer-transition-invalid' });
  });
});

describe('duty-crime clues, breaches, parties', () => {
  it('lets any party of the case refer a duty-crime clue to the 监察机关 (Art. 19), and nobody else', () => {
    // Prepare
    const h = receivedCase();

    // Act
    const d = h.do(
      {
        type: 'ReferDutyCrimeClue',
        toDepartmentId: 'supervision-commission',
        toKind: 'supervisory-commission',
        summary: '执法人员涉嫌受贿',
      },
      AGENCY,
      '2026-10-02T10:00',
    );
    const e = refused(
      h,
      { type: 'ReferDutyCrimeClue', toDepartmentId: 's', toKind: 'supervisory-commission', summary: 'x' },
      STRANGER,
      '2026-10-02T10:00',
    );

    // Assess
    expect(d.state.dutyCrimeClues).toHaveLength(1);
    expect(d.state.status).toBe('under-review');
    expect(e).toMatchObject({ code: 'not-your-case', kind: 'forbidden' });
  });

  it('records a clock breach once and refuses an unknown clock', () => {
    // Prepare
    const h = receivedCase();

    // Act
    const d = h.do(
      { type: 'RecordClockBreach', key: 'filing-1' },
      { userId: 'clock-service', departmentId: 'platform' },
      '2026-10-09T00:00',
    );
    const twice = refused(
      h,
      { type: 'RecordClockBreach', key: 'filing-1' },
      { userId: 'c', departmentId: 'platform' },
      '2026-10-09T00:01',
    );
    const unknown = refused(
      h,
      { type: 'RecordClockBreach', key: 'nope' },
      { userId: 'c', departmentId: 'platform' },
      '2026-10-09T00:01',
    );

    // Assess
    expect(d.state.clocks['filing-1']).toMatchObject({ running: true, breachedAt: at('2026-10-09T00:00') });
    expect(twice).toMatchObject({ code: 'already-recorded' });
    expect(unknown).toMatchObject({ code: 'clock-unknown', kind: 'not-found' });
  });

  it('refuses a command on no case and a second report', () => {
    // Prepare
    const h = receivedCase();

    // Act
    let notFound: unknown;
    try {
      decide(undefined, { type: 'Receive' }, POLICE, at('2026-10-01T10:00'));
    } catch (e) {
      notFound = e;
    }
    const twice = refused(h, report(), AGENCY, '2026-10-02T10:00');

    // Assess
    expect(notFound).toMatchObject({ code: 'transfer-not-found', kind: 'not-found' });
    expect(twice).toMatchObject({ code: 'already-recorded' });
    expect(iso(h.case.reportedAt)).toBe('2026-09-28T10:00:00.000+08:00');
  });
});
