import { api } from '../api/endpoints';
import type { Incident } from '../api/types';
import type { Session } from '../auth/session';
import { alertLine, mergeTimeline } from '../board/alert-timeline';
import { syncServerClock } from '../board/board-data';
import { clockState, lookOf } from '../board/board-model';
import { Countdown } from '../components/Countdown';
import { ErrorNotice } from '../components/ErrorNotice';
import { CloseForm, MilestoneForm, RegradeForm } from '../components/IncidentForms';
import { useLoad } from '../hooks/use-load';
import { useServerNow } from '../hooks/use-now';
import { usePoll } from '../hooks/use-poll';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../router';
import { formatDateTime, instant } from '../time/china-time';

export function IncidentDetailPage({ id, session }: { id: string; session: Session }) {
  const { t, pick, kindLabel, lang } = useI18n();
  const now = useServerNow();
  const incident = useLoad(() => api.incident(id), `incident:${id}`);
  const departments = useLoad(() => api.departments(), 'departments');
  const alertHistory = useLoad(() => api.caseAlerts('opinion-incident', id), `case-alerts:${id}`);
  // Keeps clocks and timeline current while the page is open (another officer may record a milestone).
  usePoll(
    async () => {
      await syncServerClock();
      try {
        const next = await api.incident(id);
        // A poll answered before a form's own answer must not roll the page back.
        if (!incident.data || next.version >= incident.data.version) incident.set(next);
        alertHistory.set(await api.caseAlerts('opinion-incident', id));
      } catch {
        // The first load shows errors; a failed background refresh keeps what is on screen.
      }
    },
    5000,
    60_000,
  );

  const data = incident.data;
  if (!data) {
    return (
      <div class="page">
        <p>
          <a href={hrefOf({ name: 'incidents' })}>← {t('incidents.back')}</a>
        </p>
        {incident.error !== undefined ? <ErrorNotice error={incident.error} /> : <p>{t('common.loading')}</p>}
      </div>
    );
  }
  const department = departments.data?.items.find((d) => d.id === data.responsibleDepartmentId);
  const departmentName = department
    ? lang === 'en'
      ? department.nameEn || department.name
      : department.name
    : data.responsibleDepartmentId;
  // A command's reply carries no names; keep the read's until the next poll brings them again.
  const onChanged = (next: Incident) => incident.set({ ...next, names: next.names ?? data.names });
  const names: Record<string, string> = {
    ...data.names,
    ...alertHistory.data?.names,
    [session.user.username]: session.user.displayName,
  };
  // A department system acts as `dept.<id>`: show the department's name.
  const systemOf = (u: string) => {
    const x = departments.data?.items.find((x) => `dept.${x.id}` === u);
    return x && (lang === 'en' ? x.nameEn || x.name : x.name);
  };
  const nameOf = (u: string) => names[u] ?? systemOf(u) ?? u;
  const timeline = mergeTimeline(
    data.timeline,
    (alertHistory.data?.items ?? []).map((e) => alertLine(e, t, kindLabel, nameOf)),
    pick,
    nameOf,
  );

  return (
    <div class="page" data-testid="incident-detail">
      <p>
        <a href={hrefOf({ name: 'incidents' })}>← {t('incidents.back')}</a>
      </p>
      <div class="page-head">
        <h1 data-testid="incident-heading">{data.title}</h1>
        <span class={`level-badge level-${data.level}`} data-testid="incident-level-badge">
          {t(`level.${data.level}`)}
        </span>
        <span class={`status-tag status-${data.status}`}>{t(`incidents.status.${data.status}`)}</span>
        <span class="muted">{t('incident.version', { version: data.version })}</span>
      </div>
      {incident.error !== undefined && <ErrorNotice error={incident.error} />}

      <dl class="facts">
        <div>
          <dt>{t('incident.occurredAt')}</dt>
          <dd>{formatDateTime(instant(data.occurredAt))}</dd>
        </div>
        <div>
          <dt>{t('incident.discoveredAt')}</dt>
          <dd>{formatDateTime(instant(data.discoveredAt))}</dd>
        </div>
        <div>
          <dt>{t('incident.department')}</dt>
          <dd>{departmentName}</dd>
        </div>
        <div class="facts-wide">
          <dt>{t('incident.summary')}</dt>
          <dd class="prewrap">{data.summary}</dd>
        </div>
      </dl>

      <section aria-labelledby="incident-clocks">
        <h2 id="incident-clocks">{t('incident.clocks')}</h2>
        <div class="clock-grid">
          {data.clocks.map((clock) => (
            <article
              key={clock.id}
              class={`card clock-card look-${lookOf(clockState(clock, now))}`}
              data-testid="incident-clock"
              data-kind={clock.kind}
              data-status={clock.status}
            >
              <h3 class="clock-label">{kindLabel(clock.kind, clock.label)}</h3>
              <Countdown clock={clock} now={now} />
            </article>
          ))}
        </div>
      </section>

      <div class="two-col">
        <section aria-labelledby="incident-milestones">
          <h2 id="incident-milestones">{t('incident.milestones')}</h2>
          {data.milestones.length === 0 ? (
            <p class="muted">{t('incident.noMilestones')}</p>
          ) : (
            <ul class="plain-list" data-testid="milestones">
              {data.milestones.map((m) => (
                <li key={`${m.kind}:${m.at}`}>
                  <strong>{t(`milestone.${m.kind}`)}</strong> · {formatDateTime(instant(m.at))} · {m.channel}
                  {m.documentNo && ` · ${m.documentNo}`}
                  {m.evidenceUrl && (
                    <>
                      {' · '}
                      <a href={m.evidenceUrl} target="_blank" rel="noopener noreferrer">
                        {m.evidenceUrl}
                      </a>
                    </>
                  )}
                  <span class="muted"> · {t('milestone.by', { name: nameOf(m.recordedBy) })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="incident-timeline">
          <h2 id="incident-timeline">{t('incident.timeline')}</h2>
          <ol class="timeline" data-testid="timeline">
            {timeline.map((entry) => (
              <li
                key={`${entry.at}:${entry.kind}:${entry.text}`}
                class={`timeline-${entry.source}${entry.outcome === 'failed' ? ' is-failed' : ''}`}
                data-testid="timeline-entry"
                data-source={entry.source}
                data-kind={entry.kind}
              >
                <time dateTime={entry.at}>{formatDateTime(instant(entry.at))}</time>
                <span class="timeline-tag">{t(`history.source.${entry.source}`)}</span>
                <span>{entry.text}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>

      {data.status === 'open' ? (
        <div class="forms">
          <MilestoneForm incident={data} onChanged={onChanged} />
          <RegradeForm incident={data} onChanged={onChanged} />
          <CloseForm incident={data} onChanged={onChanged} />
        </div>
      ) : (
        <p class="notice notice-info">{t('incident.closedNote')}</p>
      )}
    </div>
  );
}
