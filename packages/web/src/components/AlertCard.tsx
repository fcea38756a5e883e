import { useState } from 'preact/hooks';
import { api } from '../api/endpoints';
import type { Alert } from '../api/types';
import { warnedAheadMs } from '../board/board-model';
import { msWords } from '../i18n/duration-words';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../router';
import { formatDateTime, instant } from '../time/china-time';
import { Countdown } from './Countdown';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  alert: Alert;
  now: number;
  onAcknowledged: (alert: Alert) => void;
}

export function AlertCard({ alert, now, onAcknowledged }: Props) {
  const { t, lang, kindLabel } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const breach = alert.reason === 'breach';
  const ahead = warnedAheadMs(alert);
  const reason = breach
    ? t('alert.reason.breach')
    : t('alert.reason.warning', { left: ahead !== undefined ? msWords(ahead, lang) : '—' });
  const label = kindLabel(alert.clockKind, alert.label);
  const headingId = `alert-${alert.id}-title`;

  const acknowledge = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onAcknowledged(await api.acknowledge(alert.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      class={`card alert-card ${breach ? 'is-breach' : 'is-warning'} level-${alert.level}`}
      data-testid="alert-card"
      data-alert-id={alert.id}
      data-reason={alert.reason}
      data-level={alert.level}
      data-clock-kind={alert.clockKind}
      data-clock-id={alert.clockId}
      aria-labelledby={headingId}
    >
      <div class="alert-main">
        <p class={`badge ${breach ? 'badge-breached' : 'badge-soon'}`} data-testid="alert-reason">
          <span aria-hidden="true">{breach ? '✖ ' : '▲ '}</span>
          {reason}
        </p>
        <h3 id={headingId} class="alert-title">
          {label}
        </h3>
        <p class="alert-subject" title={alert.subject.title}>
          {alert.subject.type === 'opinion-incident' ? (
            <a href={hrefOf({ name: 'incident', id: alert.subject.id })}>{alert.subject.title}</a>
          ) : (
            alert.subject.title
          )}
        </p>
        <Countdown
          clock={{ dueAt: alert.dueAt, status: breach ? 'breached' : 'running' }}
          now={now}
          size="small"
          badge={false}
        />
        <dl class="alert-facts">
          <div>
            <dt>{t('alert.level')}</dt>
            <dd class={`level-tag level-tag-${alert.level}`} data-testid="alert-level">
              {t(`alert.level.${alert.level}`)}
            </dd>
          </div>
          <div>
            <dt class="visually-hidden">{t('alert.recipients', { names: '' })}</dt>
            <dd>{t('alert.recipients', { names: (alert.recipientNames ?? alert.recipients).join('、') || '—' })}</dd>
          </div>
          <div>
            <dt class="visually-hidden">{t('alert.raisedAt', { time: '' })}</dt>
            <dd>
              {t('alert.raisedAt', { time: formatDateTime(instant(alert.raisedAt)) })}
              {alert.escalatedAt &&
                ` · ${t('alert.escalatedAt', { time: formatDateTime(instant(alert.escalatedAt)) })}`}
            </dd>
          </div>
        </dl>
        {error !== undefined && <ErrorNotice error={error} testId="ack-error" onDismiss={() => setError(undefined)} />}
      </div>
      <button
        type="button"
        class="btn btn-ack"
        data-testid="ack-button"
        onClick={acknowledge}
        disabled={busy}
        aria-describedby={headingId}
        title={t('alert.ackHint')}
      >
        {busy ? t('alert.acking') : t('alert.ack')}
      </button>
    </article>
  );
}
