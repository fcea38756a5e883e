import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/endpoints';
import type { OnTimeReport, OnTimeStat, OnTimeTally } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { saveFile } from '../components/save-file';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../router';
import { percentOf, rateText } from '../stats/rate';
import { formatDateTime, instant, toLocalInput } from '../time/china-time';
import { serverClock } from '../time/server-clock';

const DAY = 86_400_000;
const dateOf = (ms: number) => toLocalInput(ms).slice(0, 10);

/** Draws an ECharts chart (loaded lazily) into the returned ref whenever `deps` change. */
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

function TallyCells({ x }: { x: OnTimeTally }) {
  return (
    <>
      <td data-testid="stats-total">{x.total}</td>
      <td data-testid="stats-on-time">{x.onTime}</td>
      <td data-testid="stats-late">{x.late}</td>
      <td data-testid="stats-open">{x.open}</td>
      <td data-testid="stats-pending">{x.pending}</td>
      <td data-testid="stats-rate">{rateText(x)}</td>
    </>
  );
}

function TallyHeads() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t('stats.col.total')}</th>
      <th scope="col">{t('stats.col.onTime')}</th>
      <th scope="col">{t('stats.col.late')}</th>
      <th scope="col">{t('stats.col.open')}</th>
      <th scope="col">{t('stats.col.pending')}</th>
      <th scope="col">{t('stats.col.rate')}</th>
    </>
  );
}

function DrillDown({ stat, report, onClose }: { stat: OnTimeStat; report: OnTimeReport; onClose: () => void }) {
  const { t, kindLabel } = useI18n();
  const clocks = useLoad(
    () => api.onTimeClocks(stat.departmentId, report.from, report.to),
    `drill:${stat.departmentId}:${report.from}:${report.to}`,
  );
  return (
    <section class="board-section" data-testid="stats-drilldown" aria-labelledby="drill-heading">
      <div class="page-head">
        <h2 id="drill-heading">
          {t('stats.drillTitle', { department: stat.departmentName, from: report.from, to: report.to })}
        </h2>
        <button type="button" class="btn btn-quiet" onClick={onClose}>
          {t('stats.drillClose')}
        </button>
      </div>
      {clocks.error !== undefined && <ErrorNotice error={clocks.error} />}
      {clocks.data && clocks.data.items.length === 0 && <p class="empty">{t('stats.drillEmpty')}</p>}
      {clocks.data?.truncated && (
        <p class="notice" role="status" data-testid="drill-truncated">
          {t('stats.drillTruncated')}
        </p>
      )}
      {clocks.data && clocks.data.items.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('stats.col.subject')}</th>
              <th scope="col">{t('stats.col.kind')}</th>
              <th scope="col">{t('stats.col.due')}</th>
              <th scope="col">{t('stats.col.metAt')}</th>
              <th scope="col">{t('stats.col.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {clocks.data.items.map((c) => (
              <tr key={c.id} data-testid="drill-clock" data-outcome={c.outcome}>
                <td class="cell-truncate" title={c.subject.title}>
                  {c.subject.type === 'opinion-incident' ? (
                    <a href={hrefOf({ name: 'incident', id: c.subject.id })}>{c.subject.title}</a>
                  ) : (
                    c.subject.title
                  )}
                </td>
                <td>{kindLabel(c.kind, c.label, c.labelEn)}</td>
                <td>{formatDateTime(instant(c.dueAt))}</td>
                <td>{c.metAt ? formatDateTime(instant(c.metAt)) : '—'}</td>
                <td class={`outcome outcome-${c.outcome}`}>{t(`stats.outcome.${c.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function StatsPage() {
  const { t, lang, kindLabel } = useI18n();
  const [range, setRange] = useState(() => {
    const now = serverClock.now();
    return { from: dateOf(now - 29 * DAY), to: dateOf(now) };
  });
  const [query, setQuery] = useState(range);
  const [drill, setDrill] = useState<OnTimeStat>();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>();
  const stats = useLoad(() => api.onTimeStats(query.from, query.to), `stats:${query.from}:${query.to}`);
  const report = stats.data;
  const items = report?.items ?? [];
  const kindName = (k: OnTimeReport['byKind'][number]) => kindLabel(k.kind, k.label, k.labelEn);

  const barsRef = useChart(
    (element) =>
      items.length === 0
        ? undefined
        : import('../stats/rate-chart').then(({ drawRateChart }) =>
            drawRateChart(
              element,
              items.flatMap((s) => {
                const percent = percentOf(s);
                return percent === undefined ? [] : [{ name: s.departmentName, percent }];
              }),
              t('stats.rate'),
            ),
          ),
    [items, t],
  );
  const trendRef = useChart(
    (element) =>
      !report
        ? undefined
        : import('../stats/rate-chart').then(({ drawTrendChart }) =>
            drawTrendChart(
              element,
              report.trend.map((d) => ({ day: d.day, percent: percentOf(d), due: d.total + d.pending })),
              { rate: t('stats.rate'), due: t('stats.trendCount') },
            ),
          ),
    [report, t],
  );

  const exportExcel = async () => {
    if (!report) return;
    setExporting(true);
    setExportError(undefined);
    try {
      const { statsWorkbook } = await import('../stats/stats-workbook');
      const blob = await statsWorkbook(report, t, kindName);
      saveFile(blob, `${t('stats.file')}-${report.from}-${report.to}.xlsx`);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const rated = items.filter((s) => percentOf(s) !== undefined).length;
  return (
    <div class="page" data-testid="stats-page">
      <h1>{t('stats.title')}</h1>
      <form
        class="form form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          setDrill(undefined);
          setQuery(range);
        }}
      >
        <Field label={t('stats.from')}>
          <input
            type="date"
            lang={lang}
            value={range.from}
            onInput={(e) => setRange({ ...range, from: e.currentTarget.value })}
            data-testid="stats-from"
          />
        </Field>
        <Field label={t('stats.to')}>
          <input
            type="date"
            lang={lang}
            value={range.to}
            onInput={(e) => setRange({ ...range, to: e.currentTarget.value })}
            data-testid="stats-to"
          />
        </Field>
        <button type="submit" class="btn" data-testid="stats-refresh">
          {t('stats.refresh')}
        </button>
        <button
          type="button"
          class="btn"
          onClick={exportExcel}
          disabled={!report || exporting}
          data-testid="stats-export"
        >
          {exporting ? t('stats.exporting') : t('stats.export')}
        </button>
      </form>
      {stats.error !== undefined && <ErrorNotice error={stats.error} />}
      {exportError !== undefined && <ErrorNotice error={exportError} onDismiss={() => setExportError(undefined)} />}
      {stats.loading && !report && <p class="muted">{t('common.loading')}</p>}
      {report && items.length === 0 && <p class="empty">{t('stats.empty')}</p>}
      {report && items.length > 0 && (
        <>
          <section class="board-section" aria-labelledby="by-dept">
            <h2 id="by-dept">{t('stats.byDepartment')}</h2>
            {rated > 0 && (
              <div
                ref={barsRef}
                class="chart"
                role="img"
                aria-label={t('stats.chartLabel')}
                data-testid="stats-chart"
                style={{ height: `${Math.max(200, rated * 44 + 40)}px` }}
              />
            )}
            <table class="table" data-testid="stats-table">
              <thead>
                <tr>
                  <th scope="col">{t('stats.col.department')}</th>
                  <TallyHeads />
                  <th scope="col">
                    <span class="visually-hidden">{t('stats.drill')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.departmentId} data-testid="stats-row" data-department={s.departmentId}>
                    <th scope="row">{s.departmentName}</th>
                    <TallyCells x={s} />
                    <td>
                      <button
                        type="button"
                        class="btn btn-quiet"
                        disabled={s.total + s.pending === 0}
                        onClick={() => setDrill(s)}
                        data-testid="stats-drill"
                      >
                        {t('stats.drill')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="muted">{t('stats.noRateHint')}</p>
          </section>
          {drill && <DrillDown stat={drill} report={report} onClose={() => setDrill(undefined)} />}
          <section class="board-section" aria-labelledby="trend">
            <h2 id="trend">{t('stats.trend')}</h2>
            <div
              ref={trendRef}
              class="chart"
              role="img"
              aria-label={t('stats.trendLabel')}
              data-testid="stats-trend"
              style={{ height: '280px' }}
            />
          </section>
          <section class="board-section" aria-labelledby="by-kind">
            <h2 id="by-kind">{t('stats.byKind')}</h2>
            <table class="table" data-testid="stats-kinds">
              <thead>
                <tr>
                  <th scope="col">{t('stats.col.kind')}</th>
                  <TallyHeads />
                </tr>
              </thead>
              <tbody>
                {report.byKind.map((k) => (
                  <tr key={k.kind} data-testid="kind-row" data-kind={k.kind}>
                    <th scope="row">{kindName(k)}</th>
                    <TallyCells x={k} />
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
