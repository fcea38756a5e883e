// A transfer's deadlines as the other clock displays show them: a tile per clock (label, state,
// countdown, due, who answers; a late one looks late), and the next one for a list row.
import { clockState, lookOf } from '../board/board-model';
import { Countdown } from '../components/Countdown';
import { useI18n } from '../i18n/i18n';
import type { TransferClock } from './transfers-api';
import { wordOf } from './words';

/** The clock that asks for action soonest: running, paused, or breached and not met; earliest due first. */
export function nextClock(clocks: readonly TransferClock[]): TransferClock | undefined {
  return clocks
    .filter((k) => k.status === 'running' || k.status === 'paused' || (k.status === 'breached' && !k.metAt))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
}

export function TransferClockTile({
  clock,
  now,
  departmentName,
}: {
  clock: TransferClock;
  now: number;
  departmentName: (id: string) => string;
}) {
  const { t } = useI18n();
  return (
    <article
      class={`card clock-card look-${lookOf(clockState(clock, now))}`}
      data-testid="transfer-clock"
      data-key={clock.key}
      data-status={clock.status}
      data-due={clock.dueAt}
    >
      <h3 class="clock-label">{clock.label}</h3>
      <p class="muted">
        {wordOf(t, 'clockStatus', clock.status)} ·{' '}
        {t('transfers.clock.answers', { dept: departmentName(clock.departmentId) })}
      </p>
      <Countdown clock={clock} now={now} size="small" />
      {clock.provisional && <p class="muted">{t('transfers.clock.provisional')}</p>}
    </article>
  );
}

/** The next deadline of a list row, or a quiet word when nothing runs. */
export function NextClockCell({ clocks, now }: { clocks: readonly TransferClock[] | undefined; now: number }) {
  const { t } = useI18n();
  const k = nextClock(clocks ?? []);
  if (!k)
    return (
      <span class="muted" data-testid="transfer-next-none">
        {t('transfers.noClock')}
      </span>
    );
  return (
    <div data-testid="transfer-next-clock" data-key={k.key} class={`tr-next look-${lookOf(clockState(k, now))}`}>
      <div>{k.label}</div>
      <Countdown clock={k} now={now} size="small" />
    </div>
  );
}
