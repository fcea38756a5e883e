import type { EscalationPolicy, RaiseInput } from './alert-state';
import type { Roster } from './roster';

// Shared by the alert tests: the propaganda department's roster on 2026-11-22 (UTC+8).
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const T0 = Date.parse('2026-11-22T08:00:00+08:00');

export const ESCALATION: EscalationPolicy = { ackWindowMs: 10 * MIN, remindEveryMs: 30 * MIN };

export const roster: Roster = {
  departmentId: 'propaganda',
  head: 'propaganda.head',
  shifts: [
    { id: 'day', startsAt: T0, endsAt: T0 + 12 * HOUR, officer: 'propaganda.duty', leader: 'propaganda.leader' },
    { id: 'night', startsAt: T0 + 12 * HOUR, endsAt: T0 + 24 * HOUR, officer: 'night.duty', leader: 'night.leader' },
  ],
  version: 3,
};

export function alarm(overrides: Partial<RaiseInput> = {}): RaiseInput {
  return {
    id: 'alert-1',
    clockId: 'clock-1',
    clockKind: 'release',
    label: '权威发布',
    subject: { type: 'opinion-incident', id: 'inc-1', title: '某路段危化品车辆侧翻' },
    departmentId: 'propaganda',
    dueAt: T0 + 2 * HOUR,
    reason: 'breach',
    ...overrides,
  };
}
