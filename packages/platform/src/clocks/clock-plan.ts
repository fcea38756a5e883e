// What a service's decision asks of its clocks, as changes for the service's own transaction. The
// one way every service starts, pauses, resumes, extends, meets and cancels clocks: it lists
// commands, the plan reads the clocks they touch (one batch read) and asks the engine, and
// clockWrites() turns the changes into writes and events of the same commit.
import type { ExtendClockCommand, PauseClockCommand, ResumeClockCommand } from '@fazhi/domain/clocks/index';
import type { PlatformDeps } from '../deps';
import {
  type ClockChange,
  cancelClockChange,
  extendClockChange,
  meetClockChange,
  pauseClockChange,
  resumeClockChange,
  type StartClockSpec,
  startClockChange,
} from './clock-changes';
import type { ClockRecord } from './clock-record';
import { getClocks } from './clock-store';
import { chainChanges } from './clock-writes';
import type { ClockRegistry } from './registry';

export type ClockCommand =
  | { kind: 'start'; spec: StartClockSpec }
  | { kind: 'meet'; clockId: string; at: number }
  | { kind: 'cancel'; clockId: string; reason: string }
  | { kind: 'pause'; clockId: string; command: PauseClockCommand }
  | { kind: 'resume'; clockId: string; command: ResumeClockCommand }
  | { kind: 'extend'; clockId: string; command: ExtendClockCommand };

export class MissingClockError extends Error {
  constructor(readonly clockId: string) {
    super(`clock ${clockId} is missing from the clock store`);
    this.name = 'MissingClockError';
  }
}

/**
 * The changes `commands` make at `now`, one per clock (successive commands on one clock chain: a
 * clock started and met by one decision is started, then met). Domain refusals (a pause reason the
 * policy does not accept, an extension beyond its limits) throw the engine's ClockError.
 */
export async function planClocks(
  d: PlatformDeps,
  registry: ClockRegistry,
  commands: readonly ClockCommand[],
  now: number,
  opts: { correlationId?: string } = {},
): Promise<ClockChange[]> {
  const changes = new Map<string, ClockChange>();
  const starts = new Set(commands.flatMap((c) => (c.kind === 'start' ? [c.spec.id] : [])));
  const toRead = commands.flatMap((c) => (c.kind !== 'start' && !starts.has(c.clockId) ? [c.clockId] : []));
  const stored = toRead.length > 0 ? await getClocks(d, toRead) : new Map<string, ClockRecord>();
  const current = (id: string): ClockRecord => {
    const r = changes.get(id)?.after ?? stored.get(id);
    if (!r) throw new MissingClockError(id);
    return r;
  };
  const put = (id: string, next: ClockChange) => {
    const before = changes.get(id);
    changes.set(id, before ? chainChanges(before, next) : next);
  };
  for (const c of commands) {
    switch (c.kind) {
      case 'start': {
        const spec = {
          ...c.spec,
          ...(opts.correlationId && !c.spec.correlationId ? { correlationId: opts.correlationId } : {}),
        };
        put(c.spec.id, startClockChange(spec, now, registry));
        break;
      }
      case 'meet':
        put(c.clockId, meetClockChange(current(c.clockId), c.at));
        break;
      case 'cancel':
        put(c.clockId, cancelClockChange(current(c.clockId), now, c.reason));
        break;
      case 'pause':
        put(c.clockId, pauseClockChange(current(c.clockId), c.command, registry));
        break;
      case 'resume':
        put(c.clockId, resumeClockChange(current(c.clockId), c.command, registry));
        break;
      case 'extend':
        put(c.clockId, extendClockChange(current(c.clockId), c.command, registry));
        break;
    }
  }
  return [...changes.values()];
}
