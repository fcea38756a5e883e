// One transfer case: its facts, its deadlines (a late one looks late), the timeline of every step,
// and for the department whose step it is the forms the domain allows next.
import type { ComponentChildren } from 'preact';
import type { Session } from '../auth/session';
import { hasRole } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLoad } from '../hooks/use-load';
import { useServerNow } from '../hooks/use-now';
import { usePoll } from '../hooks/use-poll';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../router';
import { formatDateTime, instant } from '../time/china-time';
import { TransferClockTile } from './clocks';
import { type DepartmentNames, useDepartmentNames } from './departments';
import {
  ApprovalForm,
  DocumentNoStepForm,
  FilingForm,
  HandOverForm,
  ReceiveForm,
  type StepProps,
  TransferForm,
} from './step-forms';
import { type TransferCaseView, transfersApi } from './transfers-api';
import { partyOf, statusWord, wordOf } from './words';
import './transfers.css';

function Fact({ label, children, wide }: { label: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <div class={wide ? 'facts-wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CaseFacts({ c, departments }: { c: TransferCaseView; departments: DepartmentNames }) {
  const { t } = useI18n();
  return (
    <dl class="facts" data-testid="transfer-facts">
      <Fact label={t('transfers.facts.caseNo')}>{c.enforcementCaseNo}</Fact>
      <Fact label={t('transfers.facts.agency')}>{departments.name(c.agencyDepartmentId)}</Fact>
      <Fact label={t('transfers.facts.category')}>{wordOf(t, 'category', c.offenceCategory)}</Fact>
      <Fact label={t('transfers.facts.basis')}>
        {wordOf(t, 'basis', c.basis)}
        {c.threshold && <div class="muted">{wordOf(t, 'threshold', c.threshold.id)}</div>}
      </Fact>
      <Fact label={t('transfers.facts.economic')}>{c.economic ? t('transfers.yes') : t('transfers.no')}</Fact>
      <Fact label={t('transfers.facts.party')}>
        {c.party.name}
        {c.party.creditCode && <div class="muted">{c.party.creditCode}</div>}
      </Fact>
      <Fact label={t('transfers.facts.team')}>{c.team.join('、')}</Fact>
      <Fact label={t('transfers.facts.reported')}>{formatDateTime(instant(c.reportedAt))}</Fact>
      {c.policeDepartmentId && (
        <Fact label={t('transfers.facts.police')}>{departments.name(c.policeDepartmentId)}</Fact>
      )}
      {c.procuratorateDepartmentId && (
        <Fact label={t('transfers.facts.procuratorate')}>{departments.name(c.procuratorateDepartmentId)}</Fact>
      )}
      {c.approval && (
        <Fact label={t('transfers.facts.approval')}>
          {c.approval.approved
            ? t('transfers.approved')
            : t('transfers.refused', { reasons: c.approval.reasons ?? '—' })}
        </Fact>
      )}
      {c.filing && (
        <Fact label={t('transfers.facts.filing')}>
          <span data-testid="transfer-filing">
            {c.filing.filed
              ? t('transfers.filed', { documentNo: c.filing.documentNo })
              : t('transfers.notFiled', { documentNo: c.filing.documentNo, reasons: c.filing.reasons ?? '—' })}
          </span>
        </Fact>
      )}
      <Fact label={t('transfers.facts.summary')} wide>
        <span class="prewrap">{c.summary}</span>
      </Fact>
    </dl>
  );
}

/** The last transfer attempt, when it was refused as incomplete: what is missing (Art. 6). */
function IncompleteTransferNotice({ c }: { c: TransferCaseView }) {
  const { t, lang } = useI18n();
  const last = c.attempts.at(-1);
  if (!last || last.complete || c.status !== 'approved') return null;
  const list = last.missing.map((k) => wordOf(t, 'doc', k)).join(lang === 'en' ? ', ' : '、');
  return (
    <div class="notice notice-error" role="alert" data-testid="transfer-incomplete">
      <span class="notice-icon" aria-hidden="true">
        ⚠
      </span>
      <div class="notice-body">
        <p class="notice-title">{t('transfers.attempt.incomplete')}</p>
        <p class="notice-detail" data-testid="transfer-missing">
          {lang === 'en' ? t('transfers.attempt.missing', { list }) : last.explanation}
        </p>
      </div>
    </div>
  );
}

/** The forms of the steps the domain allows now, for the department whose step it is. */
function NextSteps({ session, departments, ...p }: StepProps & { session: Session; departments: DepartmentNames }) {
  const { t } = useI18n();
  const { c } = p;
  const party = partyOf(c, session);
  const forms = [];
  if (party === 'agency') {
    if (c.status === 'reported' && hasRole(session, 'dept-head')) forms.push(<ApprovalForm key="approval" {...p} />);
    if (c.status === 'reported' && !hasRole(session, 'dept-head'))
      forms.push(
        <p key="wait" class="muted" data-testid="transfer-wait-head">
          {t('transfers.steps.waitHead')}
        </p>,
      );
    if (c.status === 'approved') forms.push(<TransferForm key="transfer" {...p} departments={departments} />);
    if (c.status === 'filed' && !c.handedOverAt) forms.push(<HandOverForm key="handover" {...p} />);
    if (c.status === 'not-filed') {
      forms.push(
        <DocumentNoStepForm
          key="reconsideration"
          {...p}
          action="request-reconsideration"
          title={t('transfers.reconsideration.title')}
          testId="reconsideration-form"
        />,
        <DocumentNoStepForm
          key="supervision"
          {...p}
          action="request-supervision"
          title={t('transfers.supervisionRequest.title')}
          testId="supervision-request-form"
        />,
      );
    }
  }
  if (party === 'police') {
    if (c.status === 'transferred') forms.push(<ReceiveForm key="receive" {...p} />);
    if (c.status === 'under-review') forms.push(<FilingForm key="filing" {...p} />);
  }
  if (party === 'procuratorate' && c.status === 'supervision')
    forms.push(
      <DocumentNoStepForm
        key="explanation"
        {...p}
        action="require-explanation"
        title={t('transfers.explanation.title')}
        testId="explanation-form"
      />,
    );
  if (forms.length === 0 && !party) return null;
  return (
    <section aria-labelledby="tr-steps" data-testid="transfer-steps">
      <h2 id="tr-steps">{t('transfers.steps')}</h2>
      <IncompleteTransferNotice c={c} />
      {forms.length > 0 ? forms : <p class="muted">{t('transfers.steps.none')}</p>}
    </section>
  );
}

function CaseTimeline({ c }: { c: TransferCaseView }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="tr-timeline">
      <h2 id="tr-timeline">{t('transfers.timeline')}</h2>
      <ol class="timeline" data-testid="transfer-timeline">
        {c.timeline.map((e, i) => (
          <li key={`${e.at}:${e.what}:${i}`} data-testid="transfer-timeline-entry" data-what={e.what}>
            <time dateTime={e.at}>{formatDateTime(instant(e.at))}</time>
            <span class="timeline-tag">{wordOf(t, 'event', e.what)}</span>
            {e.note && <span>{e.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function TransferCasePage({ id, session }: { id: string; session: Session }) {
  const { t } = useI18n();
  const now = useServerNow();
  const departments = useDepartmentNames();
  const load = useLoad(() => transfersApi.case(id), `transfer-case:${id}`);
  usePoll(
    async () => {
      try {
        const next = await transfersApi.case(id);
        if (!load.data || next.version >= load.data.version) load.set(next);
      } catch {
        // The first load shows errors; a failed background refresh keeps what is on screen.
      }
    },
    10_000,
    60_000,
  );
  const back = (
    <p>
      <a href={hrefOf({ name: 'transfers' })} class="tr-touch-link" data-testid="transfer-back">
        {t('transfers.back')}
      </a>
    </p>
  );
  const c = load.data;
  if (!c)
    return (
      <div class="page tr-page">
        {back}
        {load.error !== undefined ? <ErrorNotice error={load.error} /> : <p>{t('common.loading')}</p>}
      </div>
    );
  return (
    <div class="page tr-page" data-testid="transfer-case" data-status={c.status}>
      {back}
      <div class="page-head">
        <h1 data-testid="transfer-heading">{c.title}</h1>
        <span class="status-tag" data-testid="transfer-case-status">
          {statusWord(t, c)}
        </span>
        {c.overdue && <span class="tr-overdue">✖ {t('transfers.overdue')}</span>}
      </div>
      <CaseFacts c={c} departments={departments} />
      <section aria-labelledby="tr-clocks">
        <h2 id="tr-clocks">{t('transfers.clocks')}</h2>
        {c.clocks.length === 0 ? (
          <p class="muted">{t('transfers.clocks.none')}</p>
        ) : (
          <div class="clock-grid" data-testid="transfer-clocks">
            {c.clocks.map((k) => (
              <TransferClockTile key={k.id} clock={k} now={now} departmentName={departments.name} />
            ))}
          </div>
        )}
      </section>
      <div class="tr-two">
        <NextSteps c={c} onChanged={load.set} session={session} departments={departments} />
        <CaseTimeline c={c} />
      </div>
    </div>
  );
}
