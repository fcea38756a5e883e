import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/endpoints';
import { ApiError } from '../api/problem';
import type { Alert } from '../api/types';
import { departmentLabel, type Session } from '../auth/session';
import {
  beep,
  notificationState,
  notify,
  requestNotifications,
  setSoundEnabled,
  soundEnabled,
  unlockAudio,
} from '../board/bell';
import { boardStore, markAcknowledged, refreshBoard, usesLocalClock, visibleBoardPollMs } from '../board/board-data';
import { byUrgency, recentlyFinished, sortAlerts } from '../board/board-model';
import { caseFactsOf, missingIncidents } from '../board/case-facts';
import { BOARD_POLL } from '../board/poll-intervals';
import { AlertCard } from '../components/AlertCard';
import { ClockCard } from '../components/ClockCard';
import { ErrorNotice } from '../components/ErrorNotice';
import { OnDutyPanel } from '../components/OnDutyPanel';
import { useLoad } from '../hooks/use-load';
import { useServerNow } from '../hooks/use-now';
import { usePoll } from '../hooks/use-poll';
import { useI18n } from '../i18n/i18n';
import { useStore } from '../store';
import { formatDateTime, formatTime, instant } from '../time/china-time';
import { serverClock } from '../time/server-clock';

const STALE_MS = BOARD_POLL.staleMs;

export function BoardPage({ session, expired = false }: { session: Session; expired?: boolean }) {
  const { t, kindLabel, lang } = useI18n();
  const data = useStore(boardStore);
  const now = useServerNow();
  const [announcement, setAnnouncement] = useState('');
  const [sound, setSound] = useState(soundEnabled());
  const [notifications, setNotifications] = useState(notificationState());

  const expiredRef = useRef(expired);
  expiredRef.current = expired;
  const refresh = usePoll(
    async (urgent) => {
      // Nothing is fetched under a session that is over: the board says it is stale instead.
      if (expiredRef.current) return;
      const fresh = await refreshBoard(urgent);
      if (fresh.length === 0) return;
      beep();
      const lines = fresh.map((a) =>
        t('board.newAlert', { label: kindLabel(a.clockKind, a.label), title: a.subject.title }),
      );
      setAnnouncement(lines.join('；'));
      for (const [i, a] of fresh.entries()) notify(t('board.title'), lines[i] ?? '', a.id);
    },
    () => (usesLocalClock() ? BOARD_POLL.localMs : visibleBoardPollMs()),
    () => (usesLocalClock() ? BOARD_POLL.localMs : BOARD_POLL.hiddenMs),
  );

  const alerts = useMemo(() => sortAlerts(data.alerts), [data.alerts]);
  const active = useMemo(() => byUrgency(data.clocks), [data.clocks]);
  const finished = recentlyFinished(data.clocks, now);

  // Level and responsible department of each clock's case: loaded once, and again when a clock of an
  // incident opened since shows up (not on every poll: they rarely change).
  const incidents = useLoad(() => api.incidents(), 'board-incidents');
  const departments = useLoad(() => api.departments(), 'departments');
  const incidentItems = incidents.data?.items ?? [];
  const unknownCase = !incidents.loading && missingIncidents(data.clocks, incidentItems);
  useEffect(() => {
    if (unknownCase) void incidents.reload();
  }, [unknownCase, incidents.reload]);
  const facts = useMemo(
    () => caseFactsOf(data.clocks, incidentItems, departments.data?.items ?? [], lang),
    [data.clocks, incidentItems, departments.data, lang],
  );

  useEffect(() => {
    document.title = `${alerts.length ? `(${alerts.length}) ` : ''}${t('board.title')} · ${t('app.name')}`;
  }, [alerts.length, t]);

  const onAcknowledged = (alert: Alert) => {
    // Until the next poll brings the server's record, the board names the person who pressed 确认.
    markAcknowledged(alert.id, {
      acknowledgedBy: session.user.username,
      acknowledgedByName: session.user.displayName,
      acknowledgedAt: new Date(Date.now() + serverClock.offsetMs).toISOString(),
    });
    refresh();
  };

  // Browser time of the last success against browser time now: the age of what is on screen.
  const age = data.updatedAt === undefined ? undefined : Math.max(0, Math.round((Date.now() - data.updatedAt) / 1000));
  const stale = age !== undefined && age * 1000 > STALE_MS;
  const offline = data.error instanceof ApiError && data.error.kind === 'network';
  const showVirtual = usesLocalClock() && Math.abs(serverClock.offsetMs) > 60_000;

  return (
    <div
      class={`board${expired ? ' is-stale-session' : ''}`}
      data-testid="board"
      data-stale={expired ? 'true' : undefined}
    >
      {expired && (
        <div class="board-stale-session" role="alert" data-testid="board-stale">
          <strong>
            <span aria-hidden="true">⚠</span> {t('board.staleTitle')}
          </strong>
          <p>
            {t('board.staleBody', {
              time: data.updatedAt === undefined ? '—' : formatDateTime(data.updatedAt + serverClock.offsetMs),
            })}
          </p>
        </div>
      )}
      <section class="board-status" aria-label={t('board.title')}>
        <div class="board-status-main">
          <h1>
            {t('board.title')}
            <span class="board-dept"> · {departmentLabel(session, lang)}</span>
          </h1>
          <p class="server-time" data-testid="server-time">
            {t('board.serverTime', { time: formatDateTime(now) })}
            {showVirtual && <span class="virtual-clock">{t('board.virtualClock')}</span>}
          </p>
        </div>
        <div class="board-status-side">
          <p class={`last-updated${stale ? ' is-stale' : ''}`} data-testid="last-updated" aria-live="off">
            {data.updatedAt === undefined
              ? t('board.loading')
              : `${t('board.lastUpdated', { time: formatTime(data.updatedAt + serverClock.offsetMs) })}${t('board.age', { seconds: age ?? 0 })}`}
            {stale && (
              <strong class="stale-tag">
                {' '}
                <span aria-hidden="true">⚠</span> {t('board.stale')}
              </strong>
            )}
          </p>
          <div class="board-controls">
            <button
              type="button"
              class="btn btn-quiet"
              aria-pressed={sound}
              onClick={() => {
                unlockAudio();
                setSoundEnabled(!sound);
                setSound(!sound);
              }}
            >
              {t('board.sound')}: {sound ? t('board.soundOn') : t('board.soundOff')}
            </button>
            {notifications === 'default' && (
              <button
                type="button"
                class="btn btn-quiet"
                onClick={async () => {
                  unlockAudio();
                  setNotifications(await requestNotifications());
                }}
              >
                {t('board.enableNotifications')}
              </button>
            )}
            {notifications === 'denied' && <span class="muted">{t('board.notificationsDenied')}</span>}
          </div>
        </div>
      </section>

      {data.error !== undefined && (
        <div class="board-banner">
          <ErrorNotice
            error={data.error}
            context={offline ? t('board.offline') : t('board.error')}
            testId="board-error"
          />
        </div>
      )}

      <OnDutyPanel departmentId={session.user.departmentId} refreshKey={String(Math.floor(now / 600_000))} />

      <p class="visually-hidden" aria-live="assertive" data-testid="announcement">
        {announcement}
      </p>

      <section class="board-section" aria-labelledby="alerts-heading" data-testid="open-alerts">
        <h2 id="alerts-heading">
          {t('board.alerts')}
          {alerts.length > 0 && (
            <span class="count-pill" data-testid="alert-count">
              {t('board.alertsCount', { count: alerts.length })}
            </span>
          )}
        </h2>
        {alerts.length === 0 ? (
          <p class="empty" data-testid="no-alerts">
            <span aria-hidden="true">✔ </span>
            {t('board.noAlerts')}
          </p>
        ) : (
          <div class="alert-list">
            {alerts.map((alert) => (
              <AlertCard key={alert.id} alert={alert} now={now} onAcknowledged={onAcknowledged} />
            ))}
          </div>
        )}
      </section>

      {data.acknowledged.length > 0 && (
        <section class="board-section" aria-labelledby="acked-heading" data-testid="acknowledged-alerts">
          <h2 id="acked-heading">{t('board.acknowledged')}</h2>
          <ul class="acked-list">
            {data.acknowledged.map((a) => (
              <li key={a.id}>
                <strong>{a.label}</strong> · {a.subject.title} · {t(`alert.level.${a.level}`)}
                <span class="muted">
                  {' — '}
                  {t('board.acknowledgedBy', {
                    who: a.acknowledgedByName ?? a.acknowledgedBy ?? '—',
                    time: a.acknowledgedAt ? formatDateTime(instant(a.acknowledgedAt)) : '—',
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="board-section" aria-labelledby="clocks-heading" data-testid="running-clocks">
        <h2 id="clocks-heading">{t('board.clocks')}</h2>
        {active.length === 0 ? (
          <p class="empty">{data.updatedAt === undefined ? t('board.loading') : t('board.noClocks')}</p>
        ) : (
          <div class="clock-grid">
            {active.map((clock) => (
              <ClockCard key={clock.id} clock={clock} now={now} facts={facts.get(clock.id)} />
            ))}
          </div>
        )}
      </section>

      {finished.length > 0 && (
        <section class="board-section" aria-labelledby="finished-heading" data-testid="finished-clocks">
          <h2 id="finished-heading">{t('board.finished')}</h2>
          <div class="clock-grid is-compact">
            {finished.map((clock) => (
              <ClockCard key={clock.id} clock={clock} now={now} compact facts={facts.get(clock.id)} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
