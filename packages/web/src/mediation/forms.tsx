// The steps a mediator or the hub records on a case, one small form each. Every form posts one
// action (POST /v1/mediation-cases/{id}/<action>); a refusal is shown in Chinese with the refused
// field marked.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/problem';
import { fieldMessageZh } from '../api/problem-words';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { fromLocalInput, toChinaIso, toLocalInput } from '../time/china-time';
import { serverClock } from '../time/server-clock';
import { type MediationCase, mediationApi } from './mediation-api';
import {
  CONSENT_VIA_NAMES,
  HONOURED_NAMES,
  nameOf,
  PARTY_ROLE_NAMES,
  RISK_KIND_NAMES,
  ROUTE_NAMES,
  TIER_NAMES,
} from './words';

interface Props {
  c: MediationCase;
  onChanged: (c: MediationCase) => void;
}

/** The server's reason a field was refused (its path is the body's field name), for <Field error>. */
function fieldError(error: unknown, name: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const hit = error.problem.errors.find((e) => e.path.replace(/^\//, '').split(/[./]/)[0] === name);
  return hit ? fieldMessageZh(hit) : undefined;
}

function useAction(c: MediationCase, onChanged: (c: MediationCase) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const run = async (action: string, body: unknown): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      onChanged(await mediationApi.act(c.id, action, body));
      setDone(true);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

function Shell(props: {
  title: string;
  testId: string;
  busy: boolean;
  error: unknown;
  done: boolean;
  submit: string;
  onSubmit: () => void;
  children: ComponentChildren;
}) {
  return (
    <form
      class="card med-form"
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h3>{props.title}</h3>
      {props.children}
      {props.error !== undefined && <ErrorNotice error={props.error} testId={`${props.testId}-error`} />}
      {props.done && (
        <p class="notice notice-info" role="status">
          已保存
        </p>
      )}
      <button
        type="submit"
        class="btn btn-primary med-touch"
        disabled={props.busy}
        data-testid={`${props.testId}-submit`}
      >
        {props.busy ? '正在保存…' : props.submit}
      </button>
    </form>
  );
}

const nowIso = () => toChinaIso(serverClock.now());

export function AnswerForm({ c, onChanged }: Props) {
  const [reason, setReason] = useState('');
  const { busy, error, done, run } = useAction(c, onChanged);
  return (
    <div class="card med-form" data-testid="answer-form">
      <h3>接收或退回</h3>
      <p class="muted">请在期限内接收本案，或说明理由退回调处中心重新分派。</p>
      <div class="med-actions">
        <button
          type="button"
          class="btn btn-primary med-touch"
          disabled={busy}
          data-testid="answer-accept"
          onClick={() => void run('answer', { accepted: true })}
        >
          接收本案
        </button>
      </div>
      <Field label="退回理由" error={fieldError(error, 'reason')}>
        <textarea
          rows={2}
          value={reason}
          data-testid="answer-reason"
          aria-invalid={fieldError(error, 'reason') ? 'true' : undefined}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </Field>
      <button
        type="button"
        class="btn med-touch"
        disabled={busy}
        data-testid="answer-return"
        onClick={() => void run('answer', { accepted: false, ...(reason.trim() ? { reason: reason.trim() } : {}) })}
      >
        退回调处中心
      </button>
      {error !== undefined && <ErrorNotice error={error} testId="answer-form-error" />}
      {done && (
        <p class="notice notice-info" role="status">
          已保存
        </p>
      )}
    </div>
  );
}

export function ConsentForm({ c, onChanged }: Props) {
  const parties = c.parties.filter((p) => p.role !== 'agent');
  const [partyId, setPartyId] = useState(parties[0]?.id ?? '');
  const [given, setGiven] = useState(true);
  const [via, setVia] = useState('signed');
  const a = useAction(c, onChanged);
  return (
    <Shell
      title="记录当事人是否同意调解"
      testId="consent-form"
      submit="保存意愿"
      {...a}
      onSubmit={() => void a.run('consent', { partyId, given, via })}
    >
      <Field label="当事人">
        <select value={partyId} data-testid="consent-party" onChange={(e) => setPartyId(e.currentTarget.value)}>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {nameOf(PARTY_ROLE_NAMES, p.role)}：{p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="意愿">
        <select
          value={given ? 'yes' : 'no'}
          data-testid="consent-given"
          onChange={(e) => setGiven(e.currentTarget.value === 'yes')}
        >
          <option value="yes">同意调解</option>
          <option value="no">不同意调解</option>
        </select>
      </Field>
      <Field label="确认方式">
        <select value={via} data-testid="consent-via" onChange={(e) => setVia(e.currentTarget.value)}>
          {Object.entries(CONSENT_VIA_NAMES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
    </Shell>
  );
}

export function SessionForm({ c, onChanged }: Props) {
  const [at, setAt] = useState<string>();
  const [place, setPlace] = useState('');
  const [participants, setParticipants] = useState('');
  const [summary, setSummary] = useState('');
  const [nextStep, setNextStep] = useState('');
  const a = useAction(c, onChanged);
  const err = (n: string) => fieldError(a.error, n);
  const submit = async () => {
    const when = at ? fromLocalInput(at) : undefined;
    const ok = await a.run('session', {
      at: when !== undefined ? toChinaIso(when) : nowIso(),
      place: place.trim(),
      participants: participants
        .split(/[，,、\n]/)
        .map((x) => x.trim())
        .filter(Boolean),
      summary: summary.trim(),
      nextStep: nextStep.trim(),
    });
    if (ok) {
      setSummary('');
      setNextStep('');
    }
  };
  return (
    <Shell title="记录调解过程" testId="session-form" submit="保存调解记录" {...a} onSubmit={() => void submit()}>
      <div class="med-grid2">
        <Field label="调解时间" hint="不填为当前时间" error={err('at')}>
          <input
            type="datetime-local"
            value={at ?? toLocalInput(serverClock.now())}
            data-testid="session-at"
            onInput={(e) => setAt(e.currentTarget.value)}
          />
        </Field>
        <Field label="调解地点" required error={err('place')}>
          <input
            value={place}
            data-testid="session-place"
            aria-invalid={err('place') ? 'true' : undefined}
            onInput={(e) => setPlace(e.currentTarget.value)}
          />
        </Field>
      </div>
      <Field label="参加人员" hint="多人用顿号或逗号分隔" error={err('participants')}>
        <input
          value={participants}
          data-testid="session-participants"
          onInput={(e) => setParticipants(e.currentTarget.value)}
        />
      </Field>
      <Field label="调解情况" required error={err('summary')}>
        <textarea
          rows={3}
          value={summary}
          data-testid="session-summary"
          aria-invalid={err('summary') ? 'true' : undefined}
          onInput={(e) => setSummary(e.currentTarget.value)}
        />
      </Field>
      <Field label="下一步安排" required error={err('nextStep')}>
        <input
          value={nextStep}
          data-testid="session-next"
          aria-invalid={err('nextStep') ? 'true' : undefined}
          onInput={(e) => setNextStep(e.currentTarget.value)}
        />
      </Field>
    </Shell>
  );
}

export function ExtendForm({ c, onChanged }: Props) {
  const [days, setDays] = useState('15');
  const [reason, setReason] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const parties = c.parties.filter((p) => p.role !== 'agent');
  const [consentOf, setConsentOf] = useState<string[]>([]);
  const a = useAction(c, onChanged);
  const err = (n: string) => fieldError(a.error, n);
  return (
    <Shell
      title="经双方同意延长期限"
      testId="extend-form"
      submit="延长期限"
      {...a}
      onSubmit={() =>
        void a.run('extend', {
          duration: `P${Number.parseInt(days, 10) || 0}D`,
          reason: reason.trim(),
          consentOf,
          ...(documentNo.trim() ? { documentNo: documentNo.trim() } : {}),
        })
      }
    >
      <Field label="延长天数" required error={err('duration')}>
        <input
          type="number"
          min={1}
          max={90}
          value={days}
          data-testid="extend-days"
          onInput={(e) => setDays(e.currentTarget.value)}
        />
      </Field>
      <fieldset class="med-checks" aria-invalid={err('consentOf') ? 'true' : undefined}>
        <legend>同意延期的当事人</legend>
        {parties.map((p) => (
          <label key={p.id} class="med-check">
            <input
              type="checkbox"
              checked={consentOf.includes(p.id)}
              data-testid={`extend-consent-${p.id}`}
              onChange={(e) =>
                setConsentOf((s) => (e.currentTarget.checked ? [...s, p.id] : s.filter((x) => x !== p.id)))
              }
            />
            {nameOf(PARTY_ROLE_NAMES, p.role)}：{p.name}
          </label>
        ))}
      </fieldset>
      <Field label="延期理由" required error={err('reason')}>
        <input value={reason} data-testid="extend-reason" onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
      <Field label="延期文书编号">
        <input value={documentNo} onInput={(e) => setDocumentNo(e.currentTarget.value)} />
      </Field>
    </Shell>
  );
}

export function AgreementForm({ c, onChanged }: Props) {
  const [documentNo, setDocumentNo] = useState('');
  const [facts, setFacts] = useState(c.summary);
  const [terms, setTerms] = useState('');
  const [amount, setAmount] = useState('');
  const [due, setDue] = useState('');
  const [declined, setDeclined] = useState(false);
  const a = useAction(c, onChanged);
  const err = (n: string) => fieldError(a.error, n);
  const submit = () => {
    const dueMs = fromLocalInput(due);
    void a.run('agreement', {
      documentNo: documentNo.trim(),
      facts: facts.trim(),
      terms: terms
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean),
      amountFen: Math.round((Number.parseFloat(amount) || 0) * 100),
      performanceDueAt: dueMs !== undefined ? toChinaIso(dueMs) : '',
      ...(declined ? { confirmationDeclined: true } : {}),
    });
  };
  return (
    <Shell
      title="达成调解协议（人民调解协议书）"
      testId="agreement-form"
      submit="登记调解协议"
      {...a}
      onSubmit={submit}
    >
      <Field label="协议书编号" required error={err('documentNo')}>
        <input value={documentNo} data-testid="agreement-no" onInput={(e) => setDocumentNo(e.currentTarget.value)} />
      </Field>
      <Field label="纠纷事实" required error={err('facts')}>
        <textarea rows={3} value={facts} onInput={(e) => setFacts(e.currentTarget.value)} />
      </Field>
      <Field label="协议内容" hint="每行一条" required error={err('terms')}>
        <textarea
          rows={3}
          value={terms}
          data-testid="agreement-terms"
          onInput={(e) => setTerms(e.currentTarget.value)}
        />
      </Field>
      <div class="med-grid2">
        <Field label="协议金额（元）" error={err('amountFen')}>
          <input
            inputMode="decimal"
            value={amount}
            data-testid="agreement-amount"
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </Field>
        <Field label="履行期限" required error={err('performanceDueAt')}>
          <input
            type="datetime-local"
            value={due}
            data-testid="agreement-due"
            onInput={(e) => setDue(e.currentTarget.value)}
          />
        </Field>
      </div>
      <label class="med-check">
        <input
          type="checkbox"
          checked={declined}
          data-testid="agreement-confirmation-declined"
          onChange={(e) => setDeclined(e.currentTarget.checked)}
        />
        双方当事人表示不申请司法确认（不计30日申请期限，之后仍可申请）
      </label>
    </Shell>
  );
}

export function FailureForm({ c, onChanged }: Props) {
  const [reason, setReason] = useState('');
  const [routes, setRoutes] = useState<string[]>([]);
  const a = useAction(c, onChanged);
  return (
    <Shell
      title="调解不成"
      testId="failure-form"
      submit="终止调解"
      {...a}
      onSubmit={() => void a.run('failure', { reason: reason.trim(), routesTold: routes })}
    >
      <Field label="终止理由" required error={fieldError(a.error, 'reason')}>
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
      <fieldset class="med-checks">
        <legend>已告知当事人的其他途径（人民调解法第二十六条）</legend>
        {Object.entries(ROUTE_NAMES).map(([code, name]) => (
          <label key={code} class="med-check">
            <input
              type="checkbox"
              checked={routes.includes(code)}
              onChange={(e) => setRoutes((s) => (e.currentTarget.checked ? [...s, code] : s.filter((x) => x !== code)))}
            />
            {name}
          </label>
        ))}
      </fieldset>
    </Shell>
  );
}

export function PerformanceForm({ c, onChanged }: Props) {
  const [honoured, setHonoured] = useState('full');
  const [note, setNote] = useState('');
  const a = useAction(c, onChanged);
  return (
    <Shell
      title="协议履行回访"
      testId="performance-form"
      submit="登记履行情况"
      {...a}
      onSubmit={() => void a.run('performance', { honoured, note: note.trim() })}
    >
      <Field label="履行情况">
        <select
          value={honoured}
          data-testid="performance-honoured"
          onChange={(e) => setHonoured(e.currentTarget.value)}
        >
          {Object.entries(HONOURED_NAMES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="说明" required error={fieldError(a.error, 'note')}>
        <input value={note} data-testid="performance-note" onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
    </Shell>
  );
}

export function CloseForm({ c, onChanged }: Props) {
  const [note, setNote] = useState('');
  const a = useAction(c, onChanged);
  return (
    <Shell
      title="结案"
      testId="close-form"
      submit="结案"
      {...a}
      onSubmit={() => void a.run('close', note.trim() ? { note: note.trim() } : {})}
    >
      <Field label="结案说明">
        <input value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
    </Shell>
  );
}

export function VisitForm({ c, onChanged }: Props) {
  const [note, setNote] = useState('');
  const a = useAction(c, onChanged);
  return (
    <Shell
      title="结案回访"
      testId="visit-form"
      submit="登记回访"
      {...a}
      onSubmit={() => void a.run('visit', { note: note.trim() })}
    >
      <Field label="回访情况" required error={fieldError(a.error, 'note')}>
        <textarea rows={2} value={note} data-testid="visit-note" onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
    </Shell>
  );
}

export function SatisfactionForm({ c, onChanged }: Props) {
  const parties = c.parties.filter((p) => p.role !== 'agent');
  const [partyId, setPartyId] = useState(parties[0]?.id ?? '');
  const [score, setScore] = useState(5);
  const [comment, setComment] = useState('');
  const a = useAction(c, onChanged);
  return (
    <Shell
      title="满意度"
      testId="satisfaction-form"
      submit="登记满意度"
      {...a}
      onSubmit={() => void a.run('satisfaction', { partyId, score, comment: comment.trim(), via: 'call' })}
    >
      <Field label="当事人">
        <select value={partyId} data-testid="satisfaction-party" onChange={(e) => setPartyId(e.currentTarget.value)}>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {nameOf(PARTY_ROLE_NAMES, p.role)}：{p.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset class="med-stars">
        <legend>评分（1～5 分）</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            class={`btn med-touch${n <= score ? ' is-on' : ''}`}
            aria-pressed={n === score}
            data-testid={`satisfaction-score-${n}`}
            onClick={() => setScore(n)}
          >
            {n} 分
          </button>
        ))}
      </fieldset>
      <Field label="意见">
        <textarea
          rows={2}
          value={comment}
          data-testid="satisfaction-comment"
          onInput={(e) => setComment(e.currentTarget.value)}
        />
      </Field>
    </Shell>
  );
}

export function TierForm({ c, onChanged }: Props) {
  const [tier, setTier] = useState(c.tier);
  const [leader, setLeader] = useState(c.responsibleLeader ?? '');
  const a = useAction(c, onChanged);
  return (
    <Shell
      title="分级处置"
      testId="tier-form"
      submit="保存分级"
      {...a}
      onSubmit={() =>
        void a.run('tier', { tier, ...(tier === 'major' && leader.trim() ? { responsibleLeader: leader.trim() } : {}) })
      }
    >
      <Field label="纠纷等级">
        <select value={tier} data-testid="tier-select" onChange={(e) => setTier(e.currentTarget.value)}>
          {Object.entries(TIER_NAMES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      {tier === 'major' && (
        <Field
          label="包案领导账号"
          hint="该领导将收到本案各项期限的预警"
          error={fieldError(a.error, 'responsibleLeader')}
        >
          <input value={leader} data-testid="tier-leader" onInput={(e) => setLeader(e.currentTarget.value)} />
        </Field>
      )}
    </Shell>
  );
}

export function MediatorsForm({ c, onChanged, mediators }: Props & { mediators: { id: string; name: string }[] }) {
  const [ids, setIds] = useState<string[]>(c.mediators.ids);
  const [byParties, setByParties] = useState(c.mediators.chosenByParties);
  const a = useAction(c, onChanged);
  return (
    <Shell
      title="指定调解员"
      testId="mediators-form"
      submit="保存调解员"
      {...a}
      onSubmit={() => void a.run('mediators', { mediatorIds: ids, chosenByParties: byParties })}
    >
      <fieldset class="med-checks" aria-invalid={fieldError(a.error, 'mediatorIds') ? 'true' : undefined}>
        <legend>调解员</legend>
        {mediators.map((m) => (
          <label key={m.id} class="med-check">
            <input
              type="checkbox"
              checked={ids.includes(m.id)}
              onChange={(e) => setIds((s) => (e.currentTarget.checked ? [...s, m.id] : s.filter((x) => x !== m.id)))}
            />
            {m.name}
          </label>
        ))}
      </fieldset>
      <label class="med-check">
        <input type="checkbox" checked={byParties} onChange={(e) => setByParties(e.currentTarget.checked)} />
        由当事人选定
      </label>
    </Shell>
  );
}

export function RiskForm({ c, onChanged }: Props) {
  const [kind, setKind] = useState('civil-to-criminal');
  const [note, setNote] = useState('');
  const a = useAction(c, onChanged);
  return (
    <Shell
      title="报告激化风险（立即通报公安机关）"
      testId="risk-form"
      submit="报告风险"
      {...a}
      onSubmit={() => void a.run('risk', { kind, note: note.trim() })}
    >
      <Field label="风险类型">
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          {Object.entries(RISK_KIND_NAMES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="情况说明" required error={fieldError(a.error, 'note')}>
        <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
    </Shell>
  );
}

const PAUSE_REASONS: Record<string, string> = {
  'parties-agree': '经双方当事人同意中止',
  'awaiting-materials': '等待补充材料',
};

export function PauseForm({ c, onChanged }: Props) {
  const paused = c.clocks.some((k) => k.key === 'limit' && k.status === 'paused');
  const [reason, setReason] = useState('parties-agree');
  const [note, setNote] = useState('');
  const a = useAction(c, onChanged);
  if (paused) {
    return (
      <Shell title="恢复计时" testId="resume-form" submit="恢复计时" {...a} onSubmit={() => void a.run('resume', {})}>
        <p class="muted">调解期限已中止，恢复后继续计算。</p>
      </Shell>
    );
  }
  return (
    <Shell
      title="中止计时"
      testId="pause-form"
      submit="中止计时"
      {...a}
      onSubmit={() => void a.run('pause', { reason, ...(note.trim() ? { note: note.trim() } : {}) })}
    >
      <Field label="中止原因">
        <select value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
          {Object.entries(PAUSE_REASONS).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="说明">
        <input value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
    </Shell>
  );
}
