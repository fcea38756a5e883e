// What an incident decision asks of the clocks service, as clock changes for the same transaction:
// start the new clocks (a late start fires its warning or breach at once), cancel the dropped ones,
// meet the answered ones (a clock started by this same decision is started, then met).
import { type IncidentDecision, type IncidentState, recordClockBreach } from '@fazhi/domain/opinion/incident-state';
import {
  type ClockChange,
  cancelClockChange,
  meetClockChange,
  startClockChange,
} from '@fazhi/platform/clocks/clock-changes';
import { getClocks } from '@fazhi/platform/clocks/clock-store';
import { chainChanges } from '@fazhi/platform/clocks/clock-writes';
import type { ClockRegistry } from '@fazhi/platform/clocks/registry';
import type { PlatformDeps } from '@fazhi/platform/deps';

export const INCIDENT_SUBJECT = 'opinion-incident';

export interface ClockPlan {
  /** The incident after the decision, with breaches found at start mirrored (same version). */
  state: IncidentState;
  changes: ClockChange[];
}

export async function clockPlanOf(
  d: PlatformDeps,
  registry: ClockRegistry,
  decision: IncidentDecision,
  now: number,
  opts: { cancelReason?: string; correlationId?: string } = {},
): Promise<ClockPlan> {
  const s = decision.state;
  const changes = new Map<string, ClockChange>();
  for (const start of decision.clocksToStart) {
    const clock = s.clocks.find((c) => c.id === start.clockId)!;
    changes.set(
      start.clockId,
      startClockChange(
        {
          id: start.clockId,
          policyId: start.policyId,
          subject: { type: INCIDENT_SUBJECT, id: s.id, title: s.title },
          departmentId: s.responsibleDepartmentId,
          startedAt: start.startAt,
          kind: start.kind,
          label: clock.label,
          labelEn: clock.labelEn,
          ...(opts.correlationId ? { correlationId: opts.correlationId } : {}),
        },
        now,
        registry,
      ),
    );
  }
  const stored = await getClocks(d, [
    ...decision.clocksToCancel.map((c) => c.clockId),
    ...decision.clocksMet.map((c) => c.clockId).filter((id) => !changes.has(id)),
  ]);
  const recordOf = (id: string) => {
    const r = stored.get(id);
    if (!r) throw new Error(`clock ${id} of incident ${s.id} is missing from the clock store`);
    return r;
  };
  for (const c of decision.clocksToCancel)
    changes.set(c.clockId, cancelClockChange(recordOf(c.clockId), now, opts.cancelReason ?? 'incident-changed'));
  for (const m of decision.clocksMet) {
    const started = changes.get(m.clockId);
    changes.set(
      m.clockId,
      started
        ? chainChanges(started, meetClockChange(started.after, m.metAt))
        : meetClockChange(recordOf(m.clockId), m.metAt),
    );
  }
  let state = s;
  for (const change of changes.values()) {
    const breach = change.events.find((e) => e.type === 'Clock.Breached');
    if (breach?.type === 'Clock.Breached' && change.after.status === 'breached')
      state = { ...recordClockBreach(state, change.after.id, breach.data.breachedAt).state, version: s.version };
  }
  return { state, changes: [...changes.values()] };
}
