// 本组织概况, for the committee's head (调委会主任) in the workspace: the organisation's own figures of
// the last six months (its row of the report's counters), satisfaction against the 90 % target,
// staffing against the seed's target, and each mediator's open and overdue cases.
import { ErrorNotice } from '../components/ErrorNotice';
import { useLoad } from '../hooks/use-load';
import { toLocalInput } from '../time/china-time';
import { serverClock } from '../time/server-clock';
import type { CaseClock, Organisation } from './mediation-api';
import { fetchOrganisationReport } from './report-api';
import { FigureCells, FigureHeads, percent } from './report-page';

export interface Workload {
  items: { id: string; status: string }[];
  /** Per case: its assigned mediators' ids and its clocks. */
  mediators: Record<string, string[]>;
  clocks: Record<string, CaseClock[]>;
}

const verdict = (meets: boolean | undefined, none: string) => (meets === undefined ? none : meets ? '达标' : '未达标');

export function OrganisationOverview({ org, workload }: { org: Organisation; workload: Workload | undefined }) {
  const month = toLocalInput(serverClock.now()).slice(0, 7);
  const load = useLoad(() => fetchOrganisationReport(month, org.id), `org-report:${org.id}:${month}`);
  const r = load.data;
  const perMediator = org.mediators.map((m) => {
    // 在办: what is not closed yet (a closed case stays in the queue for its follow-up visit).
    const cases = (workload?.items ?? []).filter(
      (c) => c.status !== 'closed' && (workload?.mediators[c.id] ?? []).includes(m.id),
    );
    const overdue = cases.filter((c) => (workload?.clocks[c.id] ?? []).some((k) => k.status === 'breached'));
    return { m, open: cases.length, overdue: overdue.length };
  });
  return (
    <section class="board-section" aria-labelledby="org-overview" data-testid="org-overview">
      <h2 id="org-overview">本组织概况</h2>
      {load.error !== undefined && <ErrorNotice error={load.error} context="无法载入本组织的统计" />}
      {r && (
        <>
          <p data-testid="org-overview-targets">
            本月满意率 {percent(r.satisfaction.rate)}（目标 {percent(r.satisfaction.target)}，
            {verdict(r.satisfaction.meets, '暂无回访')}）
            {r.staffing?.target !== undefined &&
              `；专职调解员 ${r.staffing.fullTime} 名（目标 ${r.staffing.target} 名，${verdict(r.staffing.meets, '—')}）`}
          </p>
          <table class="table" data-testid="org-overview-months">
            <thead>
              <FigureHeads first="月份" />
            </thead>
            <tbody>
              {[...r.trend].reverse().map((t) => (
                <tr key={t.month}>
                  <th scope="row">
                    {t.month.slice(0, 4)}年{Number(t.month.slice(5))}月
                  </th>
                  <FigureCells f={t} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <table class="table" data-testid="org-overview-mediators">
        <thead>
          <tr>
            <th scope="col">调解员</th>
            <th scope="col">专职</th>
            <th scope="col">在办案件</th>
            <th scope="col">已超期</th>
          </tr>
        </thead>
        <tbody>
          {perMediator.map(({ m, open, overdue }) => (
            <tr key={m.id} data-testid="org-overview-mediator">
              <td>{m.name}</td>
              <td>{m.fullTime ? '是' : '否'}</td>
              <td>{open}</td>
              <td class={overdue > 0 ? 'med-overdue' : ''}>{overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
