// A redelivery, or a breach of a clock the case no longer runs, changes nothing. A breach of the
// case's mediation time limit (`limit`) is also the monthly report's `overdue`, counted in the same
// transaction as the case's mark (shared/report-store.ts).
import type { MediationClockKey } from '@fazhi/domain/mediation/case-clocks';
import { incrementOf } from '@fazhi/domain/mediation/report';
import { decideAgainOnConflict } from '@fazhi/platform/clocks/transaction-retry';
import { commit } from '@fazhi/platform/ddb/commit';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { findCase, organisationsOf, putCase } from '../shared/case-store';
import { requireStructure } from '../shared/config-store';
import { countedMarker, counterUpdates } from '../shared/report-store';
import { caseBreaches } from '../shared/subject';

export const handler = eventHandler(async (event, d) => {
  const { clockId, subject, at } = caseBreaches.parse(event).data;
  const key = clockId.slice(subject.id.length + 1) as MediationClockKey;
  await decideAgainOnConflict(async () => {
    const previous = await findCase(d, subject.id);
    if (!previous) return logger.warn('breach of an unknown mediation case', { clockId, subject });
    if (!previous.state.clocks[key]?.running || previous.breached.includes(key)) return;
    const c = previous.state;
    const state = { ...c, version: c.version + 1 };
    const org = organisationsOf(c)[0];
    const inc =
      key === 'limit'
        ? incrementOf(
            'limit-breached',
            { at, source: c.source, disputeType: c.disputeType, regionCode: c.regionCode, organisationId: org },
            await requireStructure(d),
          )
        : undefined;
    const counted = inc
      ? [countedMarker(d, event.detail.meta.eventId, 'limit-breached'), ...counterUpdates(d, inc)]
      : [];
    await commit(d, [...putCase(d, { state, breached: [...previous.breached, key] }, previous), ...counted]);
  });
});
