// The steps of a transfer case, one small form each, each posting one action
// (POST /v1/transfer-cases/{id}/<action>). A refusal comes back as problem+json and is shown in the
// reader's language with the refused field marked (its path is the body's field, `documents.2.title`).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { fieldErrorsOf } from '../components/error-text';
import { Field } from '../components/Field';
import { chineseOnly } from '../i18n/chinese-text';
import { useI18n } from '../i18n/i18n';
import type { DepartmentNames } from './departments';
import { type TransferCaseView, transfersApi } from './transfers-api';
import { DOCUMENT_KINDS, wordOf } from './words';

export interface StepProps {
  c: TransferCaseView;
  onChanged: (c: TransferCaseView) => void;
}

function useStep({ c, onChanged }: StepProps) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const run = async (action: string, body: unknown): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      onChanged(await transfersApi.act(c.id, action, body));
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const errors = fieldErrorsOf(error, t, lang);
  /** The reason a field (or anything under it) was refused. */
  const err = (path: string): string | undefined => {
    for (const [p, message] of errors) {
      const clean = p.replace(/^\//, '').replaceAll('/', '.');
      if (clean === path || clean.startsWith(`${path}.`)) return message;
    }
    return undefined;
  };
  return { busy, error, done, run, err };
}

/** The failure in the reader's language; on a Chinese page the rule's own Chinese sentence says why. */
function StepError({ error, testId }: { error: unknown; testId: string }) {
  const { lang } = useI18n();
  const detail = error instanceof ApiError && lang === 'zh-CN' ? chineseOnly(error.problem.detail ?? '') : '';
  return <ErrorNotice error={error} testId={testId} {...(detail ? { context: detail } : {})} />;
}

function StepShell(props: {
  title: string;
  testId: string;
  hint?: string;
  step: ReturnType<typeof useStep>;
  submit: string;
  onSubmit: () => void;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const { busy, error, done } = props.step;
  return (
    <form
      class="card tr-form"
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h3>{props.title}</h3>
      {props.hint && <p class="muted">{props.hint}</p>}
      {props.children}
      {error !== undefined && <StepError error={error} testId={`${props.testId}-error`} />}
      {done && (
        <p class="notice notice-info" role="status">
          {t('transfers.saved')}
        </p>
      )}
      <button type="submit" class="btn btn-primary tr-touch" disabled={busy} data-testid={`${props.testId}-submit`}>
        {busy ? t('transfers.saving') : props.submit}
      </button>
    </form>
  );
}

const trimmed = (s: string) => (s.trim() ? s.trim() : undefined);

/** 负责人审批 (Art. 5): approve, or refuse with reasons. */
export function ApprovalForm(p: StepProps) {
  const { t } = useI18n();
  const step = useStep(p);
  const [approved, setApproved] = useState(true);
  const [reasons, setReasons] = useState('');
  return (
    <StepShell
      title={t('transfers.approval.title')}
      testId="approval-form"
      step={step}
      submit={approved ? t('transfers.approval.approve') : t('transfers.approval.refuse')}
      onSubmit={() =>
        void step.run('decide-approval', { approved, ...(approved ? {} : { reasons: trimmed(reasons) ?? '' }) })
      }
    >
      <Field label={t('transfers.filing.decision')}>
        <select
          value={approved ? 'yes' : 'no'}
          data-testid="approval-decision"
          onChange={(e) => setApproved(e.currentTarget.value === 'yes')}
        >
          <option value="yes">{t('transfers.approval.approve')}</option>
          <option value="no">{t('transfers.approval.refuse')}</option>
        </select>
      </Field>
      {!approved && (
        <Field label={t('transfers.approval.reasons')} required error={step.err('reasons')}>
          <textarea
            rows={2}
            value={reasons}
            data-testid="approval-reasons"
            onInput={(e) => setReasons(e.currentTarget.value)}
          />
        </Field>
      )}
    </StepShell>
  );
}

interface DocumentDraft {
  attached: boolean;
  title: string;
  documentNo: string;
  attachmentId: string;
}

function DocumentRow({
  kind,
  index,
  doc,
  onChange,
  err,
}: {
  kind: string;
  index: number;
  doc: DocumentDraft;
  onChange: (d: DocumentDraft) => void;
  err: (path: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="tr-document" data-testid="transfer-document" data-kind={kind}>
      <legend>{wordOf(t, 'doc', kind)}</legend>
      <label class="tr-check">
        <input
          type="checkbox"
          checked={doc.attached}
          data-testid={`doc-attached-${kind}`}
          onChange={(e) => onChange({ ...doc, attached: e.currentTarget.checked })}
        />
        {t('transfers.transfer.attach')}
      </label>
      {doc.attached && (
        <div class="tr-document-fields">
          <Field label={t('transfers.transfer.docTitle')} error={err(`documents.${index}.title`)}>
            <input
              value={doc.title}
              data-testid={`doc-title-${kind}`}
              onInput={(e) => onChange({ ...doc, title: e.currentTarget.value })}
            />
          </Field>
          {kind === 'transfer-letter' && (
            <Field label={t('transfers.transfer.docNo')} error={err(`documents.${index}.documentNo`)}>
              <input
                value={doc.documentNo}
                data-testid={`doc-no-${kind}`}
                onInput={(e) => onChange({ ...doc, documentNo: e.currentTarget.value })}
              />
            </Field>
          )}
          <Field label={t('transfers.transfer.attachment')} error={err(`documents.${index}.attachmentId`)}>
            <input
              value={doc.attachmentId}
              data-testid={`doc-attachment-${kind}`}
              onInput={(e) => onChange({ ...doc, attachmentId: e.currentTarget.value })}
            />
          </Field>
        </div>
      )}
    </fieldset>
  );
}

/** 移送 (Art. 5, 6): to public security with the five materials, copied to the procuratorate. */
export function TransferForm(p: StepProps & { departments: DepartmentNames }) {
  const { t } = useI18n();
  const step = useStep(p);
  const police = p.departments.ofKind('public-security');
  const procuratorates = p.departments.ofKind('procuratorate');
  const [policeId, setPoliceId] = useState('');
  const [procuratorateId, setProcuratorateId] = useState('');
  const [docs, setDocs] = useState<DocumentDraft[]>(() =>
    DOCUMENT_KINDS.map((kind) => ({ attached: true, title: wordOf(t, 'doc', kind), documentNo: '', attachmentId: '' })),
  );
  const chosenPolice = policeId || police[0]?.id || '';
  const chosenProcuratorate = procuratorateId || procuratorates[0]?.id || '';
  const attached = DOCUMENT_KINDS.flatMap((kind, i) => {
    const d = docs[i]!;
    if (!d.attached) return [];
    return [
      {
        kind,
        title: d.title.trim(),
        ...(trimmed(d.documentNo) ? { documentNo: d.documentNo.trim() } : {}),
        ...(trimmed(d.attachmentId) ? { attachmentId: d.attachmentId.trim() } : {}),
      },
    ];
  });
  // A refused field's path counts in the documents sent, so map it back to the row it came from.
  const sentIndex = DOCUMENT_KINDS.map((_, i) => docs.slice(0, i).filter((d) => d.attached).length);
  return (
    <StepShell
      title={t('transfers.transfer.title')}
      testId="transfer-form"
      hint={t('transfers.transfer.hint')}
      step={step}
      submit={t('transfers.transfer.submit')}
      onSubmit={() =>
        void step.run('transfer', {
          policeDepartmentId: chosenPolice,
          procuratorateDepartmentId: chosenProcuratorate,
          documents: attached,
        })
      }
    >
      <Field label={t('transfers.transfer.police')} required error={step.err('policeDepartmentId')}>
        <select value={chosenPolice} data-testid="transfer-police" onChange={(e) => setPoliceId(e.currentTarget.value)}>
          {police.map((d) => (
            <option key={d.id} value={d.id}>
              {p.departments.name(d.id)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('transfers.transfer.procuratorate')} required error={step.err('procuratorateDepartmentId')}>
        <select
          value={chosenProcuratorate}
          data-testid="transfer-procuratorate"
          onChange={(e) => setProcuratorateId(e.currentTarget.value)}
        >
          {procuratorates.map((d) => (
            <option key={d.id} value={d.id}>
              {p.departments.name(d.id)}
            </option>
          ))}
        </select>
      </Field>
      {DOCUMENT_KINDS.map((kind, i) => (
        <DocumentRow
          key={kind}
          kind={kind}
          index={sentIndex[i]!}
          doc={docs[i]!}
          err={(path) => (docs[i]!.attached ? step.err(path) : undefined)}
          onChange={(d) => setDocs((all) => all.map((x, j) => (j === i ? d : x)))}
        />
      ))}
    </StepShell>
  );
}

/** 公安接收: public security receives the transfer; the filing review starts. */
export function ReceiveForm(p: StepProps) {
  const { t } = useI18n();
  const step = useStep(p);
  return (
    <StepShell
      title={t('transfers.receive.title')}
      testId="receive-form"
      hint={t('transfers.receive.hint')}
      step={step}
      submit={t('transfers.receive.submit')}
      onSubmit={() => void step.run('receive', {})}
    />
  );
}

/** 立案决定 (Art. 8): filed, or not filed with reasons. */
export function FilingForm(p: StepProps) {
  const { t } = useI18n();
  const step = useStep(p);
  const [filed, setFiled] = useState(true);
  const [documentNo, setDocumentNo] = useState('');
  const [reasons, setReasons] = useState('');
  return (
    <StepShell
      title={t('transfers.filing.title')}
      testId="filing-form"
      step={step}
      submit={t('transfers.filing.submit')}
      onSubmit={() =>
        void step.run('decide-filing', {
          filed,
          documentNo: documentNo.trim(),
          ...(!filed && trimmed(reasons) ? { reasons: reasons.trim() } : {}),
        })
      }
    >
      <Field label={t('transfers.filing.decision')}>
        <select
          value={filed ? 'yes' : 'no'}
          data-testid="filing-decision"
          onChange={(e) => setFiled(e.currentTarget.value === 'yes')}
        >
          <option value="yes">{t('transfers.filing.filed')}</option>
          <option value="no">{t('transfers.filing.notFiled')}</option>
        </select>
      </Field>
      <Field label={t('transfers.filing.documentNo')} required error={step.err('documentNo')}>
        <input
          value={documentNo}
          data-testid="filing-document-no"
          onInput={(e) => setDocumentNo(e.currentTarget.value)}
        />
      </Field>
      {!filed && (
        <Field label={t('transfers.filing.reasons')} required error={step.err('reasons')}>
          <textarea
            rows={2}
            value={reasons}
            data-testid="filing-reasons"
            onInput={(e) => setReasons(e.currentTarget.value)}
          />
        </Field>
      )}
    </StepShell>
  );
}

/** 移交涉案物品 (Art. 12): after filing the agency hands over the seized items and materials. */
export function HandOverForm(p: StepProps) {
  const { t } = useI18n();
  const step = useStep(p);
  const [note, setNote] = useState('');
  return (
    <StepShell
      title={t('transfers.handover.title')}
      testId="handover-form"
      step={step}
      submit={t('transfers.handover.submit')}
      onSubmit={() => void step.run('hand-over', trimmed(note) ? { note: note.trim() } : {})}
    >
      <Field label={t('transfers.handover.note')} error={step.err('note')}>
        <textarea rows={2} value={note} data-testid="handover-note" onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
    </StepShell>
  );
}

/** A step that records one document number: 要求复议, 提请立案监督, 要求说明不立案理由. */
export function DocumentNoStepForm(p: StepProps & { action: string; title: string; testId: string }) {
  const { t } = useI18n();
  const step = useStep(p);
  const [documentNo, setDocumentNo] = useState('');
  return (
    <StepShell
      title={p.title}
      testId={p.testId}
      step={step}
      submit={p.title}
      onSubmit={() => void step.run(p.action, { documentNo: documentNo.trim() })}
    >
      <Field label={t('transfers.documentNo')} required error={step.err('documentNo')}>
        <input
          value={documentNo}
          data-testid={`${p.testId}-document-no`}
          onInput={(e) => setDocumentNo(e.currentTarget.value)}
        />
      </Field>
    </StepShell>
  );
}
