// The engine's events (epoch ms) in the catalog's wire form (events/src/types/clock-*.ts: strict,
// ISO 8601 instants in the city's offset). Only the catalog's Clock.* types leave the service.
import type { ClockEvent } from '@fazhi/domain/clocks/index';
import type { NewEvent } from '../ddb/outbox';
import { toCityIso } from '../events/envelope';
import type { ClockRecord } from './clock-record';

export const CLOCKS_SOURCE = 'fazhi.clocks';

/** Engine events the catalog has no type for (pause, resume, extend): no service issues them yet. */
export class UnpublishedClockEventError extends Error {
  constructor(type: string) {
    super(`${type} is not in the event catalog; add a catalog type before issuing it`);
    this.name = 'UnpublishedClockEventError';
  }
}

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
  };
  switch (e.type) {
    case 'Clock.Started':
      return { ...head, at: toCityIso(e.data.startedAt) };
    case 'Clock.WarningDue':
      return { ...head, at: toCityIso(e.data.firedAt), warning: e.data.warning };
    case 'Clock.Breached':
      return { ...head, at: toCityIso(e.data.breachedAt) };
    case 'Clock.Met':
      return { ...head, at: toCityIso(e.data.metAt), late: e.data.late };
    case 'Clock.Cancelled':
      return { ...head, at: toCityIso(e.data.cancelledAt), reason: e.data.reason.slice(0, 500) };
    default:
      throw new UnpublishedClockEventError(e.type);
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
