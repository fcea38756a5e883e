// 移送报告 (Art. 5): an enforcement agency reports a suspected crime to its head; the case opens
// with the head's 3-day approval clock and the page goes to it.
import { useState } from 'preact/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { fieldErrorsOf } from '../components/error-text';
import { Field } from '../components/Field';
import { useI18n } from '../i18n/i18n';
import { hrefOf, navigate } from '../router';
import { type TransferReport, transfersApi } from './transfers-api';
import { OFFENCE_CATEGORIES, THRESHOLDS, wordOf } from './words';
import './transfers.css';

interface ReportDraft {
  enforcementCaseNo: string;
  title: string;
  summary: string;
  offenceCategory: string;
  basis: 'threshold' | 'reasonable-suspicion';
  economic: boolean;
  team: string;
  regionCode: string;
  partyName: string;
  creditCode: string;
}

const EMPTY: ReportDraft = {
  enforcementCaseNo: '',
  title: '',
  summary: '',
  offenceCategory: 'fake-products',
  basis: 'threshold',
  economic: false,
  team: '',
  regionCode: '340202',
  partyName: '',
  creditCode: '',
};

function bodyOf(d: ReportDraft): TransferReport {
  const threshold = THRESHOLDS.find((x) => x.category === d.offenceCategory);
  return {
    enforcementCaseNo: d.enforcementCaseNo.trim(),
    title: d.title.trim(),
    summary: d.summary.trim(),
    offenceCategory: d.offenceCategory,
    basis: d.basis,
    ...(d.basis === 'threshold' && threshold ? { threshold: { id: threshold.id, version: threshold.version } } : {}),
    economic: d.economic,
    team: d.team
      .split(/[\n、,，]/)
      .map((s) => s.trim())
      .filter(Boolean),
    regionCode: d.regionCode.trim(),
    party: { name: d.partyName.trim(), ...(d.creditCode.trim() ? { creditCode: d.creditCode.trim() } : {}) },
  };
}

export function NewTransferReportPage() {
  const { t, lang } = useI18n();
  const [d, setD] = useState<ReportDraft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const errors = fieldErrorsOf(error, t, lang);
  const err = (path: string) => [...errors].find(([p]) => p === path || p.startsWith(`${path}.`))?.[1];
  const set = <K extends keyof ReportDraft>(k: K, v: ReportDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const threshold = THRESHOLDS.find((x) => x.category === d.offenceCategory);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const c = await transfersApi.report(bodyOf(d));
      navigate({ name: 'transfer-case', id: c.id });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const text = (k: keyof ReportDraft, label: string, path: string, required = true) => (
    <Field label={label} required={required} error={err(path)}>
      <input
        value={d[k] as string}
        data-testid={`report-${k}`}
        aria-invalid={err(path) ? 'true' : undefined}
        onInput={(e) => set(k, e.currentTarget.value)}
      />
    </Field>
  );
  return (
    <div class="page tr-page" data-testid="transfer-report">
      <p>
        <a href={hrefOf({ name: 'transfers' })} class="tr-touch-link">
          {t('transfers.back')}
        </a>
      </p>
      <h1>{t('transfers.report.title')}</h1>
      <p class="muted">{t('transfers.report.hint')}</p>
      <form
        class="card tr-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {text('enforcementCaseNo', t('transfers.report.caseNo'), 'enforcementCaseNo')}
        {text('title', t('transfers.report.caseTitle'), 'title')}
        <Field label={t('transfers.report.summary')} required error={err('summary')}>
          <textarea
            rows={3}
            value={d.summary}
            data-testid="report-summary"
            onInput={(e) => set('summary', e.currentTarget.value)}
          />
        </Field>
        <Field label={t('transfers.report.category')} required error={err('offenceCategory')}>
          <select
            value={d.offenceCategory}
            data-testid="report-category"
            onChange={(e) => set('offenceCategory', e.currentTarget.value)}
          >
            {OFFENCE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {wordOf(t, 'category', c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('transfers.report.basis')} required error={err('basis') ?? err('threshold')}>
          <select
            value={d.basis}
            data-testid="report-basis"
            onChange={(e) => set('basis', e.currentTarget.value as ReportDraft['basis'])}
          >
            <option value="threshold">{wordOf(t, 'basis', 'threshold')}</option>
            <option value="reasonable-suspicion">{wordOf(t, 'basis', 'reasonable-suspicion')}</option>
          </select>
        </Field>
        {d.basis === 'threshold' && threshold && (
          <p class="muted" data-testid="report-threshold">
            {t('transfers.report.threshold')}：{wordOf(t, 'threshold', threshold.id)}
          </p>
        )}
        <label class="tr-check">
          <input
            type="checkbox"
            checked={d.economic}
            data-testid="report-economic"
            onChange={(e) => set('economic', e.currentTarget.checked)}
          />
          {t('transfers.report.economic')}
        </label>
        <Field label={t('transfers.report.team')} required error={err('team')}>
          <textarea
            rows={2}
            value={d.team}
            data-testid="report-team"
            onInput={(e) => set('team', e.currentTarget.value)}
          />
        </Field>
        {text('regionCode', t('transfers.report.region'), 'regionCode')}
        {text('partyName', t('transfers.report.partyName'), 'party.name')}
        {text('creditCode', t('transfers.report.creditCode'), 'party.creditCode', false)}
        {error !== undefined && <ErrorNotice error={error} testId="report-error" />}
        <button type="submit" class="btn btn-primary tr-touch" disabled={busy} data-testid="report-submit">
          {busy ? t('transfers.saving') : t('transfers.report.submit')}
        </button>
      </form>
    </div>
  );
}
