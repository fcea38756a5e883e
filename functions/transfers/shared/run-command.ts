// The transfer routes on the platform's command runner: the case, its list items, its clocks and
// every event in one transaction, under the caller's Idempotency-Key.
import type { TransferCase, TransferDecision } from '@fazhi/domain/transfers/transfer-types';
import type { ClockRecord } from '@fazhi/platform/clocks/clock-record';
import { getClocks } from '@fazhi/platform/clocks/clock-store';
import { type CommandReply, type CommandRequest, runCommand } from '@fazhi/platform/commands/run-command';
import { caseEventOf } from './case-events';
import { putCase } from './case-store';
import { caseView, clockIdsOf } from './case-view';
import { caseClockCommands } from './clock-plan';

export interface CaseStep {
  decision: TransferDecision;
  previous: TransferCase | undefined;
}

export interface CaseCommandRequest extends Omit<CommandRequest, 'decide'> {
  decide: (now: number) => Promise<CaseStep>;
}

export function runCaseCommand(req: CaseCommandRequest): Promise<CommandReply> {
  const { d, decide, ...rest } = req;
  return runCommand({
    d,
    ...rest,
    decide: async (now) => {
      const { decision, previous } = await decide(now);
      const known: Map<string, ClockRecord> = previous ? await getClocks(d, clockIdsOf(previous)) : new Map();
      return {
        clocks: caseClockCommands(decision),
        complete: (changes) => {
          const clocks = new Map(known);
          for (const ch of changes) clocks.set(ch.after.id, ch.after);
          return {
            changed: decision.events.length > 0,
            body: caseView(decision.state, clocks),
            writes: putCase(d, decision.state, previous, clocks),
            events: decision.events.map((e) => caseEventOf(e, decision.state)),
          };
        },
      };
    },
  });
}
