// A redelivery, or a breach of a clock the case no longer runs, changes nothing.
import type { MediationClockKey } from '@fazhi/domain/mediation/case-clocks';
import { decideAgainOnConflict } from '@fazhi/platform/clocks/transaction-retry';
import { commit } from '@fazhi/platform/ddb/commit';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { findCase, putCase } from '../shared/case-store';
import { caseBreaches } from '../shared/subject';

export const handler = eventHandler(async (event, d) => {
  const { clockId, subject } = caseBreaches.parse(event).data;
  const key = clockId.slice(subject.id.length + 1) as MediationClockKey;
  await decideAgainOnConflict(async () => {
    const previous = await findCase(d, subject.id);
    if (!previous) return logger.warn('breach of an unknown mediation case', { clockId, subject });
    if (!previous.state.clocks[key]?.running || previous.breached.includes(key)) return;
    const state = { ...previous.state, version: previous.state.version + 1 };
    await commit(d, putCase(d, { state, breached: [...previous.breached, key] }, previous));
  });
});
