import { packagedCalendar } from '../clocks/calendar';
import { cityInstant, formatCityInstant } from '../clocks/city-time';
import {
  type ClockContext,
  type ClockState,
  cancelClock,
  extendClock,
  meetClock,
  pauseClock,
  resumeClock,
  startClock,
} from '../clocks/clock-state';
import { defaultPolicies, getClockPolicy } from '../clocks/policies';
import type { TransferDocument } from './documents';
import { decide, type TransferCommand } from './transfer-state';
import type { Actor, TransferCase, TransferDecision } from './transfer-types';

// Test fixtures: the parties, a report, the five documents, and a harness that runs every clock
// intent through the real clock engine on the packaged State Council calendar, so a test reads the
// due the platform would compute.

export const at = cityInstant;
export const iso = formatCityInstant;
/** The end of a city day: the last on-time instant of a day-counted period. */
export const END = 'T23:59:59.999+08:00';

export const AGENCY: Actor = { userId: 'samr.officer', departmentId: 'samr' };
export const HEAD: Actor = { userId: 'samr.head', departmentId: 'samr' };
export const POLICE: Actor = { userId: 'psb.officer', departmentId: 'psb' };
export const POLICE_2: Actor = { userId: 'psb2.officer', departmentId: 'psb-jinghu' };
export const PROCURATORATE: Actor = { userId: 'proc.officer', departmentId: 'procuratorate' };
export const COURT: Actor = { userId: 'court.judge', departmentId: 'court' };
export const STRANGER: Actor = { userId: 'x', departmentId: 'tax' };

export function report(over: Partial<Extract<TransferCommand, { type: 'Report' }>> = {}): TransferCommand {
  return {
    type: 'Report',
    id: '01JTRANSFER0000000000000001',
    enforcementCaseNo: '芜市监案〔2026〕101号',
    title: '某某食品有限公司销售伪劣食品案',
    summary: '销售不符合安全标准的食品，销售金额约12万元',
    offenceCategory: 'fake-products',
    basis: 'threshold',
    threshold: { id: 'fake-products.sales', version: 1 },
    economic: false,
    team: ['samr.wang', 'samr.li'],
    regionCode: '340202',
    party: { name: '某某食品有限公司', creditCode: '91340200MA2XXXXX0X' },
    reportedAt: at('2026-09-28T10:00'),
    ...over,
  } as TransferCommand;
}

export const DOCUMENTS: TransferDocument[] = [
  { kind: 'transfer-letter', title: '涉嫌犯罪案件移送书', documentNo: '芜市监移〔2026〕3号', attachmentId: 'att-1' },
  { kind: 'investigation-report', title: '涉嫌犯罪案件情况的调查报告', attachmentId: 'att-2' },
  { kind: 'seized-items-list', title: '涉案物品清单', attachmentId: 'att-3' },
  { kind: 'inspection-report', title: '检验报告', attachmentId: 'att-4' },
  { kind: 'other-materials', title: '询问笔录', attachmentId: 'att-5' },
];

export function transferCommand(documents = DOCUMENTS): TransferCommand {
  return { type: 'Transfer', policeDepartmentId: 'psb', procuratorateDepartmentId: 'procuratorate', documents };
}

type Intent =
  | {
      kind: 'start';
      key: string;
      policyId: string;
      startedAt: number;
      period?: { duration: string; documentNo: string; decidedBy: string };
    }
  | { kind: 'meet'; key: string; at: number }
  | { kind: 'cancel'; key: string; reason: string }
  | { kind: 'pause'; key: string; at: number; reason: string; by: string; documentNo?: string }
  | { kind: 'resume'; key: string; at: number; by: string; reason?: string }
  | {
      kind: 'extend';
      key: string;
      at: number;
      by: string;
      decidedBy: string;
      role: string;
      reason: string;
      documentNo?: string;
    };

const ctx = (policyId: string): ClockContext => ({
  policy: getClockPolicy(defaultPolicies, policyId),
  calendar: packagedCalendar,
});

/** Applies clock intents to clock states kept by key, as the clock service would. */
export function applyIntents(
  clocks: Map<string, ClockState>,
  intents: readonly Intent[],
  now: number,
  subjectId: string,
): void {
  for (const i of intents) {
    const prior = clocks.get(i.key);
    if (i.kind === 'start') {
      if (prior) throw new Error(`clock ${i.key} started twice`);
      const started = startClock(
        {
          id: i.key,
          subject: { type: 'transfer-case', id: subjectId },
          departmentId: 'd',
          startedAt: i.startedAt,
          now,
          ...(i.period ? { period: i.period } : {}),
        },
        ctx(i.policyId),
      );
      clocks.set(i.key, started.state);
      continue;
    }
    if (!prior) throw new Error(`clock ${i.key} was never started`);
    const c = ctx(prior.policyId);
    const next =
      i.kind === 'meet'
        ? meetClock(prior, i.at)
        : i.kind === 'cancel'
          ? cancelClock(prior, { at: now, reason: i.reason })
          : i.kind === 'pause'
            ? pauseClock(
                prior,
                { at: i.at, reason: i.reason, by: i.by, ...(i.documentNo ? { documentNo: i.documentNo } : {}) },
                c,
              )
            : i.kind === 'resume'
              ? resumeClock(prior, { at: i.at, by: i.by, ...(i.reason ? { reason: i.reason } : {}) }, c)
              : extendClock(
                  prior,
                  {
                    at: i.at,
                    by: i.by,
                    decidedBy: i.decidedBy,
                    role: i.role,
                    reason: i.reason,
                    ...(i.documentNo ? { documentNo: i.documentNo } : {}),
                  },
                  c,
                );
    clocks.set(i.key, next.state);
  }
}

/** A transfer case with its clocks run on the real engine. */
export class Harness {
  state: TransferCase | undefined;
  readonly clocks = new Map<string, ClockState>();
  last: TransferDecision | undefined;

  do(command: TransferCommand, actor: Actor, when: string | number): TransferDecision {
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
  get case(): TransferCase {
    if (!this.state) throw new Error('no case yet');
    return this.state;
  }
}

/** A case reported, approved and transferred (complete), received by public security. */
export function receivedCase(economic = false, receivedAt = '2026-10-01T10:00'): Harness {
  const h = new Harness();
  h.do(report({ economic, reportedAt: at('2026-09-28T10:00') }), AGENCY, '2026-09-28T10:00');
  h.do({ type: 'DecideApproval', approved: true }, HEAD, '2026-09-30T16:00');
  h.do(transferCommand(), AGENCY, '2026-10-01T09:00');
  h.do({ type: 'Receive' }, POLICE, receivedAt);
  return h;
}
