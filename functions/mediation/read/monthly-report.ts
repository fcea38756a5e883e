// GET /v1/mediation/reports/monthly: the month's counters (kept up from events, shared/report-store.ts)
// and the months before it, as the report the domain computes; JSON, or the Excel workbook.
import { monthlyReport, monthOf, monthsUpTo } from '@fazhi/domain/mediation/report';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { callerOf, requireHub } from '../shared/access';
import { requireStructure } from '../shared/config-store';
import { monthRows } from '../shared/report-store';
import { reportWorkbook } from './report-workbook';

export async function monthlyReportRoute({ principal, query, deps: d }: RouteContext<RouteWiring>): Promise<Reply> {
  const structure = await requireStructure(d);
  requireHub(await callerOf(d, principal!, structure));
  const q = query as { month?: string; months?: number; format?: 'json' | 'xlsx' };
  const months = monthsUpTo(q.month ?? monthOf(d.clock.now()), q.months ?? 6);
  const rows = await Promise.all(months.map(async (month) => ({ month, rows: await monthRows(d, month) })));
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
