import type { ClockStatus } from '../api/types';
import { clockState } from '../board/board-model';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, instant } from '../time/china-time';
import { formatCountdown, type Urgency } from '../time/countdown';

const ICON: Record<Urgency | 'paused', string> = { ok: '●', soon: '▲', urgent: '◆', breached: '✖', paused: 'Ⅱ' };

interface Props {
  clock: { dueAt: string; status: ClockStatus; metAt?: string };
  now: number;
  size?: 'large' | 'small';
  /** Off where the surrounding card already states the urgency in words. */
  badge?: boolean;
}

/** The live state of one deadline in words, symbol and colour together (never colour alone). */
export function Countdown({ clock, now, size = 'large', badge = true }: Props) {
  const { t } = useI18n();
  const state = clockState(clock, now);
  if (state.kind === 'met') {
    return (
      <div
        class={`countdown countdown-${size} ${state.onTime ? 'is-met' : 'is-met-late'}`}
        data-testid="clock-state"
        data-state={state.onTime ? 'met' : 'met-late'}
      >
        <span class={`badge ${state.onTime ? 'badge-met' : 'badge-met-late'}`}>
          <span aria-hidden="true">{state.onTime ? '✔ ' : '✖ '}</span>
          {state.onTime ? t('clock.metOnTime') : t('clock.metLate', { late: formatCountdown(state.lateByMs) })}
        </span>
        {clock.metAt && (
          <span class="countdown-sub">{t('clock.metAt', { time: formatDateTime(instant(clock.metAt)) })}</span>
        )}
      </div>
    );
  }
  if (state.kind === 'cancelled') {
    return (
      <div class={`countdown countdown-${size} is-cancelled`} data-testid="clock-state" data-state="cancelled">
        <span class="badge badge-cancelled">{t('clock.cancelled')}</span>
      </div>
    );
  }
  const look = state.paused ? 'paused' : state.urgency;
  const word = state.urgency === 'breached' ? t('clock.overdue') : t('clock.remaining');
  return (
    <div
      class={`countdown countdown-${size} is-${look}`}
      data-testid="clock-state"
      data-state={state.urgency}
      data-remaining-ms={Math.round(state.remainingMs)}
    >
      {badge && (
        <span class={`badge badge-${look}`}>
          <span aria-hidden="true">{ICON[look]} </span>
          {state.paused ? t('urgency.paused') : t(`urgency.${state.urgency}`)}
        </span>
      )}
      <span class="countdown-line">
        <span class="countdown-word">{word}</span>{' '}
        <span class="countdown-digits" data-testid="clock-countdown">
          {formatCountdown(state.remainingMs)}
        </span>
      </span>
      <span class="countdown-sub">{t('clock.due', { time: formatDateTime(instant(clock.dueAt)) })}</span>
    </div>
  );
}
