// The incident routes on the platform's command runner: the incident, its clocks and every event
// in one transaction, under the caller's Idempotency-Key.
import type { IncidentDecision } from '@fazhi/domain/opinion/incident-state';
import type { ClockRegistry } from '@fazhi/platform/clocks/registry';
import { type CommandReply, type CommandRequest, runCommand } from '@fazhi/platform/commands/run-command';
import { incidentClockCommands, withBreachesOf } from './clock-plan';
import { incidentEventOf } from './incident-events';
import { putIncident } from './incident-store';
import { incidentView } from './incident-view';

export interface IncidentCommandRequest extends Omit<CommandRequest, 'decide'> {
  cancelReason?: string;
  decide: (now: number, registry: ClockRegistry) => Promise<IncidentDecision>;
}

export function runIncidentCommand(req: IncidentCommandRequest): Promise<CommandReply> {
  const { d, cancelReason, decide, ...rest } = req;
  return runCommand({
    d,
    ...rest,
    decide: async (now, registry) => {
      const decision = await decide(now, registry);
      return {
        clocks: incidentClockCommands(decision, cancelReason),
        complete: (changes) => {
          const state = withBreachesOf(decision.state, changes);
          const reportedLate = decision.reportedLate.length > 0;
          return {
            changed: decision.events.length > 0,
            body: incidentView(state),
            writes: [putIncident(d, state)],
            events: decision.events.map((e) =>
              incidentEventOf(e, state, { correlationId: req.correlationId, reportedLate }),
            ),
          };
        },
      };
    },
  });
}
