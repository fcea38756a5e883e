// The write path of a service's command route: decide, plan the clocks the decision touches, commit
// the service's state, its clocks and every event in one transaction — under the caller's
// Idempotency-Key when it sent one, so a retried submission answers as the first did. When the
// state moved under us (a version condition failed), it decides again; if it keeps moving, 409.
import { DomainError } from '@fazhi/domain/domain-error';
import type { ClockChange } from '../clocks/clock-changes';
import { type ClockCommand, planClocks } from '../clocks/clock-plan';
import { clockWrites } from '../clocks/clock-writes';
import { type ClockRegistry, loadClockRegistry } from '../clocks/registry';
import { decideOrConflict } from '../clocks/transaction-retry';
import { commit, type TransactItem, TransactionConflict } from '../ddb/commit';
import { idempotencyKeyOf, requestHash, runIdempotent } from '../ddb/idempotency';
import type { NewEvent } from '../ddb/outbox';
import type { PlatformDeps } from '../deps';

export interface CommandOutcome {
  /** False when the command changed nothing (answers 200 and writes nothing). */
  changed: boolean;
  body: unknown;
  writes: TransactItem[];
  events: NewEvent[];
}

export interface Decision {
  /** What the decision asks of the clocks, in order. */
  clocks: ClockCommand[];
  /** The service's own writes and events, knowing what the clocks did (e.g. a breach at start). */
  complete(changes: readonly ClockChange[]): CommandOutcome;
}

export interface CommandRequest {
  d: PlatformDeps;
  /** Scope of the idempotency key: the route and the caller. */
  scope: string;
  idempotencyKey: string | undefined;
  rawBody: string;
  correlationId: string;
  /** Status of a command that changed something (201 for creations, 200 for changes). */
  status: number;
  /** Reads what it needs and asks the domain; runs again when the state changed meanwhile. */
  decide: (now: number, registry: ClockRegistry) => Promise<Decision>;
}

export interface CommandReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The answer's header when the command found what it asks for already done (200, nothing written). */
export const OUTCOME_HEADER = 'x-fazhi-outcome';
export const ALREADY_RECORDED = 'already-recorded';

/** Plans refused for a clock the decision read as live although another request had just moved it. */
const STALE_PLAN_RETRIES = 2;

export async function runCommand(req: CommandRequest): Promise<CommandReply> {
  const { d } = req;
  let stalePlans = 0;
  const plan = async () => {
    const now = d.clock.now();
    const registry = await loadClockRegistry(d);
    const decision = await req.decide(now, registry);
    let changes: ClockChange[];
    try {
      changes = await planClocks(d, registry, decision.clocks, now, { correlationId: req.correlationId });
    } catch (e) {
      // Two identical requests at once: this one read the aggregate before the other committed and
      // its clocks after, so it asks to meet (cancel) a clock already met (cancelled). The state
      // moved — decide again on what is there now (usually: already recorded, nothing to do).
      if (e instanceof DomainError && e.code === 'clock.transition.invalid' && stalePlans++ < STALE_PLAN_RETRIES)
        throw new TransactionConflict([], { cause: e });
      throw e;
    }
    const outcome = decision.complete(changes);
    const clocks = clockWrites(d, changes);
    return {
      response: {
        status: outcome.changed ? req.status : 200,
        body: outcome.body,
        ...(outcome.changed ? {} : { headers: { [OUTCOME_HEADER]: ALREADY_RECORDED } }),
      },
      writes: outcome.changed ? [...outcome.writes, ...clocks.writes] : [],
      events: outcome.changed ? [...outcome.events, ...clocks.events] : [],
    };
  };
  return decideOrConflict(async () => {
    if (req.idempotencyKey === undefined) {
      const p = await plan();
      await commit(d, p.writes, p.events);
      return p.response;
    }
    const key = idempotencyKeyOf(req.idempotencyKey);
    const r = await runIdempotent(d, req.scope, key, requestHash(req.rawBody), plan, { rawBody: req.rawBody });
    const headers = { ...(r.headers ?? {}), ...(r.replayed ? { 'idempotent-replayed': 'true' } : {}) };
    return { status: r.status, body: r.body, ...(Object.keys(headers).length > 0 ? { headers } : {}) };
  });
}
