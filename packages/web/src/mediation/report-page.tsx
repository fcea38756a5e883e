// 调解月报 (issue 9, item 7): the month's figures, the month-on-month trend, the breakdowns by
// channel, organisation, dispute type, locality and intake group, satisfaction against the 90 %
// target per organisation and staffing against the seed's targets; charts (ECharts, loaded lazily)
// and the Excel workbook the API exports. zh-CN only: every word on the page is Chinese.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { saveFile } from '../components/save-file';
import { useLoad } from '../hooks/use-load';
import { toLocalInput } from '../time/china-time';
import { serverClock } from '../time/server-clock';
import { fetchMonthlyReport, fetchMonthlyWorkbook, type ReportDimension, type ReportFigures } from './report-api';

const DIMENSION_NAMES: Record<ReportDimension, string> = {
  channel: '按渠道',
  organisation: '按调解组织',
  type: '按纠纷类型',
  locality: '按属地',
  source: '按案件来源',
};
const KIND_NAMES: Record<string, string> = {
  professional: '专业性调委会',
  industry: '行业性调委会',
  township: '乡镇（街道）调委会',
  village: '村（社区）调委会',
  embedded: '派驻调解室',
  administrative: '行政调解组织',
  judicial: '诉调对接组织',
  petition: '访调对接组织',
};

export const percent = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`;
const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** The `count` months up to `month`, newest first (a native month picker speaks the browser's language). */
function lastMonths(month: string, count: number): string[] {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const k = n - i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function useChart(draw: (element: HTMLDivElement) => Promise<() => void> | undefined, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let dispose: (() => void) | undefined;
    let cancelled = false;
    void draw(element)?.then((d) => {
      if (cancelled) d();
      else dispose = d;
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, deps);
  return ref;
}

export function FigureHeads({ first }: { first: string }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      <th scope="col">受理</th>
      <th scope="col">调解成功</th>
      <th scope="col">调解不成</th>
      <th scope="col">成功率</th>
      <th scope="col">超期</th>
      <th scope="col">满意率</th>
      <th scope="col">协议金额（元）</th>
      <th scope="col">防止民转刑</th>
      <th scope="col">防止群体性上访</th>
    </tr>
  );
}

export function FigureCells({ f }: { f: ReportFigures }) {
  return (
    <>
      <td>{f.received}</td>
      <td>{f.resolved}</td>
      <td>{f.failed}</td>
      <td>{percent(f.resolutionRate)}</td>
      <td>{f.overdue}</td>
      <td>{percent(f.satisfactionRate)}</td>
      <td>{yuan(f.amountFen)}</td>
      <td>
        {f.civilToCriminalCases}件{f.civilToCriminalPeople}人
      </td>
      <td>
        {f.groupPetitionCases}件{f.groupPetitionPeople}人
      </td>
    </>
  );
}

export function MediationReportPage() {
  const thisMonth = toLocalInput(serverClock.now()).slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const [asked, setAsked] = useState(thisMonth);
  const [dimension, setDimension] = useState<ReportDimension>('organisation');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>();
  const loaded = useLoad(() => fetchMonthlyReport(asked), asked);
  const report = loaded.data;

  const trendRef = useChart(
    (element) =>
      report &&
      import('./report-chart').then(({ drawReportTrend }) =>
        drawReportTrend(
          element,
          report.trend.map((m) => ({
            month: m.month,
            received: m.received,
            resolved: m.resolved,
            rate: m.resolutionRate === null ? undefined : m.resolutionRate * 100,
          })),
          { received: '受理', resolved: '调解成功', rate: '调解成功率' },
        ),
      ),
    [report],
  );
  const lines = report?.breakdowns[dimension] ?? [];
  const barsRef = useChart(
    (element) =>
      report && lines.length > 0
        ? import('./report-chart').then(({ drawBreakdownBars }) =>
            drawBreakdownBars(element, lines.slice(0, 15), { received: '受理', resolved: '调解成功' }),
          )
        : undefined,
    [report, dimension],
  );

  const exportExcel = async () => {
    if (!report) return;
    setExporting(true);
    setExportError(undefined);
    try {
      const blob = await fetchMonthlyWorkbook(report.month);
      saveFile(blob, `矛盾纠纷调解月报-${report.month}.xlsx`);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div class="page" lang="zh-CN" data-testid="mediation-report-page">
      <h1>矛盾纠纷调解月报</h1>
      <form
        class="form form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(month);
        }}
      >
        <Field label="月份">
          <select value={month} onChange={(e) => setMonth(e.currentTarget.value)} data-testid="report-month">
            {lastMonths(thisMonth, 24).map((m) => (
              <option key={m} value={m}>
                {m.slice(0, 4)}年{Number(m.slice(5))}月
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="btn" data-testid="report-refresh">
          查询
        </button>
        <button
          type="button"
          class="btn"
          onClick={exportExcel}
          disabled={!report || exporting}
          data-testid="report-export"
        >
          {exporting ? '正在导出…' : '导出 Excel'}
        </button>
      </form>
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} />}
      {exportError !== undefined && <ErrorNotice error={exportError} onDismiss={() => setExportError(undefined)} />}
      {loaded.loading && !report && <p class="muted">正在加载…</p>}
      {report && (
        <>
          <section class="board-section" aria-labelledby="report-totals">
            <h2 id="report-totals">{report.month} 汇总</h2>
            <dl class="report-totals" data-testid="report-totals">
              <div>
                <dt>受理纠纷</dt>
                <dd>
                  {report.totals.received} 件（环比 {signed(report.change.received)}）
                </dd>
              </div>
              <div>
                <dt>调解成功</dt>
                <dd>
                  {report.totals.resolved} 件（环比 {signed(report.change.resolved)}）
                </dd>
              </div>
              <div>
                <dt>调解成功率</dt>
                <dd>{percent(report.totals.resolutionRate)}</dd>
              </div>
              <div>
                <dt>超期</dt>
                <dd>{report.totals.overdue} 件</dd>
              </div>
              <div>
                <dt>回访满意率</dt>
                <dd>
                  {percent(report.totals.satisfactionRate)}（目标 {percent(report.satisfaction.target)}）
                </dd>
              </div>
              <div>
                <dt>协议金额</dt>
                <dd>{yuan(report.totals.amountFen)} 元</dd>
              </div>
              <div>
                <dt>防止民转刑</dt>
                <dd>
                  {report.totals.civilToCriminalCases} 件 {report.totals.civilToCriminalPeople} 人
                </dd>
              </div>
              <div>
                <dt>防止群体性上访</dt>
                <dd>
                  {report.totals.groupPetitionCases} 件 {report.totals.groupPetitionPeople} 人
                </dd>
              </div>
            </dl>
          </section>

          <section class="board-section" aria-labelledby="report-trend">
            <h2 id="report-trend">月度趋势</h2>
            <div
              ref={trendRef}
              class="chart"
              role="img"
              aria-label="近六个月受理、调解成功数及调解成功率"
              data-testid="report-trend-chart"
              style={{ height: '280px' }}
            />
          </section>

          <section class="board-section" aria-labelledby="report-breakdown">
            <h2 id="report-breakdown">分类统计</h2>
            <div class="form form-inline" role="tablist" aria-label="统计口径">
              {(Object.keys(DIMENSION_NAMES) as ReportDimension[]).map((d) => (
                <button
                  key={d}
                  type="button"
                  role="tab"
                  aria-selected={d === dimension}
                  class={d === dimension ? 'btn' : 'btn btn-quiet'}
                  onClick={() => setDimension(d)}
                  data-testid={`report-dim-${d}`}
                >
                  {DIMENSION_NAMES[d]}
                </button>
              ))}
            </div>
            {lines.length === 0 ? (
              <p class="empty">本月暂无数据</p>
            ) : (
              <>
                <div
                  ref={barsRef}
                  class="chart"
                  role="img"
                  aria-label={`${DIMENSION_NAMES[dimension]}的受理与调解成功数`}
                  style={{ height: `${Math.max(200, Math.min(lines.length, 15) * 40 + 48)}px` }}
                />
                <div class="table-scroll">
                  <table class="table" data-testid="report-breakdown">
                    <thead>
                      <FigureHeads first={DIMENSION_NAMES[dimension].slice(1)} />
                    </thead>
                    <tbody>
                      {lines.map((l) => (
                        <tr key={l.value}>
                          <th scope="row">{l.name}</th>
                          <FigureCells f={l} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>

          <section class="board-section" aria-labelledby="report-satisfaction">
            <h2 id="report-satisfaction">满意度（目标 {percent(report.satisfaction.target)}）</h2>
            <table class="table" data-testid="report-satisfaction">
              <thead>
                <tr>
                  <th scope="col">调解组织</th>
                  <th scope="col">满意</th>
                  <th scope="col">回访总数</th>
                  <th scope="col">满意率</th>
                  <th scope="col">是否达标</th>
                </tr>
              </thead>
              <tbody>
                {report.satisfaction.lines.map((l) => (
                  <tr key={l.organisationId}>
                    <th scope="row">{l.name}</th>
                    <td>{l.satisfied}</td>
                    <td>{l.satisfactionCount}</td>
                    <td>{percent(l.rate)}</td>
                    <td>{l.meets === undefined ? '暂无回访' : l.meets ? '达标' : '未达标'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section class="board-section" aria-labelledby="report-staffing">
            <h2 id="report-staffing">
              人员配备（{report.staffing.meeting}/{report.staffing.withTarget} 个调委会达标）
            </h2>
            <table class="table" data-testid="report-staffing">
              <thead>
                <tr>
                  <th scope="col">调解组织</th>
                  <th scope="col">类别</th>
                  <th scope="col">专职</th>
                  <th scope="col">兼职</th>
                  <th scope="col">专职目标</th>
                  <th scope="col">是否达标</th>
                </tr>
              </thead>
              <tbody>
                {report.staffing.lines.map((l) => (
                  <tr key={l.organisationId}>
                    <th scope="row">{l.name}</th>
                    <td>{KIND_NAMES[l.kind] ?? '其他'}</td>
                    <td>{l.fullTime}</td>
                    <td>{l.partTime}</td>
                    <td>{l.target ?? '—'}</td>
                    <td>{l.meets === undefined ? '—' : l.meets ? '达标' : '未达标'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
