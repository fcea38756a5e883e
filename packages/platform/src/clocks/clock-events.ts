// The engine's events (epoch ms) in the catalog's wire form (events/src/types/clock-*.ts: strict,
// ISO 8601 instants in the city's offset). Every engine event has a catalog type.
import type { ClockEvent } from '@fazhi/domain/clocks/index';
import type { NewEvent } from '../ddb/outbox';
import { toCityIso } from '../events/envelope';
import type { ClockRecord } from './clock-record';

export const CLOCKS_SOURCE = 'fazhi.clocks';

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

function dataOf(e: ClockEvent): Record<string, unknown> {
  const d = e.data;
  const head = {
    clockId: d.clockId,
    policyId: d.policyId,
    subject: {
      type: d.subject.type,
      id: d.subject.id,
      ...(d.subject.title ? { title: d.subject.title.slice(0, 200) } : {}),
    },
    departmentId: d.departmentId,
    dueAt: toCityIso(d.dueAt),
    ...(d.provisional ? { provisional: true } : {}),
  };
  switch (e.type) {
    case 'Clock.Started':
      return {
        ...head,
        at: toCityIso(e.data.startedAt),
        period: e.data.period,
        ...optional('documentNo', e.data.documentNo),
      };
    case 'Clock.WarningDue':
      return { ...head, at: toCityIso(e.data.firedAt), warning: e.data.warning };
    case 'Clock.Breached':
      return { ...head, at: toCityIso(e.data.breachedAt) };
    case 'Clock.Met':
      return {
        ...head,
        at: toCityIso(e.data.metAt),
        late: e.data.late,
        ...(e.data.whilePaused ? { whilePaused: true } : {}),
      };
    case 'Clock.Cancelled':
      return { ...head, at: toCityIso(e.data.cancelledAt), reason: e.data.reason.slice(0, 500) };
    case 'Clock.Paused':
      return {
        ...head,
        at: toCityIso(e.data.pausedAt),
        pauseId: e.data.pauseId,
        reason: e.data.reason,
        by: e.data.by,
        ...optional('documentNo', e.data.documentNo),
        openPauses: e.data.openPauses,
      };
    case 'Clock.Resumed':
      return {
        ...head,
        at: toCityIso(e.data.resumedAt),
        pauseId: e.data.pauseId,
        reason: e.data.reason,
        by: e.data.by,
        pausedAt: toCityIso(e.data.pausedAt),
        running: e.data.running,
        previousDueAt: toCityIso(e.data.previousDueAt),
      };
    case 'Clock.Extended':
      return {
        ...head,
        at: toCityIso(e.data.at),
        by: e.data.by,
        decidedBy: e.data.decidedBy,
        role: e.data.role,
        reason: e.data.reason.slice(0, 500),
        ...optional('documentNo', e.data.documentNo),
        ...optional('consent', e.data.consent),
        previousDueAt: toCityIso(e.data.previousDueAt),
      };
    case 'Clock.Replanned':
      return {
        ...head,
        at: toCityIso(e.data.at),
        cause: e.data.cause,
        previousDueAt: toCityIso(e.data.previousDueAt),
        policyVersion: e.data.policyVersion,
        previousPolicyVersion: e.data.previousPolicyVersion,
      };
  }
}

export function clockEventOf(e: ClockEvent, clock: Pick<ClockRecord, 'correlationId'>): NewEvent {
  return {
    source: CLOCKS_SOURCE,
    detailType: e.type,
    data: dataOf(e),
    ...(clock.correlationId ? { correlationId: clock.correlationId } : {}),
  };
}
