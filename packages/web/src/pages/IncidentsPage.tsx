import { api } from '../api/endpoints';
import type { Incident } from '../api/types';
import { byUrgency } from '../board/board-model';
import { Countdown } from '../components/Countdown';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLoad } from '../hooks/use-load';
import { useServerNow } from '../hooks/use-now';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../router';
import { formatDateTime, instant } from '../time/china-time';

export function IncidentsPage() {
  const { t, kindLabel } = useI18n();
  const now = useServerNow();
  const incidents = useLoad(() => api.incidents(), 'incidents');
  const items = incidents.data?.items ?? [];
  const next = (incident: Incident) => byUrgency(incident.clocks)[0];
  const sorted = [...items].sort(
    (a, b) => instant(next(a)?.dueAt ?? '9999-12-31T00:00:00Z') - instant(next(b)?.dueAt ?? '9999-12-31T00:00:00Z'),
  );

  return (
    <div class="page">
      <div class="page-head">
        <h1>{t('incidents.title')}</h1>
        <a class="btn btn-primary" href={hrefOf({ name: 'incident-new' })} data-testid="new-incident">
          {t('incidents.open')}
        </a>
      </div>
      {incidents.error !== undefined && <ErrorNotice error={incidents.error} />}
      {incidents.loading && !incidents.data && <p class="muted">{t('common.loading')}</p>}
      {incidents.data && sorted.length === 0 && <p class="empty">{t('incidents.empty')}</p>}
      {sorted.length > 0 && (
        <table class="table" data-testid="incident-table">
          <thead>
            <tr>
              <th scope="col">{t('incidents.col.title')}</th>
              <th scope="col">{t('incidents.col.level')}</th>
              <th scope="col">{t('incidents.col.occurred')}</th>
              <th scope="col">{t('incidents.col.next')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((incident) => {
              const clock = next(incident);
              return (
                <tr key={incident.id} data-testid="incident-row">
                  <td>
                    <a href={hrefOf({ name: 'incident', id: incident.id })}>{incident.title}</a>
                  </td>
                  <td>{t(`level.${incident.level}`)}</td>
                  <td>{formatDateTime(instant(incident.occurredAt))}</td>
                  <td>
                    {clock ? (
                      <div class="table-clock">
                        <span>{kindLabel(clock.kind, clock.label)}</span>
                        <Countdown clock={clock} now={now} size="small" />
                      </div>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
