// The alert sweeper: alerts whose acknowledgement window or reminder interval ran out climb one
// level (or remind), each under its version condition so overlapping sweeps act once. Rosters are
// read once per department per sweep, at the sweep's instant, so alerts follow shift hand-overs.
import { awaitsBreach, tickAlert } from '@fazhi/domain/alerts/alert-state';
import type { Roster } from '@fazhi/domain/alerts/roster';
import { commit, TransactionConflict } from '@fazhi/platform/ddb/commit';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { logger } from '@fazhi/platform/logger';
import { alertEventOf } from './alert-events';
import { ALERT_SHARDS, dueAlerts, putAlert } from './alert-store';
import { getRoster } from './rosters';

export interface AlertSweepResult {
  due: number;
  escalated: number;
  reminded: number;
  conflicts: number;
}

export async function sweepAlerts(d: PlatformDeps): Promise<AlertSweepResult> {
  const now = d.clock.now();
  const result: AlertSweepResult = { due: 0, escalated: 0, reminded: 0, conflicts: 0 };
  const rosters = new Map<string, Promise<Roster | undefined>>();
  const rosterOf = (departmentId: string) => {
    let r = rosters.get(departmentId);
    if (!r) {
      r = getRoster(d, departmentId);
      rosters.set(departmentId, r);
    }
    return r;
  };
  await Promise.all(
    Array.from({ length: ALERT_SHARDS }, async (_, shard) => {
      for (const alert of await dueAlerts(d, shard, now)) {
        result.due++;
        if (awaitsBreach(alert, now)) continue;
        const next = tickAlert(alert, now, await rosterOf(alert.departmentId));
        if (next.events.length === 0) continue;
        try {
          await commit(
            d,
            [putAlert(d, next.state)],
            next.events.map((e) => alertEventOf(e, next.state)),
          );
        } catch (e) {
          // Acknowledged or resolved meanwhile, or another sweep got there: the next sweep decides again.
          if (e instanceof TransactionConflict) {
            result.conflicts++;
            continue;
          }
          throw e;
        }
        for (const e of next.events) {
          if (e.type === 'Alert.Escalated') result.escalated++;
          if (e.type === 'Alert.Reminded') result.reminded++;
        }
      }
    }),
  );
  if (result.due > 0) logger.info('alerts swept', { ...result });
  return result;
}
