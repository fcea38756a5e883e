// Clock.Breached for a transfer clock → the domain's RecordClockBreach (actor: the platform), so the
// case, its lists (overdue first) and every party know. A redelivery is `already-recorded` and
// changes nothing; a breach of a case or a clock the case does not know is logged and dropped.
import { DomainError } from '@fazhi/domain/domain-error';
import { decideRecommendation } from '@fazhi/domain/transfers/recommendation';
import { decide } from '@fazhi/domain/transfers/transfer-state';
import { getClocks } from '@fazhi/platform/clocks/clock-store';
import { decideAgainOnConflict } from '@fazhi/platform/clocks/transaction-retry';
import { commit } from '@fazhi/platform/ddb/commit';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { caseEventOf } from '../shared/case-events';
import { findCase, putCase } from '../shared/case-store';
import { clockIdsOf } from '../shared/case-view';
import { findRecommendation, putRecommendation, recClockIds, recEventOf } from '../shared/recommendation-store';
import { RECOMMENDATION_SUBJECT, transferBreaches } from '../shared/subject';

export const PLATFORM_ACTOR = { userId: 'platform', departmentId: 'platform' };

export const handler = eventHandler(async (event, d) => {
  const { clockId, subject, at } = transferBreaches.parse(event).data;
  const key = clockId.slice(subject.id.length + 1);
  if (subject.type === RECOMMENDATION_SUBJECT.type) return recordRecommendationBreach(d, subject.id, key, clockId, at);
  await decideAgainOnConflict(async () => {
    const previous = await findCase(d, subject.id);
    if (!previous) return logger.warn('breach of an unknown transfer case', { clockId, subject });
    let decision: ReturnType<typeof decide>;
    try {
      decision = decide(previous, { type: 'RecordClockBreach', key }, PLATFORM_ACTOR, Date.parse(at));
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'already-recorded' || e.code === 'clock-unknown'))
        return logger.info('transfer breach not recorded', { clockId, code: e.code });
      throw e;
    }
    const clocks = await getClocks(d, clockIdsOf(previous));
    await commit(
      d,
      putCase(d, decision.state, previous, clocks),
      decision.events.map((e) => caseEventOf(e, decision.state)),
    );
  });
});

/** The same for a recommendation's reply or implementation clock (it counts against the on-time rate). */
async function recordRecommendationBreach(d: PlatformDeps, id: string, key: string, clockId: string, at: string) {
  await decideAgainOnConflict(async () => {
    const previous = await findRecommendation(d, id);
    if (!previous) return logger.warn('breach of an unknown recommendation', { clockId });
    let decision: ReturnType<typeof decideRecommendation>;
    try {
      decision = decideRecommendation(previous, { type: 'RecordClockBreach', key }, PLATFORM_ACTOR, Date.parse(at));
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'already-recorded' || e.code === 'clock-unknown'))
        return logger.info('recommendation breach not recorded', { clockId, code: e.code });
      throw e;
    }
    const clocks = await getClocks(d, recClockIds(previous));
    await commit(
      d,
      putRecommendation(d, decision.state),
      decision.events.map((e) => recEventOf(e, decision.state, clocks)),
    );
  });
}
