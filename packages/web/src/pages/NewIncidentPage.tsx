import { useState } from 'preact/hooks';
import { api } from '../api/endpoints';
import type { IncidentLevel } from '../api/types';
import { departmentLabel, type Session } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { fieldErrorsOf } from '../components/error-text';
import { Field } from '../components/Field';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import { hrefOf, navigate } from '../router';
import { fromLocalInput, toChinaIso, toLocalInput } from '../time/china-time';
import { serverClock } from '../time/server-clock';
import { LEVELS } from './levels';

export function NewIncidentPage({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const departments = useLoad(() => api.departments(), 'departments');
  const [form, setForm] = useState(() => {
    const now = toLocalInput(serverClock.now());
    return {
      title: '',
      level: 'II' as IncidentLevel,
      occurredAt: now,
      discoveredAt: now,
      responsibleDepartmentId: session.user.departmentId,
      summary: '',
    };
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [invalid, setInvalid] = useState<string>();
  const update = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const occurredAt = fromLocalInput(form.occurredAt);
    const discoveredAt = fromLocalInput(form.discoveredAt);
    if (occurredAt === undefined || discoveredAt === undefined) {
      setInvalid(t('form.invalidTime'));
      return;
    }
    setInvalid(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const incident = await api.openIncident({
        title: form.title.trim(),
        level: form.level,
        occurredAt: toChinaIso(occurredAt),
        discoveredAt: toChinaIso(discoveredAt),
        responsibleDepartmentId: form.responsibleDepartmentId,
        summary: form.summary.trim(),
      });
      navigate({ name: 'incident', id: incident.id });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const options = departments.data?.items ?? [];
  const refused = fieldErrorsOf(error, t, lang);
  const labels: Record<string, string> = {
    title: t('form.title'),
    level: t('form.level'),
    occurredAt: t('form.occurredAt'),
    discoveredAt: t('form.discoveredAt'),
    responsibleDepartmentId: t('form.department'),
    summary: t('form.summary'),
  };
  return (
    <div class="page page-narrow">
      <p>
        <a href={hrefOf({ name: 'incidents' })}>← {t('incidents.back')}</a>
      </p>
      <h1>{t('form.newIncident')}</h1>
      <p class="muted">{t('form.clockHint')}</p>
      <form class="form" onSubmit={submit} data-testid="incident-form">
        <Field label={t('form.title')} required error={refused.get('title')}>
          <input
            required
            maxLength={200}
            value={form.title}
            onInput={(e) => update({ title: e.currentTarget.value })}
            aria-invalid={refused.has('title') || undefined}
            data-testid="incident-title"
          />
        </Field>
        <Field label={t('form.level')} required error={refused.get('level')}>
          <select
            value={form.level}
            onChange={(e) => update({ level: e.currentTarget.value as IncidentLevel })}
            aria-invalid={refused.has('level') || undefined}
            data-testid="incident-level"
          >
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`level.${level}`)}
              </option>
            ))}
          </select>
        </Field>
        <div class="field-row">
          <Field label={t('form.occurredAt')} required error={refused.get('occurredAt')}>
            <input
              type="datetime-local"
              required
              value={form.occurredAt}
              onInput={(e) => update({ occurredAt: e.currentTarget.value })}
              aria-invalid={refused.has('occurredAt') || undefined}
              data-testid="incident-occurred-at"
            />
          </Field>
          <Field label={t('form.discoveredAt')} required error={refused.get('discoveredAt')}>
            <input
              type="datetime-local"
              required
              value={form.discoveredAt}
              onInput={(e) => update({ discoveredAt: e.currentTarget.value })}
              aria-invalid={refused.has('discoveredAt') || undefined}
              data-testid="incident-discovered-at"
            />
          </Field>
        </div>
        <Field label={t('form.department')} required error={refused.get('responsibleDepartmentId')}>
          <select
            value={form.responsibleDepartmentId}
            onChange={(e) => update({ responsibleDepartmentId: e.currentTarget.value })}
            aria-invalid={refused.has('responsibleDepartmentId') || undefined}
            data-testid="incident-department"
          >
            {options.length === 0 && (
              <option value={session.user.departmentId}>{departmentLabel(session, lang)}</option>
            )}
            {options.map((d) => (
              <option key={d.id} value={d.id}>
                {lang === 'en' ? d.nameEn || d.name : d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('form.summary')} required error={refused.get('summary')}>
          <textarea
            required
            rows={4}
            maxLength={4000}
            value={form.summary}
            onInput={(e) => update({ summary: e.currentTarget.value })}
            aria-invalid={refused.has('summary') || undefined}
            data-testid="incident-summary"
          />
        </Field>
        {invalid && (
          <p class="field-error" role="alert">
            {invalid}
          </p>
        )}
        {error !== undefined && <ErrorNotice error={error} testId="incident-error" fieldLabels={labels} />}
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="incident-submit">
          {busy ? t('form.busy') : t('form.submit')}
        </button>
      </form>
    </div>
  );
}
