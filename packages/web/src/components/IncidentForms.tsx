import { useState } from 'preact/hooks';
import { api } from '../api/endpoints';
import type { Incident, IncidentLevel, MilestoneKind } from '../api/types';
import { isActive } from '../board/board-model';
import { useServerNow } from '../hooks/use-now';
import { useI18n } from '../i18n/i18n';
import { LEVELS } from '../pages/levels';
import { fromLocalInput, toChinaIso, toLocalInput } from '../time/china-time';
import { serverClock } from '../time/server-clock';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';

interface Props {
  incident: Incident;
  onChanged: (incident: Incident) => void;
}

const MILESTONE_KINDS: MilestoneKind[] = ['release', 'press-conference', 'response'];

/** The milestone that meets a clock kind: Ⅲ/Ⅳ's timely release and a hot topic's response are both a response. */
export const milestoneFor = (clockKind: string): MilestoneKind =>
  clockKind === 'release' || clockKind === 'press-conference' ? clockKind : 'response';

/** The server found what was asked already done (by someone else at the same moment, or earlier). */
const alreadyRecorded = (h: Headers) => h.get('x-fazhi-outcome') === 'already-recorded';

function useSubmit(onChanged: (incident: Incident) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [already, setAlready] = useState(false);
  const run = async (action: (onResponse: (h: Headers) => void) => Promise<Incident>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setAlready(false);
    try {
      onChanged(await action((h) => setAlready(alreadyRecorded(h))));
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, already, run };
}

export function MilestoneForm({ incident, onChanged }: Props) {
  const { t } = useI18n();
  const now = useServerNow();
  const nextClock = incident.clocks.filter(isActive).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  const [kind, setKind] = useState<MilestoneKind>(nextClock ? milestoneFor(nextClock.kind) : 'release');
  // Untouched, the time is "now" on the server clock at the moment of submitting, to the second.
  const [at, setAt] = useState<string | undefined>();
  const [channel, setChannel] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const { busy, error, already, run } = useSubmit(onChanged);

  const submit = async (event: Event) => {
    event.preventDefault();
    const when = at === undefined ? serverClock.now() : fromLocalInput(at);
    if (when === undefined) return setInvalid(t('form.invalidTime'));
    if (!evidenceUrl.trim() && !documentNo.trim()) return setInvalid(t('form.evidenceMissing'));
    setInvalid(undefined);
    const ok = await run((onResponse) =>
      api.recordMilestone(
        incident.id,
        {
          kind,
          at: toChinaIso(when),
          channel: channel.trim(),
          ...(evidenceUrl.trim() ? { evidenceUrl: evidenceUrl.trim() } : {}),
          ...(documentNo.trim() ? { documentNo: documentNo.trim() } : {}),
        },
        onResponse,
      ),
    );
    if (ok) {
      setAt(undefined);
      setChannel('');
      setEvidenceUrl('');
      setDocumentNo('');
    }
  };

  return (
    <form class="card form" onSubmit={submit} data-testid="milestone-form" aria-labelledby="milestone-form-title">
      <h2 id="milestone-form-title">{t('form.milestone')}</h2>
      <div class="field-row">
        <Field label={t('form.milestoneKind')} required>
          <select
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as MilestoneKind)}
            data-testid="milestone-kind"
          >
            {MILESTONE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`milestone.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('form.milestoneAt')} required>
          <input
            type="datetime-local"
            required
            value={at ?? toLocalInput(now)}
            onInput={(e) => setAt(e.currentTarget.value)}
            data-testid="milestone-at"
          />
        </Field>
      </div>
      <Field label={t('form.channel')} hint={t('form.channelHint')} required>
        <input
          required
          value={channel}
          onInput={(e) => setChannel(e.currentTarget.value)}
          data-testid="milestone-channel"
        />
      </Field>
      <div class="field-row">
        <Field label={t('form.evidenceUrl')}>
          <input
            type="url"
            value={evidenceUrl}
            placeholder="https://"
            onInput={(e) => setEvidenceUrl(e.currentTarget.value)}
            data-testid="milestone-url"
          />
        </Field>
        <Field label={t('form.documentNo')}>
          <input value={documentNo} onInput={(e) => setDocumentNo(e.currentTarget.value)} data-testid="milestone-doc" />
        </Field>
      </div>
      <p class="field-hint">{t('form.evidenceHint')}</p>
      {invalid && (
        <p class="field-error" role="alert">
          {invalid}
        </p>
      )}
      {error !== undefined && <ErrorNotice error={error} testId="milestone-error" />}
      {already && (
        <p class="notice notice-info" role="status" data-testid="milestone-already">
          {t('form.alreadyRecorded')}
        </p>
      )}
      <button type="submit" class="btn btn-primary" disabled={busy} data-testid="milestone-submit">
        {busy ? t('form.busy') : t('form.submit')}
      </button>
    </form>
  );
}

export function RegradeForm({ incident, onChanged }: Props) {
  const { t } = useI18n();
  const [level, setLevel] = useState<IncidentLevel>(incident.level);
  const [reason, setReason] = useState('');
  const { busy, error, already, run } = useSubmit(onChanged);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await run((onResponse) => api.regrade(incident.id, level, reason.trim(), onResponse))) setReason('');
  };
  return (
    <form class="card form" onSubmit={submit} data-testid="regrade-form" aria-labelledby="regrade-form-title">
      <h2 id="regrade-form-title">{t('form.regrade')}</h2>
      <p class="field-hint">{t('form.regradeHint')}</p>
      <Field label={t('form.newLevel')} required>
        <select
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value as IncidentLevel)}
          data-testid="regrade-level"
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('form.reason')} required>
        <textarea required rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
      {error !== undefined && <ErrorNotice error={error} testId="regrade-error" />}
      {already && (
        <p class="notice notice-info" role="status" data-testid="regrade-already">
          {t('form.alreadyRecorded')}
        </p>
      )}
      <button type="submit" class="btn" disabled={busy || level === incident.level}>
        {busy ? t('form.busy') : t('form.regrade')}
      </button>
    </form>
  );
}

export function CloseForm({ incident, onChanged }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, already, run } = useSubmit(onChanged);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!window.confirm(t('form.confirmClose'))) return;
    await run((onResponse) => api.closeIncident(incident.id, reason.trim(), onResponse));
  };
  return (
    <form class="card form" onSubmit={submit} data-testid="close-form" aria-labelledby="close-form-title">
      <h2 id="close-form-title">{t('form.close')}</h2>
      <p class="field-hint">{t('form.closeHint')}</p>
      <Field label={t('form.reason')} required>
        <textarea required rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
      {error !== undefined && <ErrorNotice error={error} testId="close-error" />}
      {already && (
        <p class="notice notice-info" role="status" data-testid="close-already">
          {t('form.alreadyRecorded')}
        </p>
      )}
      <button type="submit" class="btn btn-danger" disabled={busy}>
        {busy ? t('form.busy') : t('form.close')}
      </button>
    </form>
  );
}
