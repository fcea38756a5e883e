import type { Alert, Clock } from '../api/types';
import { toChinaIso } from '../time/china-time';

// Builders for tests: a plausible clock or alert with only what a test cares about spelled out.
export const T0 = Date.UTC(2026, 10, 22, 6, 0, 0);
export const MIN = 60_000;

let n = 0;

export function aClock(over: Partial<Clock> & { dueInMs?: number } = {}): Clock {
  const { dueInMs = 3 * 60 * MIN, ...rest } = over;
  n += 1;
  return {
    id: `clock-${n}`,
    policyId: 'opinion.release',
    kind: 'release',
    label: '发布权威信息',
    labelEn: 'Authoritative release',
    subject: { type: 'opinion-incident', id: 'inc-1', title: '化工园区爆燃' },
    departmentId: 'propaganda',
    startedAt: toChinaIso(T0 - 5 * 60 * MIN),
    dueAt: toChinaIso(T0 + dueInMs),
    status: 'running',
    policySource: '国办发〔2016〕61号',
    verified: true,
    ...rest,
  };
}

export function anAlert(over: Partial<Alert> = {}): Alert {
  n += 1;
  return {
    id: `alert-${n}`,
    clockId: 'clock-1',
    clockKind: 'release',
    label: '发布权威信息',
    subject: { type: 'opinion-incident', id: 'inc-1', title: '化工园区爆燃' },
    departmentId: 'propaganda',
    reason: 'breach',
    level: 'officer',
    recipients: ['propaganda.duty'],
    status: 'open',
    raisedAt: toChinaIso(T0),
    dueAt: toChinaIso(T0),
    ...over,
  };
}
