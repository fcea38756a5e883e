// The write path shared by the incident routes: decide, plan the clocks, commit the incident, its
// clocks and every event in one transaction — under the caller's Idempotency-Key when it sent one,
// so a retried submission answers as the first did.
import type { IncidentDecision } from '@fazhi/domain/opinion/incident-state';
import { clockWrites } from '@fazhi/platform/clocks/clock-writes';
import { loadClockRegistry } from '@fazhi/platform/clocks/registry';
import { decideOrConflict } from '@fazhi/platform/clocks/transaction-retry';
import { commit } from '@fazhi/platform/ddb/commit';
import { idempotencyKeyOf, requestHash, runIdempotent } from '@fazhi/platform/ddb/idempotency';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { clockPlanOf } from './clock-plan';
import { incidentEventOf } from './incident-events';
import { putIncident } from './incident-store';
import { incidentView } from './incident-view';

export interface CommandRequest {
  d: PlatformDeps;
  /** Scope of the idempotency key: the route and the caller. */
  scope: string;
  idempotencyKey: string | undefined;
  rawBody: string;
  correlationId: string;
  /** 201 for creations and milestones, 200 for changes. */
  status: number;
  cancelReason?: string;
  /** Reads what it needs and asks the domain; runs again when the incident changed meanwhile. */
  decide: (now: number) => Promise<IncidentDecision>;
}

export async function runIncidentCommand(
  req: CommandRequest,
): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
  const { d } = req;
  const plan = async () => {
    const now = d.clock.now();
    const decision = await req.decide(now);
    const { state, changes } = await clockPlanOf(d, await loadClockRegistry(d), decision, now, {
      correlationId: req.correlationId,
      ...(req.cancelReason ? { cancelReason: req.cancelReason } : {}),
    });
    const clocks = clockWrites(d, changes);
    const unchanged = decision.events.length === 0;
    return {
      response: { status: unchanged ? 200 : req.status, body: incidentView(state) },
      writes: unchanged ? [] : [putIncident(d, state), ...clocks.writes],
      events: unchanged
        ? []
        : [
            ...decision.events.map((e) =>
              incidentEventOf(e, state, {
                correlationId: req.correlationId,
                reportedLate: decision.reportedLate.length > 0,
              }),
            ),
            ...clocks.events,
          ],
    };
  };
  return decideOrConflict(async () => {
    if (req.idempotencyKey === undefined) {
      const p = await plan();
      await commit(d, p.writes, p.events);
      return p.response;
    }
    const key = idempotencyKeyOf(req.idempotencyKey);
    const r = await runIdempotent(d, req.scope, key, requestHash(req.rawBody), plan);
    return { status: r.status, body: r.body, ...(r.replayed ? { headers: { 'idempotent-replayed': 'true' } } : {}) };
  });
}
