import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/endpoints';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import { percentOf } from '../stats/rate';
import { toLocalInput } from '../time/china-time';
import { serverClock } from '../time/server-clock';

const DAY = 86_400_000;
const dateOf = (ms: number) => toLocalInput(ms).slice(0, 10);

export function StatsPage() {
  const { t, lang } = useI18n();
  const [range, setRange] = useState(() => {
    const now = serverClock.now();
    return { from: dateOf(now - 29 * DAY), to: dateOf(now) };
  });
  const [query, setQuery] = useState(range);
  const stats = useLoad(
    () => api.onTimeStats(`${query.from}T00:00:00+08:00`, `${query.to}T23:59:59+08:00`),
    `stats:${query.from}:${query.to}`,
  );
  const chartRef = useRef<HTMLDivElement>(null);
  const items = stats.data?.items ?? [];

  useEffect(() => {
    const element = chartRef.current;
    if (!element || items.length === 0) return;
    let dispose: (() => void) | undefined;
    let cancelled = false;
    void import('../stats/rate-chart').then(({ drawRateChart }) => {
      if (cancelled) return;
      dispose = drawRateChart(
        element,
        items.map((s) => ({ name: s.departmentName, percent: percentOf(s) })),
        t('stats.rate'),
      );
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [items, t]);

  return (
    <div class="page" data-testid="stats-page">
      <h1>{t('stats.title')}</h1>
      <form
        class="form form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(range);
        }}
      >
        <Field label={t('stats.from')}>
          <input
            type="date"
            lang={lang}
            value={range.from}
            onInput={(e) => setRange({ ...range, from: e.currentTarget.value })}
          />
        </Field>
        <Field label={t('stats.to')}>
          <input
            type="date"
            lang={lang}
            value={range.to}
            onInput={(e) => setRange({ ...range, to: e.currentTarget.value })}
          />
        </Field>
        <button type="submit" class="btn">
          {t('stats.refresh')}
        </button>
      </form>
      {stats.error !== undefined && <ErrorNotice error={stats.error} />}
      {stats.loading && !stats.data && <p class="muted">{t('common.loading')}</p>}
      {stats.data && items.length === 0 && <p class="empty">{t('stats.empty')}</p>}
      {items.length > 0 && (
        <>
          <div
            ref={chartRef}
            class="chart"
            role="img"
            aria-label={t('stats.chartLabel')}
            data-testid="stats-chart"
            style={{ height: `${Math.max(200, items.length * 44 + 40)}px` }}
          />
          <table class="table" data-testid="stats-table">
            <thead>
              <tr>
                <th scope="col">{t('stats.col.department')}</th>
                <th scope="col">{t('stats.col.total')}</th>
                <th scope="col">{t('stats.col.onTime')}</th>
                <th scope="col">{t('stats.col.late')}</th>
                <th scope="col">{t('stats.col.open')}</th>
                <th scope="col">{t('stats.col.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.departmentId}>
                  <th scope="row">{s.departmentName}</th>
                  <td>{s.total}</td>
                  <td>{s.onTime}</td>
                  <td>{s.late}</td>
                  <td>{s.open}</td>
                  <td>{percentOf(s).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
