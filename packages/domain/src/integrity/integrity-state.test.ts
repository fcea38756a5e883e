import { describe, expect, it } from 'vitest';
import { allowedFrom } from '../clocks/clock-state';
import { DomainError } from '../domain-error';
import { publicationPeriods, TIER_RULES } from './integrity-clocks';
import { COMMAND_PARTY, decide, type IntegrityCommand, invariantViolations } from './integrity-state';
import { CATEGORIES, type IntegrityRecord, STATUS_NAMES } from './integrity-types';
import {
  at,
  COMPANY_CODE,
  COMPETENT,
  COURT,
  CREDIT,
  confirmedRecord,
  EDUCATION,
  END,
  FINANCE,
  Harness,
  iso,
  publishedRecord,
  report,
  STRANGER,
  SUBJECT,
  SUBJECT_CODE,
  SYSTEM,
} from './test-fixtures';

function refusal(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const verify: IntegrityCommand = { type: 'Verify', found: true, documentNo: '核〔2026〕1号' };

describe('1 reported', () => {
  it('creates the record with its subject parsed from the code and starts the 10-working-day verification', () => {
    const h = new Harness();
    const d = h.do(report(), COURT, '2026-11-02T10:00');
    expect(d.state).toMatchObject({
      version: 1,
      status: 'reported',
      reporterDepartmentId: 'court-wulong',
      subject: { creditCode: SUBJECT_CODE, bodyType: '11', regionCode: '500156', official: { name: '张某' } },
    });
    expect(d.events.map((e) => e.type)).toEqual(['IntegrityRecord.Reported']);
    expect(d.events[0]?.data).toMatchObject({ subjectCode: SUBJECT_CODE, regionCode: '500156', legacy: false });
    // Mon 2 Nov 2026 not counted; 10 working days end on Mon 16 Nov at 24:00.
    expect(h.due('verification')).toBe(`2026-11-16${END}`);
    expect(invariantViolations(d.state)).toEqual([]);
  });

  it('keeps legacy cases and the 新官不理旧账 ground', () => {
    const d = decide(
      undefined,
      report({
        channel: 'sme-complaint',
        category: 'contract-default',
        defaultGround: 'new-administration',
        legacy: true,
        basis: { kind: 'contract', documentNo: 'HT-2019-8', date: at('2019-05-01'), issuer: '某区住建委' },
      }),
      FINANCE,
      at('2026-11-02T10:00'),
    );
    expect(d.state).toMatchObject({ legacy: true, defaultGround: 'new-administration', category: 'contract-default' });
    expect(CATEGORIES[d.state.category]).toBe('违约毁约');
  });

  it.each([
    ['a company', { subject: { creditCode: COMPANY_CODE, name: '某公司' } }, 'not-public-body'],
    [
      'a wrong check character',
      { subject: { creditCode: `${SUBJECT_CODE.slice(0, 17)}0`, name: '某委' } },
      'uscc-check',
    ],
    [
      'a judgment category without a judgment',
      { basis: { kind: 'contract', documentNo: 'x', date: at('2026-01-01'), issuer: 'y' } },
      'judgment-required',
    ],
    ['arrears without an amount', { category: 'sme-arrears', amounts: {} }, 'required'],
    [
      'a document dated in the future',
      { basis: { kind: 'judgment', documentNo: 'x', date: at('2026-12-01'), issuer: 'y' } },
      'in-future',
    ],
    ['a ground on a non-contract category', { defaultGround: 'rezoning' }, 'contract-only'],
    ['the subject verifying itself', { competentDepartmentId: 'housing-bureau' }, 'self'],
  ] as const)('refuses a report with %s', (_, over, code) => {
    const e = refusal(() => decide(undefined, report(over as never), COURT, at('2026-11-02T10:00')));
    expect(e).toMatchObject({ code: 'integrity-report-invalid', kind: 'invalid' });
    expect(e.issues.map((i) => i.code)).toContain(code);
  });

  it('refuses a second report of the same record and commands on no record', () => {
    const h = new Harness();
    h.do(report(), COURT, '2026-11-02T10:00');
    expect(refusal(() => decide(h.record, report(), COURT, at('2026-11-02T11:00'))).code).toBe('already-recorded');
    expect(refusal(() => decide(undefined, verify, COMPETENT, 0))).toMatchObject({ kind: 'not-found' });
  });

  it('may be withdrawn by the reporter only, and only before verification', () => {
    const h = new Harness();
    h.do(report(), COURT, '2026-11-02T10:00');
    expect(refusal(() => decide(h.record, { type: 'Withdraw', reason: '误报' }, STRANGER, at('2026-11-03'))).code).toBe(
      'not-your-step',
    );
    expect(refusal(() => decide(h.record, { type: 'Withdraw', reason: ' ' }, COURT, at('2026-11-03'))).kind).toBe(
      'invalid',
    );
    const d = h.do({ type: 'Withdraw', reason: '误报' }, COURT, '2026-11-03T10:00');
    expect(d.state.status).toBe('withdrawn');
    expect(h.clock('verification').status).toBe('cancelled');
    const v = new Harness();
    v.do(report(), COURT, '2026-11-02T10:00');
    v.do(verify, COMPETENT, '2026-11-03T10:00');
    expect(refusal(() => decide(v.record, { type: 'Withdraw', reason: '误报' }, COURT, at('2026-11-04'))).code).toBe(
      'integrity-transition-invalid',
    );
  });
});

describe('2 verified by the competent department', () => {
  it('is refused from anyone else', () => {
    const h = new Harness();
    h.do(report(), COURT, '2026-11-02T10:00');
    const e = refusal(() => decide(h.record, verify, COURT, at('2026-11-03')));
    expect(e).toMatchObject({ code: 'not-your-step', kind: 'forbidden' });
    expect(e.message).toContain('上级或主管部门');
  });

  it('found: verified, the clock met on time, the subject told', () => {
    const h = new Harness();
    h.do(report(), COURT, '2026-11-02T10:00');
    const d = h.do(verify, COMPETENT, `2026-11-16${END.slice(0, 13)}`);
    expect(d.state.status).toBe('verified');
    expect(d.events[0]).toMatchObject({
      type: 'IntegrityRecord.Verified',
      data: { subjectDepartmentId: 'housing-bureau' },
    });
    expect(h.clock('verification')).toMatchObject({ status: 'met', metLate: false });
    expect(refusal(() => decide(d.state, verify, COMPETENT, at('2026-11-17'))).code).toBe('already-recorded');
  });

  it('a day late is a breach', () => {
    const h = new Harness();
    h.do(report(), COURT, '2026-11-02T10:00');
    h.do(verify, COMPETENT, '2026-11-17T00:00');
    expect(h.clock('verification')).toMatchObject({ status: 'met', metLate: true });
  });

  it('not found: dismissed with reasons, final', () => {
    const h = new Harness();
    h.do(report(), COURT, '2026-11-02T10:00');
    const noReasons: IntegrityCommand = { type: 'Verify', found: false, documentNo: '核〔2026〕2号' };
    expect(refusal(() => decide(h.record, noReasons, COMPETENT, at('2026-11-03'))).code).toBe('reasons-required');
    const d = h.do({ ...noReasons, reasons: '判决已履行完毕' } as IntegrityCommand, COMPETENT, '2026-11-03T10:00');
    expect(d.state).toMatchObject({ status: 'dismissed', closedAt: at('2026-11-03T10:00') });
    expect(d.events[0]?.type).toBe('IntegrityRecord.Dismissed');
    expect(STATUS_NAMES[d.state.status]).toBe('核实不属实');
  });

  it('awaiting materials pauses the verification clock; the paused span is not counted', () => {
    const h = new Harness();
    h.do(report(), COURT, '2026-11-02T10:00');
    h.do({ type: 'AwaitMaterials', note: '请补充判决生效证明' }, COMPETENT, '2026-11-04T10:00');
    expect(h.clock('verification').status).toBe('paused');
    expect(refusal(() => decide(h.record, { type: 'AwaitMaterials' }, COMPETENT, at('2026-11-05'))).code).toBe(
      'already-recorded',
    );
    h.do({ type: 'ReceiveMaterials' }, COMPETENT, '2026-11-09T10:00');
    // Paused Wed 4 → Mon 9 Nov: 3 working days (5, 6, 9) added back.
    expect(h.due('verification')).toBe(`2026-11-19${END}`);
    expect(refusal(() => decide(h.record, { type: 'ReceiveMaterials' }, COMPETENT, at('2026-11-10'))).code).toBe(
      'integrity-transition-invalid',
    );
  });
});

describe('3 objection and confirmation', () => {
  function verified(): Harness {
    const h = new Harness();
    h.do(report(), COURT, '2026-11-02T10:00');
    h.do(verify, COMPETENT, '2026-11-03T10:00');
    return h;
  }

  it('the subject objects; the decision is due in 7 working days (the loosest local default)', () => {
    const h = verified();
    expect(
      refusal(() => decide(h.record, { type: 'RaiseObjection', grounds: '已履行' }, COURT, at('2026-11-04'))).code,
    ).toBe('not-your-step');
    expect(
      refusal(() => decide(h.record, { type: 'RaiseObjection', grounds: '' }, SUBJECT, at('2026-11-04'))).kind,
    ).toBe('invalid');
    const d = h.do({ type: 'RaiseObjection', grounds: '判决已部分履行' }, SUBJECT, '2026-11-04T10:00');
    expect(d.state.status).toBe('objection');
    expect(h.due('objection-decision')).toBe(`2026-11-13${END}`);
    expect(refusal(() => decide(d.state, { type: 'Confirm', documentNo: 'c' }, COMPETENT, at('2026-11-05'))).code).toBe(
      'integrity-transition-invalid',
    );
  });

  it('an upheld objection revokes the record', () => {
    const h = verified();
    h.do({ type: 'RaiseObjection', grounds: '判决已履行' }, SUBJECT, '2026-11-04T10:00');
    const d = h.do(
      { type: 'DecideObjection', upheld: true, documentNo: '异〔2026〕1号', reasons: '已履行' },
      COMPETENT,
      '2026-11-05T10:00',
    );
    expect(d.state.status).toBe('revoked');
    expect(h.clock('objection-decision').status).toBe('met');
    expect(invariantViolations(d.state)).toEqual([]);
  });

  it('a rejected objection confirms the record in the same decision', () => {
    const h = verified();
    h.do({ type: 'RaiseObjection', grounds: '理由' }, SUBJECT, '2026-11-04T10:00');
    expect(
      refusal(() =>
        decide(
          h.record,
          { type: 'DecideObjection', upheld: false, documentNo: 'x', reasons: '' },
          COMPETENT,
          at('2026-11-05'),
        ),
      ).code,
    ).toBe('reasons-required');
    const d = h.do(
      { type: 'DecideObjection', upheld: false, documentNo: '异〔2026〕2号', reasons: '理由不成立' },
      COMPETENT,
      '2026-11-05T10:00',
    );
    expect(d.state.status).toBe('confirmed');
    expect(d.events.map((e) => e.type)).toEqual(['IntegrityRecord.ObjectionDecided', 'IntegrityRecord.Confirmed']);
  });

  it('a subject may object to a confirmed record before publication; a waived objection is final', () => {
    const h = verified();
    h.do({ type: 'Confirm', documentNo: '认〔2026〕1号' }, COMPETENT, '2026-11-04T10:00');
    h.do({ type: 'RaiseObjection', grounds: '理由' }, SUBJECT, '2026-11-05T10:00');
    expect(
      refusal(() => decide(h.record, { type: 'Publish', tier: 'general' }, COMPETENT, at('2026-11-06'))).code,
    ).toBe('integrity-transition-invalid');
    const d = h.do(
      { type: 'DecideObjection', upheld: false, documentNo: 'x', reasons: '不成立' },
      COMPETENT,
      '2026-11-06T10:00',
    );
    expect(d.state.status).toBe('confirmed');
    expect(d.events.map((e) => e.type)).toEqual(['IntegrityRecord.ObjectionDecided']);

    const w = verified();
    w.do({ type: 'WaiveObjection' }, SUBJECT, '2026-11-04T10:00');
    expect(
      refusal(() => decide(w.record, { type: 'RaiseObjection', grounds: 'x' }, SUBJECT, at('2026-11-05'))).code,
    ).toBe('already-recorded');
  });

  it('a subject that is not on the platform cannot post (the service must act for it)', () => {
    const h = new Harness();
    h.do(report({ subject: { creditCode: SUBJECT_CODE, name: '某委' } }), COURT, '2026-11-02T10:00');
    h.do(verify, COMPETENT, '2026-11-03T10:00');
    expect(refusal(() => decide(h.record, { type: 'WaiveObjection' }, SUBJECT, at('2026-11-04'))).code).toBe(
      'not-your-step',
    );
  });
});

describe('4 published with its tier', () => {
  it('general: repair allowed after 3 months, publication ends after 1 year, both from the document date', () => {
    const h = publishedRecord('general');
    const p = h.record.publication;
    // Document 31 Jan 2026: 3 months → 30 April (no 31st), 1 year → 31 Jan 2027, 24:00 city time, no roll.
    expect(iso(p?.repairAllowedFrom as number)).toBe('2026-05-01T00:00:00.000+08:00');
    expect(iso(p?.endsAt as number)).toBe(`2027-01-31${END}`);
    // The engine, running the policies, agrees with what the domain computed.
    expect(h.clock('publication-end').dueAt).toBe(p?.endsAt);
    expect(allowedFrom(h.clock('repair-eligible'))).toBe(p?.repairAllowedFrom);
    expect(h.last?.events[0]).toMatchObject({
      type: 'IntegrityRecord.Published',
      data: { tier: 'general', tierName: '一般失信', creditAuthorityDepartmentId: 'ndrc-credit' },
    });
  });

  it.each([
    ['serious', '2027-01-31', `2029-01-31${END}`],
    ['minor', undefined, `2026-04-30${END}`],
  ] as const)('%s tier periods', (tier, repairDay, ends) => {
    const periods = publicationPeriods(tier, at('2026-01-31T10:00'));
    expect(periods.repairAllowedFrom === undefined ? undefined : iso(periods.repairAllowedFrom - 1).slice(0, 10)).toBe(
      repairDay,
    );
    expect(iso(periods.endsAt)).toBe(ends);
  });

  it('the end does not roll off a rest day (31 Jan 2027 is a Sunday)', () => {
    expect(new Date(at('2027-01-31T12:00')).getUTCDay()).toBe(0);
    expect(iso(publicationPeriods('general', at('2026-01-31')).endsAt)).toBe(`2027-01-31${END}`);
    expect(TIER_RULES.general.max).toBe('P1Y');
  });

  it('a minor record needs a reason to be published', () => {
    const h = confirmedRecord({ basis: { kind: 'judgment', documentNo: 'j', date: at('2026-10-01'), issuer: '法院' } });
    expect(refusal(() => decide(h.record, { type: 'Publish', tier: 'minor' }, COMPETENT, at('2026-11-10'))).code).toBe(
      'reason-required',
    );
    const d = h.do({ type: 'Publish', tier: 'minor', reason: '社会影响较大' }, COMPETENT, '2026-11-10T10:00');
    expect(d.state.clocks['repair-eligible']).toBeUndefined();
  });

  it('refuses to publish once the maximum period is over, at its last instant exactly', () => {
    const h = confirmedRecord({
      basis: { kind: 'judgment', documentNo: 'j', date: at('2025-11-09T10:00'), issuer: '法院' },
    });
    // General: 9 Nov 2025 + 1 year = 9 Nov 2026 24:00; confirmed on 9 Nov at 10:00.
    expect(
      decide(h.record, { type: 'Publish', tier: 'general' }, COMPETENT, at(`2026-11-09T23:59:59.999`)).state.status,
    ).toBe('published');
    const e = refusal(() => decide(h.record, { type: 'Publish', tier: 'general' }, COMPETENT, at('2026-11-10T00:00')));
    expect(e).toMatchObject({ code: 'publication-period-over', kind: 'conflict' });
    expect(e.message).toContain('2026-11-09');
  });

  it('only the competent department publishes, and only once', () => {
    const h = confirmedRecord();
    expect(refusal(() => decide(h.record, { type: 'Publish', tier: 'general' }, CREDIT, at('2026-11-10'))).code).toBe(
      'not-your-step',
    );
    h.do({ type: 'Publish', tier: 'general' }, COMPETENT, '2026-11-10T10:00');
    expect(
      refusal(() => decide(h.record, { type: 'Publish', tier: 'serious' }, COMPETENT, at('2026-11-11'))).code,
    ).toBe('already-recorded');
  });
});

describe('5 joint punishment', () => {
  it('each measure is a task for the department that applies it, acknowledged within 5 working days', () => {
    const h = publishedRecord();
    const notify: IntegrityCommand = {
      type: 'NotifyPunishment',
      measure: 'honours-restricted',
      toDepartmentId: 'education-bureau',
    };
    expect(refusal(() => decide(h.record, notify, COMPETENT, at('2026-11-11'))).code).toBe('not-your-step');
    const d = h.do(notify, CREDIT, '2026-11-11T10:00');
    expect(d.events[0]).toMatchObject({
      type: 'IntegrityRecord.PunishmentNotified',
      data: { n: 1, measureName: '取消或限制评优评先', toDepartmentId: 'education-bureau' },
    });
    expect(h.due('punishment-ack-1')).toBe(`2026-11-18${END}`);
    expect(refusal(() => decide(h.record, notify, CREDIT, at('2026-11-11T11:00'))).code).toBe('already-recorded');
    h.do(
      { type: 'NotifyPunishment', measure: 'leader-accountability', toDepartmentId: 'discipline' },
      CREDIT,
      '2026-11-11T11:00',
    );

    expect(
      refusal(() => decide(h.record, { type: 'AcknowledgePunishment', n: 2 }, EDUCATION, at('2026-11-12'))).code,
    ).toBe('not-your-step');
    expect(
      refusal(() => decide(h.record, { type: 'AcknowledgePunishment', n: 9 }, EDUCATION, at('2026-11-12'))).kind,
    ).toBe('not-found');
    h.do({ type: 'AcknowledgePunishment', n: 1 }, EDUCATION, '2026-11-12T10:00');
    expect(h.clock('punishment-ack-1').status).toBe('met');
    expect(h.record.punishments[0]).toMatchObject({ acknowledgedBy: 'edu.officer' });
    expect(
      refusal(() => decide(h.record, { type: 'AcknowledgePunishment', n: 1 }, EDUCATION, at('2026-11-13'))).code,
    ).toBe('already-recorded');
    expect(invariantViolations(h.record)).toEqual([]);
  });

  it('is refused before publication', () => {
    const h = confirmedRecord();
    const e = refusal(() =>
      decide(
        h.record,
        { type: 'NotifyPunishment', measure: 'public-criticism', toDepartmentId: 'x' },
        CREDIT,
        at('2026-11-10'),
      ),
    );
    expect(e.code).toBe('integrity-transition-invalid');
  });
});

describe('6–7 rectification and credit repair', () => {
  /** Serious record (document 31 Jan 2026): repair from 1 Feb 2027 00:00, publication until 31 Jan 2029. */
  function rectifiedSerious(): Harness {
    const h = publishedRecord('serious');
    h.do(
      { type: 'RecordRectification', documentNo: '整〔2026〕1号', summary: '已全额支付工程款', paidFen: 12_345_600 },
      COMPETENT,
      '2026-12-01T10:00',
    );
    return h;
  }

  it('rectification is recorded by the competent department, once', () => {
    const h = rectifiedSerious();
    expect(h.record).toMatchObject({ status: 'rectified', amounts: { owedFen: 12_345_600, paidFen: 12_345_600 } });
    expect(
      refusal(() =>
        decide(h.record, { type: 'RecordRectification', documentNo: 'x', summary: 'y' }, COMPETENT, at('2026-12-02')),
      ).code,
    ).toBe('already-recorded');
  });

  it('repair is refused before rectification', () => {
    const h = publishedRecord('serious');
    expect(
      refusal(() => decide(h.record, { type: 'ApplyRepair', statement: '承诺' }, SUBJECT, at('2027-03-01'))).code,
    ).toBe('integrity-transition-invalid');
  });

  it('repair may be applied for from the first instant after the minimum period, not before', () => {
    const h = rectifiedSerious();
    const apply: IntegrityCommand = { type: 'ApplyRepair', statement: '已整改完毕，作出信用承诺' };
    const e = refusal(() => decide(h.record, apply, SUBJECT, at('2027-01-31T23:59:59.999')));
    expect(e).toMatchObject({ code: 'repair-too-early', kind: 'conflict' });
    expect(e.message).toContain('2027-02-01');
    const d = h.do(apply, SUBJECT, at('2027-02-01T00:00'));
    expect(d.state.status).toBe('repair-applied');
    expect(h.clock('repair-eligible').status).toBe('met');
  });

  it('the credit authority decides: refused with reasons, then repaired on a new application', () => {
    const h = rectifiedSerious();
    h.do(
      { type: 'NotifyPunishment', measure: 'funding-restricted', toDepartmentId: 'finance-bureau' },
      CREDIT,
      '2026-12-02T10:00',
    );
    h.do({ type: 'ApplyRepair', statement: '承诺' }, SUBJECT, '2027-02-02T10:00');
    expect(
      refusal(() =>
        decide(h.record, { type: 'DecideRepair', repaired: true, documentNo: 'r' }, COMPETENT, at('2027-02-03')),
      ).code,
    ).toBe('not-your-step');
    expect(
      refusal(() =>
        decide(h.record, { type: 'DecideRepair', repaired: false, documentNo: 'r' }, CREDIT, at('2027-02-03')),
      ).code,
    ).toBe('reasons-required');
    h.do(
      { type: 'DecideRepair', repaired: false, documentNo: '修〔2027〕1号', reasons: '未提交信用报告' },
      CREDIT,
      '2027-02-03T10:00',
    );
    expect(h.record.status).toBe('rectified');
    h.do({ type: 'ApplyRepair', statement: '补交信用报告' }, SUBJECT, '2027-02-04T10:00');
    const d = h.do({ type: 'DecideRepair', repaired: true, documentNo: '修〔2027〕2号' }, CREDIT, '2027-02-05T10:00');
    expect(d.state.status).toBe('repaired');
    expect(d.events[0]).toMatchObject({
      type: 'IntegrityRecord.Repaired',
      data: { measures: [{ n: 1, measure: 'funding-restricted', toDepartmentId: 'finance-bureau' }] },
    });
    expect(h.clock('publication-end').status).toBe('cancelled');
    expect(d.state.repairApplications).toHaveLength(2);
    expect(invariantViolations(d.state)).toEqual([]);
  });

  it('a minor record may apply for repair at once', () => {
    const h = confirmedRecord({ basis: { kind: 'judgment', documentNo: 'j', date: at('2026-10-01'), issuer: '法院' } });
    h.do({ type: 'Publish', tier: 'minor', reason: '影响较大' }, COMPETENT, '2026-11-10T10:00');
    h.do({ type: 'RecordRectification', documentNo: 'z', summary: '已整改' }, COMPETENT, '2026-11-11T10:00');
    expect(h.do({ type: 'ApplyRepair', statement: '承诺' }, SUBJECT, '2026-11-11T11:00').state.status).toBe(
      'repair-applied',
    );
  });
});

describe('8 publication ends by itself at the maximum period', () => {
  it('refused up to the last instant; from the next, ended with the clock met on time', () => {
    const h = publishedRecord('general');
    h.do(
      { type: 'NotifyPunishment', measure: 'public-criticism', toDepartmentId: 'education-bureau' },
      CREDIT,
      '2026-11-11T10:00',
    );
    expect(
      refusal(() => decide(h.record, { type: 'EndPublication' }, SYSTEM, at(`2027-01-31T23:59:59.999`))).code,
    ).toBe('publication-not-over');
    const d = h.do({ type: 'EndPublication' }, SYSTEM, at('2027-02-01T00:00'));
    expect(d.state.status).toBe('ended');
    expect(d.events[0]).toMatchObject({ type: 'IntegrityRecord.PublicationEnded', data: { measures: [{ n: 1 }] } });
    expect(h.clock('publication-end')).toMatchObject({ status: 'met', metLate: false });
    expect(h.clock('punishment-ack-1').status).toBe('cancelled');
    expect(invariantViolations(d.state)).toEqual([]);
  });

  it('is the platform’s step, not a department’s', () => {
    expect(COMMAND_PARTY.EndPublication).toBe('system');
    const h = publishedRecord('general');
    expect(
      refusal(() => decide(h.record, { type: 'RecordClockBreach', key: 'nope' }, SYSTEM, at('2026-11-11'))).kind,
    ).toBe('not-found');
    h.do({ type: 'RecordClockBreach', key: 'verification' }, SYSTEM, '2026-11-11T10:00');
    expect(
      refusal(() => decide(h.record, { type: 'RecordClockBreach', key: 'verification' }, SYSTEM, at('2026-11-12')))
        .code,
    ).toBe('already-recorded');
  });
});

describe('a commitment changed lawfully with compensation ends without a record', () => {
  const contract = {
    category: 'policy-promise',
    channel: 'department',
    basis: { kind: 'policy-document', documentNo: '武府发〔2023〕5号', date: at('2023-03-01'), issuer: '区政府' },
  } as const;

  it('closes the record as lawfully changed', () => {
    const h = new Harness();
    h.do(report(contract), EDUCATION, '2026-11-02T10:00');
    h.do(verify, COMPETENT, '2026-11-03T10:00');
    const change: IntegrityCommand = {
      type: 'RecordLawfulChange',
      documentNo: '补〔2026〕1号',
      compensationFen: 500_000_00,
      reason: '规划调整',
    };
    expect(
      refusal(() =>
        decide(h.record, { ...change, compensationFen: 0 } as IntegrityCommand, COMPETENT, at('2026-11-04')),
      ).code,
    ).toBe('amount-invalid');
    const d = h.do(change, COMPETENT, '2026-11-04T10:00');
    expect(d.state.status).toBe('lawfully-changed');
    expect(d.events[0]).toMatchObject({ type: 'IntegrityRecord.Withdrawn', data: { ground: 'lawful-change' } });
    expect(invariantViolations(d.state)).toEqual([]);
  });

  it('is not open to a judgment not performed, nor after publication', () => {
    const h = new Harness();
    h.do(report(), COURT, '2026-11-02T10:00');
    const change: IntegrityCommand = { type: 'RecordLawfulChange', documentNo: 'x', compensationFen: 1, reason: 'y' };
    expect(refusal(() => decide(h.record, change, COMPETENT, at('2026-11-03'))).code).toBe('not-a-commitment');
    const p = publishedRecord();
    expect(refusal(() => decide(p.record, change, COMPETENT, at('2026-11-11'))).code).toBe(
      'integrity-transition-invalid',
    );
  });
});

describe('invariants', () => {
  it('catch a hand-broken state', () => {
    const h = publishedRecord();
    const broken: IntegrityRecord = { ...h.record, status: 'ended' };
    expect(invariantViolations(broken)).toEqual(
      expect.arrayContaining([
        'final without closedAt',
        'final with a running clock',
        'ended before the maximum period',
      ]),
    );
  });
});
