// Only the court the application went to may answer it; an answer for another court's case, for an
// unknown case, or one already recorded (a redelivery) changes nothing. The court's instant is
// when it acted; its clocks are met at that instant.
import { DomainError } from '@fazhi/domain/domain-error';
import { courtAccepts, courtDecides } from '@fazhi/domain/mediation/case-state';
import { findCatalogEntry } from '@fazhi/events/catalog';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { findCase } from '../shared/case-store';
import { requireStructure } from '../shared/config-store';
import { runCaseCommand } from '../shared/run-command';

interface Answer {
  caseId: string;
  acceptedAt?: string;
  decidedAt?: string;
  confirmed?: boolean;
}

export const handler = eventHandler(async (event, d) => {
  const entry = findCatalogEntry(event['detail-type']);
  if (!entry || !event.source.startsWith('dept.')) return;
  const data = entry.data.parse(event.detail.data) as Answer;
  const court = event.source.slice('dept.'.length);
  const structure = await requireStructure(d);
  try {
    await runCaseCommand({
      d,
      scope: 'mediation-court-answer',
      idempotencyKey: event.detail.meta.eventId,
      rawBody: JSON.stringify(event.detail),
      correlationId: data.caseId,
      status: 200,
      seesPersonalData: true,
      decide: async (now) => {
        const previous = await findCase(d, data.caseId);
        if (!previous || previous.state.confirmation?.courtDepartmentId !== court)
          throw new DomainError(
            'confirmation-not-yours',
            'forbidden',
            `${court} has no application for ${data.caseId}`,
          );
        const at = Math.min(Date.parse(data.acceptedAt ?? data.decidedAt ?? ''), now);
        const decision =
          data.confirmed === undefined
            ? courtAccepts(previous.state, `dept.${court}`, at)
            : courtDecides(previous.state, data.confirmed, `dept.${court}`, at);
        return { decision, previous, structure };
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return logger.warn('court answer ignored', { caseId: data.caseId, court, error: e });
    throw e;
  }
});
