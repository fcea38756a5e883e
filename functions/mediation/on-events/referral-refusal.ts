// A referral the domain refuses is told to the department that sent it (MediationReferral.Refused),
// once: a marker item keyed by the referral's event id commits with the event, so a redelivered
// referral finds the marker and tells nobody twice.
import type { DomainError } from '@fazhi/domain/domain-error';
import { commit, put, TransactionConflict } from '@fazhi/platform/ddb/commit';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { logger } from '@fazhi/platform/logger';
import { MEDIATION_SOURCE } from '../shared/subject';

export const REFUSAL_PREFIX = 'MEDREFUSED#';

export interface RefusedReferral {
  eventId: string;
  detailType: string;
  referenceNo: string;
  departmentId: string;
}

export async function tellRefusal(d: PlatformDeps, r: RefusedReferral, error: DomainError): Promise<void> {
  const at = d.clock.now();
  const marker = { pk: `${REFUSAL_PREFIX}${r.eventId}`, sk: 'REFUSAL', type: 'mediation-referral-refusal', at };
  try {
    await commit(
      d,
      [put(d, { ...marker, code: error.code, departmentId: r.departmentId }, { expr: 'attribute_not_exists(pk)' })],
      [
        {
          source: MEDIATION_SOURCE,
          detailType: 'MediationReferral.Refused',
          correlationId: r.eventId,
          data: {
            referralEventId: r.eventId,
            referralDetailType: r.detailType,
            referenceNo: r.referenceNo,
            referringDepartmentId: r.departmentId,
            code: error.code,
            reason: error.message,
            issues: error.issues.slice(0, 50).map((i) => ({
              path: i.path.join('.').slice(0, 200),
              code: (i.code ?? 'invalid').slice(0, 64),
              message: i.message.slice(0, 300),
            })),
            refusedAt: toCityIso(at),
          },
        },
      ],
    );
    logger.warn('referral refused; the referring department is told', { eventId: r.eventId, code: error.code });
  } catch (e) {
    // The marker exists: this referral was refused and told before (a redelivery).
    if (e instanceof TransactionConflict && e.failed.includes(0)) return;
    throw e;
  }
}
