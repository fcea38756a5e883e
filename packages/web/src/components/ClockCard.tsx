import type { Clock } from '../api/types';
import { clockState, lookOf } from '../board/board-model';
import type { CaseFacts } from '../board/case-facts';
import { chineseOnly } from '../i18n/chinese-text';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../router';
import { Countdown } from './Countdown';

interface Props {
  clock: Clock;
  now: number;
  compact?: boolean;
  facts?: CaseFacts;
}

export function ClockCard({ clock, now, compact = false, facts }: Props) {
  const { t, kindLabel, lang } = useI18n();
  // A Chinese page shows the Chinese citation only; the English page the English source when there is one.
  const source =
    lang === 'en' ? clock.policySourceEn || clock.policySource : chineseOnly(clock.policySource) || t('clock.noSource');
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
        <p class="clock-subject" title={clock.subject.title} data-testid="clock-subject">
          {subjectHref ? <a href={subjectHref}>{clock.subject.title}</a> : clock.subject.title}
        </p>
        {facts && (
          <p class="clock-facts" data-testid="clock-facts">
            {facts.level && (
              <span class={`level-chip level-chip-${facts.level}`} data-testid="clock-level">
                {t(`level.${facts.level}`)}
              </span>
            )}
            <span class="clock-dept" data-testid="clock-department">
              {t('clock.department', { name: facts.departmentName })}
            </span>
          </p>
        )}
      </header>
      <Countdown clock={clock} now={now} size={compact ? 'small' : 'large'} />
      {!compact && (
        <p class="clock-source" title={source} data-testid="clock-source">
          {!clock.verified && (
            <span class="unverified">
              <span aria-hidden="true">? </span>
              {t('clock.unverified')}
            </span>
          )}{' '}
          {t('clock.source', { source })}
        </p>
      )}
    </article>
  );
}
