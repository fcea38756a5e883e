// GET /v1/mediation/reports/monthly: the month's counters (kept up from events, shared/report-store.ts)
// and the months before it, as the report the domain computes; JSON, or the Excel workbook. With
// `organisationId`, that organisation's part, for its head (调委会主任) or the hub.
import { monthlyReport, monthOf, monthsUpTo, organisationReport } from '@fazhi/domain/mediation/report';
import { findOrganisation, headsOrganisation, type MediationStructure } from '@fazhi/domain/mediation/structure';
import type { Principal } from '@fazhi/platform/auth/principal';
import { ForbiddenError, ValidationError } from '@fazhi/platform/errors';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { type Caller, callerOf, requireHub } from '../shared/access';
import { requireStructure } from '../shared/config-store';
import { monthRows } from '../shared/report-store';
import { reportWorkbook } from './report-workbook';

export async function monthlyReportRoute({ principal, query, deps: d }: RouteContext<RouteWiring>): Promise<Reply> {
  const structure = await requireStructure(d);
  const caller = await callerOf(d, principal!, structure);
  const q = query as { month?: string; months?: number; format?: 'json' | 'xlsx'; organisationId?: string };
  if (q.organisationId) requireHeadOf(caller, structure, q.organisationId, q.format);
  else requireHub(caller);
  const months = monthsUpTo(q.month ?? monthOf(d.clock.now()), q.months ?? 6);
  const rows = await Promise.all(months.map(async (month) => ({ month, rows: await monthRows(d, month) })));
  if (q.organisationId) return { status: 200, body: organisationReport(rows, structure, q.organisationId) };
  const report = monthlyReport(rows, structure);
  if (q.format !== 'xlsx') return { status: 200, body: report };
  return {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="mediation-report-${report.month}.xlsx"`,
    },
    body: await reportWorkbook(report),
  };
}

function requireHeadOf(c: Caller, s: MediationStructure, organisationId: string, format: string | undefined): void {
  if (format === 'xlsx')
    throw new ValidationError('The workbook is the whole report; an organisation’s part is JSON only.', [
      { path: 'format', message: 'xlsx is not offered with organisationId' },
    ]);
  findOrganisation(s, organisationId);
  const p: Principal = c.principal;
  if (c.hub || (p.kind === 'user' && headsOrganisation(s, p.username, organisationId))) return;
  throw new ForbiddenError('Only the hub or the head of this organisation may read its figures.');
}
