import { api } from '../api/endpoints';
import type { DutyPerson, DutyShift } from '../api/types';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, instant } from '../time/china-time';

function Person({ role, person, testId }: { role: string; person: DutyPerson; testId: string }) {
  const { t } = useI18n();
  return (
    <li class="duty-person" data-testid={testId} data-username={person.username}>
      <span class="duty-role">{role}</span> <strong class="duty-name">{person.displayName}</strong>
      {person.phone && (
        <a
          class="duty-phone"
          href={`tel:${person.phone.replace(/\s+/g, '')}`}
          aria-label={t('duty.call', { name: person.displayName })}
        >
          <span aria-hidden="true">☎ </span>
          {person.phone}
        </a>
      )}
    </li>
  );
}

function ShiftBlock({ heading, shift, testId }: { heading: string; shift: DutyShift; testId: string }) {
  const { t } = useI18n();
  return (
    <div class="duty-shift" data-testid={testId}>
      <h3>
        {heading}{' '}
        <span class="muted">
          {t('duty.shift', {
            from: formatDateTime(instant(shift.startsAt)),
            to: formatDateTime(instant(shift.endsAt)),
          })}
        </span>
      </h3>
      <ul>
        <Person role={t('duty.officer')} person={shift.officer} testId={`${testId}-officer`} />
        <Person role={t('duty.leader')} person={shift.leader} testId={`${testId}-leader`} />
      </ul>
    </div>
  );
}

/** Who is on duty now and next, by name and phone: the first thing an officer taking over looks for. */
export function OnDutyPanel({ departmentId, refreshKey }: { departmentId: string; refreshKey?: string }) {
  const { t } = useI18n();
  const duty = useLoad(() => api.onDuty(departmentId), `on-duty:${departmentId}:${refreshKey ?? ''}`);
  const data = duty.data;
  if (!data) return null;
  return (
    <section class="board-section duty-panel" aria-labelledby="duty-heading" data-testid="on-duty">
      <h2 id="duty-heading">{t('duty.title')}</h2>
      <div class="duty-grid">
        {data.current ? (
          <ShiftBlock heading={t('duty.now')} shift={data.current} testId="duty-now" />
        ) : (
          <p class="notice" data-testid="duty-now-none">
            {t('duty.none')}
          </p>
        )}
        {data.next ? (
          <ShiftBlock heading={t('duty.next')} shift={data.next} testId="duty-next" />
        ) : (
          <p class="muted">{t('duty.noNext')}</p>
        )}
        {data.head && (
          <ul class="duty-head">
            <Person role={t('duty.head')} person={data.head} testId="duty-head" />
          </ul>
        )}
      </div>
    </section>
  );
}
