import type { CatalogEntry } from './catalog-entry';
import { detailSchemaFor } from './envelope';
import { alertAcknowledgedV1 } from './types/alert-acknowledged';
import { alertEscalatedV1 } from './types/alert-escalated';
import { alertRaisedV1 } from './types/alert-raised';
import { alertRemindedV1 } from './types/alert-reminded';
import { alertResolvedV1 } from './types/alert-resolved';
import { clockBreachedV1 } from './types/clock-breached';
import { clockCancelledV1 } from './types/clock-cancelled';
import { clockExtendedV1 } from './types/clock-extended';
import { clockMetV1 } from './types/clock-met';
import { clockPausedV1 } from './types/clock-paused';
import { clockReplannedV1 } from './types/clock-replanned';
import { clockResumedV1 } from './types/clock-resumed';
import { clockStartedV1 } from './types/clock-started';
import { clockWarningDueV1 } from './types/clock-warning-due';
import { enforcementLeadSharedV1 } from './types/enforcement-lead-shared';
import { judicialConfirmationAcceptedV1, judicialConfirmationDecidedV1 } from './types/judicial-confirmation';
import { MEDIATION_CASE_ENTRIES } from './types/mediation-case';
import {
  mediationReferralDelegatedV1,
  mediationReferralEntrustedV1,
  mediationReferralPetitionReferredV1,
  mediationReferralPoliceReferredV1,
  mediationReferralRefusedV1,
} from './types/mediation-referral';
import { opinionIncidentClosedV1 } from './types/opinion-incident-closed';
import { opinionIncidentMilestoneRecordedV1 } from './types/opinion-incident-milestone-recorded';
import { opinionIncidentOpenedV1 } from './types/opinion-incident-opened';
import { opinionIncidentRegradedV1 } from './types/opinion-incident-regraded';
import { RECOMMENDATION_ENTRIES } from './types/recommendation';
import { TRANSFER_CASE_ENTRIES } from './types/transfer-case';
import { TRANSFER_FLAG_ENTRIES } from './types/transfer-flag';

export type { Audience, CatalogEntry } from './catalog-entry';
export type { DepartmentKind } from './department-kind';

/**
 * Every detail-type version the platform accepts. A breaking change adds an entry with the next
 * version beside the old one; the old one stays until no department publishes it.
 */
export const catalog: readonly CatalogEntry[] = [
  enforcementLeadSharedV1,
  opinionIncidentOpenedV1,
  opinionIncidentRegradedV1,
  opinionIncidentMilestoneRecordedV1,
  opinionIncidentClosedV1,
  clockStartedV1,
  clockWarningDueV1,
  clockBreachedV1,
  clockMetV1,
  clockCancelledV1,
  clockPausedV1,
  clockResumedV1,
  clockExtendedV1,
  clockReplannedV1,
  alertRaisedV1,
  alertEscalatedV1,
  alertAcknowledgedV1,
  alertRemindedV1,
  alertResolvedV1,
  mediationReferralDelegatedV1,
  mediationReferralEntrustedV1,
  mediationReferralPoliceReferredV1,
  mediationReferralPetitionReferredV1,
  mediationReferralRefusedV1,
  judicialConfirmationAcceptedV1,
  judicialConfirmationDecidedV1,
  ...MEDIATION_CASE_ENTRIES,
  ...TRANSFER_CASE_ENTRIES,
  ...TRANSFER_FLAG_ENTRIES,
  ...RECOMMENDATION_ENTRIES,
];

/** The entry for a detail-type: the given version, or the latest one when `version` is omitted. */
export function findCatalogEntry(
  detailType: string,
  version?: number,
  entries: readonly CatalogEntry[] = catalog,
): CatalogEntry | undefined {
  let found: CatalogEntry | undefined;
  for (const entry of entries) {
    if (entry.detailType !== detailType) continue;
    if (version !== undefined) {
      if (entry.version === version) return entry;
    } else if (found === undefined || entry.version > found.version) {
      found = entry;
    }
  }
  return found;
}

/** The zod schema of the full detail `{ meta, data }` of an entry. */
export function detailSchemaOf(entry: CatalogEntry) {
  return detailSchemaFor(entry.data, entry.version);
}
