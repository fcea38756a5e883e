// The case's events (epoch ms in the domain) in the catalog's wire form
// (events/src/types/transfer-case.ts): the case head plus what the step says. No personal data: the
// party's name and credit code, the summary and the team's names are left on the platform.
import type { TransferCase, TransferEvent } from '@fazhi/domain/transfers/transfer-types';
import type { NewEvent } from '@fazhi/platform/ddb/outbox';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { TRANSFERS_SOURCE } from './subject';

/** In the head already (or internal to the domain's event). */
const HEAD_KEYS = new Set(['caseId', 'version', 'at', 'by', 'agencyDepartmentId', 'status']);

function extrasOf(e: TransferEvent, c: TransferCase): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.data)) if (!HEAD_KEYS.has(k) && v !== undefined) out[k] = v;
  switch (e.type) {
    case 'TransferCase.Reported':
      return {
        basis: c.basis,
        ...(c.threshold ? { threshold: c.threshold } : {}),
        economic: c.economic,
        team: c.team.length,
        reportedAt: toCityIso(c.reportedAt),
      };
    case 'TransferCase.Transferred': {
      const { policeDepartmentId: _p, procuratorateDepartmentId: _q, ...rest } = out;
      return rest;
    }
    case 'TransferCase.ProsecutionDecided': {
      const { courtDepartmentId: _c, ...rest } = out;
      return { ...rest, documentNo: c.prosecution?.documentNo };
    }
    case 'TransferCase.PassedOn':
      return { ...out, reason: c.passedOn.at(-1)?.reason ?? '' };
    case 'TransferCase.NotFiled':
      return { ...out, reasons: c.filing?.reasons ?? '' };
    case 'TransferCase.Refused':
      return { reasons: c.approval?.reasons ?? '' };
    default:
      return out;
  }
}

export function caseEventOf(e: TransferEvent, c: TransferCase): NewEvent {
  return {
    source: TRANSFERS_SOURCE,
    detailType: e.type,
    correlationId: c.id,
    data: {
      caseId: c.id,
      version: e.data.version,
      at: toCityIso(e.data.at),
      by: e.data.by,
      title: c.title,
      enforcementCaseNo: c.enforcementCaseNo,
      offenceCategory: c.offenceCategory,
      regionCode: c.regionCode,
      status: c.status,
      agencyDepartmentId: c.agencyDepartmentId,
      ...(c.policeDepartmentId ? { policeDepartmentId: c.policeDepartmentId } : {}),
      ...(c.procuratorateDepartmentId ? { procuratorateDepartmentId: c.procuratorateDepartmentId } : {}),
      ...(c.prosecution?.courtDepartmentId ? { courtDepartmentId: c.prosecution.courtDepartmentId } : {}),
      ...extrasOf(e, c),
    },
  };
}
