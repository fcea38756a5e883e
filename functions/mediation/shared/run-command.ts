// The case routes on the platform's command runner: the case, its queue items, its clocks and every
// event in one transaction, under the caller's Idempotency-Key.
import type { CaseDecision } from '@fazhi/domain/mediation/case-types';
import type { MediationStructure } from '@fazhi/domain/mediation/structure';
import { getClocks } from '@fazhi/platform/clocks/clock-store';
import type { ClockRegistry } from '@fazhi/platform/clocks/registry';
import { type CommandReply, type CommandRequest, runCommand } from '@fazhi/platform/commands/run-command';
import type { TransactItem } from '@fazhi/platform/ddb/commit';
import { caseEventOf } from './case-events';
import { putCase, type StoredCase } from './case-store';
import { caseView, clockIdsOf } from './case-view';
import { caseClockCommands } from './clock-plan';

export interface CaseStep {
  decision: CaseDecision;
  previous: StoredCase | undefined;
  structure: MediationStructure;
  /** Other writes of the same transaction (the online form's code, used up with the case it made). */
  alsoWrite?: TransactItem[];
}

export interface CaseCommandRequest extends Omit<CommandRequest, 'decide'> {
  seesPersonalData: boolean;
  decide: (now: number, registry: ClockRegistry) => Promise<CaseStep>;
}

export function runCaseCommand(req: CaseCommandRequest): Promise<CommandReply> {
  const { d, decide, seesPersonalData, ...rest } = req;
  return runCommand({
    d,
    ...rest,
    decide: async (now, registry) => {
      const { decision, previous, structure, alsoWrite = [] } = await decide(now, registry);
      const known = previous ? await getClocks(d, clockIdsOf(previous.state)) : new Map();
      return {
        clocks: caseClockCommands(decision, structure),
        complete: (changes) => {
          const clocks = new Map(known);
          for (const ch of changes) clocks.set(ch.after.id, ch.after);
          const next: StoredCase = { state: decision.state, breached: previous?.breached ?? [] };
          return {
            changed: decision.events.length > 0,
            body: caseView(next, clocks, seesPersonalData),
            writes: [...putCase(d, next, previous), ...alsoWrite],
            events: decision.events.map((e) => caseEventOf(e, decision.state, structure)),
          };
        },
      };
    },
  });
}
