// The case's events (epoch ms in the domain) in the catalog's wire form
// (events/src/types/mediation-case.ts): the case head plus what the step says. Parties' personal
// data travel as recorded; the exchange masks them for departments that do not need them.
import type { MediationCase, MediationEvent } from '@fazhi/domain/mediation/case-types';
import type { MediationStructure } from '@fazhi/domain/mediation/structure';
import type { NewEvent } from '@fazhi/platform/ddb/outbox';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { organisationsOf } from './case-store';
import { MEDIATION_SOURCE } from './subject';

const HEAD_KEYS = new Set(['caseId', 'version', 'at', 'by']);
const INSTANTS = new Set(['sessionAt', 'performanceDueAt']);
/** Step data the catalog does not carry (already in the head, or internal). */
const DROPPED = new Set(['regionCode', 'disputeType']);

function extrasOf(e: MediationEvent, c: MediationCase): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.data)) {
    if (HEAD_KEYS.has(k) || DROPPED.has(k) || v === undefined) continue;
    out[k] = INSTANTS.has(k) && typeof v === 'number' ? toCityIso(v) : v;
  }
  switch (e.type) {
    case 'MediationCase.Received':
      return {
        summary: c.summary.slice(0, 2000),
        amountFen: c.amountFen,
        peopleInvolved: c.peopleInvolved,
        risk: c.risk,
        parties: c.parties,
        receivedAt: toCityIso(c.receivedAt),
        ...(c.referral ? { referenceNo: c.referral.referenceNo } : {}),
      };
    case 'MediationCase.RiskReported':
      return { ...out, note: c.risksReported.at(-1)?.note ?? '' };
    case 'MediationCase.ConfirmationDecided':
    case 'MediationCase.ConfirmationAccepted':
      return { ...out, courtDepartmentId: c.confirmation?.courtDepartmentId };
    case 'MediationCase.Closed':
      return { outcome: out.outcome };
    case 'MediationCase.SatisfactionRecorded':
    case 'MediationCase.Accepted':
      delete out.organisationId;
      return out;
    default:
      return out;
  }
}

export function caseEventOf(e: MediationEvent, c: MediationCase, s: MediationStructure): NewEvent {
  const org = (e.data.organisationId as string | undefined) ?? organisationsOf(c)[0];
  return {
    source: MEDIATION_SOURCE,
    detailType: e.type,
    correlationId: c.id,
    data: {
      caseId: c.id,
      version: e.data.version,
      at: toCityIso(e.data.at),
      by: e.data.by,
      title: c.title,
      source: c.source,
      disputeType: c.disputeType,
      regionCode: c.regionCode,
      status: c.status,
      hubDepartmentId: s.hub.departmentId,
      ...(org ? { organisationId: org } : {}),
      ...(c.referral ? { referringDepartmentId: c.referral.departmentId } : {}),
      ...extrasOf(e, c),
    },
  };
}
