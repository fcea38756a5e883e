import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/endpoints';
import type { FieldError } from '../api/problem';
import { ApiError } from '../api/problem';
import type { Roster } from '../api/types';
import { hasRole, type Session } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import {
  type Draft,
  type DraftShift,
  draftProblems,
  newShift,
  type ShiftField,
  toDraft,
  toRoster,
  validateDraft,
} from '../roster/roster-draft';
import { serverClock } from '../time/server-clock';

export function RosterPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const departmentId = session.user.departmentId;
  const roster = useLoad(() => api.roster(departmentId), `roster:${departmentId}`);
  const [base, setBase] = useState<Roster>();
  const [draft, setDraft] = useState<Draft>();
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [savedVersion, setSavedVersion] = useState<number>();
  const [showErrors, setShowErrors] = useState(false);
  /** The server's refusal by field, kept until the row it names is edited. */
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  /** Bumped on every save that found problems: the first marked row is scrolled into view. */
  const [revealTick, setRevealTick] = useState(0);
  const tableRef = useRef<HTMLDivElement>(null);
  const canEdit = hasRole(session, 'admin', 'dept-head');

  useEffect(() => {
    if (revealTick === 0) return;
    const row = tableRef.current?.querySelector<HTMLElement>('[data-invalid="true"]');
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus({ preventScroll: true });
  }, [revealTick]);

  useEffect(() => {
    if (roster.data) {
      setBase(roster.data);
      setDraft(toDraft(roster.data));
      setDirty(false);
    }
  }, [roster.data]);

  if (!draft || !base) {
    return (
      <div class="page">
        <h1>{t('roster.title')}</h1>
        {roster.error !== undefined ? <ErrorNotice error={roster.error} /> : <p>{t('common.loading')}</p>}
      </div>
    );
  }

  const invalid = validateDraft(draft);
  const problems = draftProblems(draft, showErrors ? invalid : [], serverErrors, (key) => t(key));
  const problemCount = [...problems.rows.values()].reduce((n, p) => n + p.length, problems.head.length);
  const conflict = error instanceof ApiError && error.status === 409;
  const refusedByRows = error instanceof ApiError && error.status === 422 && serverErrors.length > 0;
  const edit = (next: Draft) => {
    setDraft(next);
    setDirty(true);
    setSavedVersion(undefined);
  };
  const editShift = (index: number, patch: Partial<DraftShift>) => {
    setServerErrors((errs) =>
      errs.filter((e) => !e.path.startsWith(`shifts.${index}.`) && e.path !== `shifts.${index}`),
    );
    edit({ ...draft, shifts: draft.shifts.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  };
  const fieldInvalid = (i: number, field: ShiftField) =>
    problems.rows.get(i)?.some((p) => p.field === field) ? 'true' : undefined;

  const save = async (event: Event) => {
    event.preventDefault();
    setShowErrors(true);
    if (invalid.length) {
      setRevealTick((n) => n + 1);
      return;
    }
    setBusy(true);
    setError(undefined);
    setServerErrors([]);
    try {
      const saved = await api.saveRoster(toRoster(draft, departmentId, base.version));
      setBase(saved);
      setDraft(toDraft(saved));
      setDirty(false);
      setShowErrors(false);
      setSavedVersion(saved.version);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 422) {
        setServerErrors(e.problem.errors);
        setRevealTick((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    setError(undefined);
    await roster.reload();
  };

  return (
    <div class="page" data-testid="roster-page">
      <div class="page-head">
        <h1>{t('roster.title')}</h1>
        <span class="muted" data-testid="roster-version">
          {t('roster.version', { version: base.version })}
        </span>
        {dirty && <span class="status-tag status-dirty">{t('roster.unsaved')}</span>}
      </div>
      {!canEdit && <p class="notice notice-info">{t('roster.readOnly')}</p>}

      {conflict && (
        <div class="notice notice-error notice-conflict" role="alert" data-testid="roster-conflict">
          <span class="notice-icon" aria-hidden="true">
            ⚠
          </span>
          <div class="notice-body">
            <p class="notice-title">{t('roster.conflict')}</p>
            <p>{t('roster.conflictHint')}</p>
            <ErrorNotice error={error} testId="roster-conflict-problem" />
          </div>
          <button type="button" class="btn btn-primary" onClick={reload} data-testid="roster-reload">
            {t('roster.reload')}
          </button>
        </div>
      )}
      {error !== undefined && !conflict && !refusedByRows && <ErrorNotice error={error} testId="roster-error" />}
      {savedVersion !== undefined && (
        <p class="notice notice-ok" role="status" data-testid="roster-saved">
          <span aria-hidden="true">✔ </span>
          {t('roster.saved', { version: savedVersion })}
        </p>
      )}

      <form class="form" onSubmit={save}>
        <fieldset disabled={!canEdit || busy} class="plain-fieldset">
          <label class="field field-inline">
            <span class="field-label">{t('roster.head')}</span>
            <input
              required
              value={draft.head}
              aria-invalid={problems.head.length > 0 ? 'true' : undefined}
              onInput={(e) => {
                setServerErrors((errs) => errs.filter((x) => x.path !== 'head'));
                edit({ ...draft, head: e.currentTarget.value });
              }}
              data-testid="roster-head"
            />
          </label>
          {problems.head.map((p) => (
            <p key={p.key} class="field-error" data-testid="roster-head-error">
              {t(p.key, p.params)}
            </p>
          ))}
          <h2>{t('roster.shifts')}</h2>
          {draft.shifts.length === 0 && <p class="muted">{t('roster.empty')}</p>}
          {draft.shifts.length > 0 && (
            <div ref={tableRef}>
              <table class="table roster-table" data-testid="roster-table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('roster.startsAt')}</th>
                    <th scope="col">{t('roster.endsAt')}</th>
                    <th scope="col">{t('roster.officer')}</th>
                    <th scope="col">{t('roster.leader')}</th>
                    <th scope="col">{t('roster.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {draft.shifts.map((shift, i) => {
                    const n = i + 1;
                    const rowProblems = problems.rows.get(i) ?? [];
                    const bad = rowProblems.length > 0;
                    return (
                      <Fragment key={shift.id}>
                        <tr
                          data-testid="roster-row"
                          class={bad ? 'roster-row-invalid' : undefined}
                          data-invalid={bad ? 'true' : undefined}
                        >
                          <th scope="row">{n}</th>
                          <td>
                            <input
                              type="datetime-local"
                              aria-label={`${t('roster.startsAt')} ${n}`}
                              value={shift.startsAt}
                              aria-invalid={fieldInvalid(i, 'startsAt')}
                              onInput={(e) => editShift(i, { startsAt: e.currentTarget.value })}
                            />
                          </td>
                          <td>
                            <input
                              type="datetime-local"
                              aria-label={`${t('roster.endsAt')} ${n}`}
                              value={shift.endsAt}
                              aria-invalid={fieldInvalid(i, 'endsAt')}
                              onInput={(e) => editShift(i, { endsAt: e.currentTarget.value })}
                            />
                          </td>
                          <td>
                            <input
                              aria-label={`${t('roster.officer')} ${n}`}
                              value={shift.officer}
                              aria-invalid={fieldInvalid(i, 'officer')}
                              onInput={(e) => editShift(i, { officer: e.currentTarget.value })}
                            />
                          </td>
                          <td>
                            <input
                              aria-label={`${t('roster.leader')} ${n}`}
                              value={shift.leader}
                              aria-invalid={fieldInvalid(i, 'leader')}
                              onInput={(e) => editShift(i, { leader: e.currentTarget.value })}
                            />
                          </td>
                          <td>
                            <button
                              type="button"
                              class="btn btn-quiet"
                              aria-label={t('roster.removeShift', { n })}
                              onClick={() => {
                                setServerErrors([]);
                                edit({ ...draft, shifts: draft.shifts.filter((_, j) => j !== i) });
                              }}
                            >
                              {t('roster.remove')}
                            </button>
                          </td>
                        </tr>
                        {bad && (
                          <tr class="roster-row-error" data-testid="roster-row-error" data-row={n}>
                            <td colSpan={6}>
                              <ul class="field-error" role="alert">
                                {rowProblems.map((p) => (
                                  <li key={`${p.key}:${p.field ?? ''}`}>{t(p.key, { n, ...(p.params ?? {}) })}</li>
                                ))}
                              </ul>
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {problemCount > 0 && (
            <p class="field-error" role="status" data-testid="roster-invalid">
              {t('roster.invalid.summary', { count: problemCount })}
            </p>
          )}
          <div class="form-actions">
            <button
              type="button"
              class="btn"
              onClick={() =>
                edit({ ...draft, shifts: [...draft.shifts, newShift(draft, serverClock.now(), crypto.randomUUID())] })
              }
              data-testid="roster-add"
            >
              {t('roster.add')}
            </button>
            <button type="submit" class="btn btn-primary" disabled={!dirty} data-testid="roster-save">
              {busy ? t('roster.saving') : t('roster.save')}
            </button>
          </div>
        </fieldset>
      </form>
    </div>
  );
}
