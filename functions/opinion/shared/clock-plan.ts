// What an incident decision asks of the clocks, in the platform's terms (clock-plan.ts there): start
// the new clocks (a late start fires its warning or breach at once), cancel the dropped ones, meet
// the answered ones. A breach found at start is mirrored on the incident in the same commit.
import { type IncidentDecision, type IncidentState, recordClockBreach } from '@fazhi/domain/opinion/incident-state';
import type { ClockChange } from '@fazhi/platform/clocks/clock-changes';
import type { ClockCommand } from '@fazhi/platform/clocks/clock-plan';
import { INCIDENT_SUBJECT } from './subject';

export function incidentClockCommands(decision: IncidentDecision, cancelReason = 'incident-changed'): ClockCommand[] {
  const s = decision.state;
  return [
    ...decision.clocksToStart.map((start): ClockCommand => {
      const clock = s.clocks.find((c) => c.id === start.clockId)!;
      return {
        kind: 'start',
        spec: {
          id: start.clockId,
          policyId: start.policyId,
          subject: { type: INCIDENT_SUBJECT.type, id: s.id, title: s.title },
          departmentId: s.responsibleDepartmentId,
          startedAt: start.startAt,
          kind: start.kind,
          label: clock.label,
          labelEn: clock.labelEn,
        },
      };
    }),
    ...decision.clocksToCancel.map((c): ClockCommand => ({ kind: 'cancel', clockId: c.clockId, reason: cancelReason })),
    ...decision.clocksMet.map((m): ClockCommand => ({ kind: 'meet', clockId: m.clockId, at: m.metAt })),
  ];
}

/** The incident after the decision, with breaches found at start mirrored (same version). */
export function withBreachesOf(s: IncidentState, changes: readonly ClockChange[]): IncidentState {
  let state = s;
  for (const change of changes) {
    const breach = change.events.find((e) => e.type === 'Clock.Breached');
    if (breach?.type === 'Clock.Breached' && change.after.status === 'breached')
      state = { ...recordClockBreach(state, change.after.id, breach.data.breachedAt).state, version: s.version };
  }
  return state;
}
