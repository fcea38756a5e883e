import type { Clock } from '../api/types';
import { clockState, lookOf } from '../board/board-model';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../router';
import { Countdown } from './Countdown';

export function ClockCard({ clock, now, compact = false }: { clock: Clock; now: number; compact?: boolean }) {
  const { t, kindLabel, lang } = useI18n();
  const openPauses = (clock.pauses ?? []).filter((p) => p.to === undefined);
  const label = kindLabel(clock.kind, clock.label, clock.labelEn);
  const look = lookOf(clockState(clock, now));
  const subjectHref =
    clock.subject.type === 'opinion-incident' ? hrefOf({ name: 'incident', id: clock.subject.id }) : undefined;
  return (
    <article
      class={`card clock-card look-${look}${compact ? ' is-compact' : ''}`}
      data-testid="clock-card"
      data-kind={clock.kind}
      data-clock-id={clock.id}
      data-status={clock.status}
      aria-label={`${label} — ${clock.subject.title}`}
    >
      <header class="card-head">
        <h3 class="clock-label">{label}</h3>
        <p class="clock-subject">
          {subjectHref ? <a href={subjectHref}>{clock.subject.title}</a> : clock.subject.title}
        </p>
      </header>
      <Countdown clock={clock} now={now} size={compact ? 'small' : 'large'} />
      {clock.status === 'paused' && openPauses.length > 0 && (
        <p class="clock-paused" data-testid="clock-paused">
          {t('clock.pausedFor', {
            reasons: openPauses
              .map((p) => (lang === 'en' ? p.reasonNameEn : p.reasonName))
              .join(lang === 'en' ? ', ' : '、'),
          })}
        </p>
      )}
      {clock.provisional && (
        <p class="clock-provisional" data-testid="clock-provisional">
          {t('clock.provisional', { years: (clock.provisionalYears ?? []).join('、') })}
        </p>
      )}
      {!compact && (
        <p class="clock-source" title={clock.policySource}>
          {!clock.verified && (
            <span class="unverified">
              <span aria-hidden="true">? </span>
              {t('clock.unverified')}
            </span>
          )}{' '}
          {t('clock.source', { source: clock.policySource })}
        </p>
      )}
    </article>
  );
}
