import type { ClockState } from '../clocks/clock-state';
import { applyIntents, at, iso } from '../transfers/test-fixtures';
import { decide, type IntegrityCommand } from './integrity-state';
import type { Actor, IntegrityDecision, IntegrityRecord } from './integrity-types';
import { withUsccCheck } from './subject';

// Test fixtures: the parties, a report, and a harness that runs every clock intent through the real
// clock engine on the packaged State Council calendar (the transfers fixtures' applyIntents), so a
// test reads the due the platform would compute.

export { at, iso };
export const END = 'T23:59:59.999+08:00';

/** 重庆市武隆区 some bureau (机关, region 500156) and a company code that is not a public body. */
export const SUBJECT_CODE = withUsccCheck('11500156MB1234567');
export const INSTITUTION_CODE = withUsccCheck('12510100MB0000011');
export const COMPANY_CODE = withUsccCheck('91500156MA5U12345');

export const COURT: Actor = { userId: 'court.clerk', departmentId: 'court-wulong' };
export const COMPETENT: Actor = { userId: 'gov.inspector', departmentId: 'gov-office' };
export const SUBJECT: Actor = { userId: 'bureau.officer', departmentId: 'housing-bureau' };
export const CREDIT: Actor = { userId: 'ndrc.officer', departmentId: 'ndrc-credit' };
export const FINANCE: Actor = { userId: 'finance.officer', departmentId: 'finance-bureau' };
export const EDUCATION: Actor = { userId: 'edu.officer', departmentId: 'education-bureau' };
export const STRANGER: Actor = { userId: 'x', departmentId: 'tax' };
export const SYSTEM: Actor = { userId: 'clock-service', departmentId: 'platform' };

type Report = Extract<IntegrityCommand, { type: 'Report' }>;

export function report(over: Partial<Report> = {}): IntegrityCommand {
  return {
    type: 'Report',
    id: '01JINTEGRITY00000000000001',
    subject: {
      creditCode: SUBJECT_CODE,
      name: '某区住房和城乡建设委员会',
      departmentId: 'housing-bureau',
      official: { name: '张某', post: '主任' },
    },
    channel: 'court',
    category: 'judgment-non-performance',
    summary: '拒不履行（2025）渝0156民初123号民事判决，拖欠工程款',
    basis: {
      kind: 'judgment',
      documentNo: '（2025）渝0156民初123号',
      date: at('2026-01-31T10:00'),
      issuer: '武隆区人民法院',
    },
    amounts: { owedFen: 12_345_600 },
    legacy: false,
    competentDepartmentId: 'gov-office',
    creditAuthorityDepartmentId: 'ndrc-credit',
    ...over,
  } as IntegrityCommand;
}

/** A record with its clocks run on the real engine. */
export class Harness {
  state: IntegrityRecord | undefined;
  readonly clocks = new Map<string, ClockState>();
  last: IntegrityDecision | undefined;

  do(command: IntegrityCommand, actor: Actor, when: string | number): IntegrityDecision {
    const now = typeof when === 'number' ? when : at(when);
    const d = decide(this.state, command, actor, now);
    applyIntents(this.clocks, d.clocks, now, d.state.id);
    this.state = d.state;
    this.last = d;
    return d;
  }
  clock(key: string): ClockState {
    const c = this.clocks.get(key);
    if (!c) throw new Error(`no clock ${key}; have ${[...this.clocks.keys()].join(', ')}`);
    return c;
  }
  due(key: string): string {
    return iso(this.clock(key).dueAt);
  }
  get record(): IntegrityRecord {
    if (!this.state) throw new Error('no record yet');
    return this.state;
  }
}

/** Reported by the court on 2026-11-02 (a Monday), verified, confirmed. */
export function confirmedRecord(over: Partial<Report> = {}): Harness {
  const h = new Harness();
  h.do(report(over), COURT, '2026-11-02T10:00');
  h.do({ type: 'Verify', found: true, documentNo: '核〔2026〕1号' }, COMPETENT, '2026-11-05T10:00');
  h.do({ type: 'WaiveObjection' }, SUBJECT, '2026-11-06T10:00');
  h.do({ type: 'Confirm', documentNo: '认〔2026〕1号' }, COMPETENT, '2026-11-09T10:00');
  return h;
}

/** Confirmed and published as general (document dated 2026-01-31). */
export function publishedRecord(tier: 'general' | 'serious' | 'minor' = 'general'): Harness {
  const h = confirmedRecord();
  h.do(
    { type: 'Publish', tier, ...(tier === 'minor' ? { reason: '社会影响较大' } : {}) },
    COMPETENT,
    '2026-11-10T10:00',
  );
  return h;
}
