// One mediation case: its facts, parties, clocks and the timeline of every step; for the hub the
// suggested organisations with their reasons and the dispatch; for the organisation the steps of
// the work, offered as the case's status allows them.
import { useState } from 'preact/hooks';
import type { Session } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLoad } from '../hooks/use-load';
import { useServerNow } from '../hooks/use-now';
import { usePoll } from '../hooks/use-poll';
import { hrefOf } from '../router';
import { formatDateTime, instant } from '../time/china-time';
import { AgreementPrint } from './AgreementPrint';
import {
  AgreementForm,
  AnswerForm,
  CloseForm,
  ConsentForm,
  ExtendForm,
  FailureForm,
  MediatorsForm,
  PauseForm,
  PerformanceForm,
  RiskForm,
  SatisfactionForm,
  SessionForm,
  TierForm,
  VisitForm,
} from './forms';
import { isHub } from './MediationPage';
import { type MediationCase, mediationApi } from './mediation-api';
import { ChineseOnlyNote, ClockTile, type Names, RiskTag, useNames } from './shared';
import {
  CONSENT_VIA_NAMES,
  DISPUTE_TYPE_NAMES,
  EVENT_NAMES,
  HONOURED_NAMES,
  nameOf,
  PARTY_ROLE_NAMES,
  ROUTE_NAMES,
  SOURCE_NAMES,
  STATUS_NAMES,
  TIER_NAMES,
  yuan,
} from './words';
import './mediation.css';

function DispatchPanel({
  c,
  names,
  onChanged,
}: {
  c: MediationCase;
  names: Names;
  onChanged: (c: MediationCase) => void;
}) {
  const suggestions = useLoad(() => mediationApi.suggestions(c.id), `mediation-suggestions:${c.id}:${c.version}`);
  const [chosen, setChosen] = useState<string>();
  const [joint, setJoint] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const top = suggestions.data?.items[0]?.organisationId;
  const target = chosen ?? top ?? '';
  const returnedBy = new Set(c.dispatches.filter((d) => d.answer?.accepted === false).map((d) => d.organisationId));
  const orgs = (names.structure?.organisations ?? []).filter((o) => o.active && !returnedBy.has(o.id));
  const dispatch = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(
        await mediationApi.act(c.id, 'dispatch', {
          organisationId: target,
          ...(joint.length ? { jointWith: joint } : {}),
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card med-form" data-testid="dispatch-panel" aria-labelledby="med-dispatch">
      <h2 id="med-dispatch">分派调解组织</h2>
      {suggestions.error !== undefined && <ErrorNotice error={suggestions.error} context="无法载入推荐" />}
      <ol class="med-suggestions" data-testid="suggestions">
        {(suggestions.data?.items ?? []).map((s, i) => (
          <li key={s.organisationId} data-testid="suggestion" data-org={s.organisationId}>
            <label class="med-choice">
              <input
                type="radio"
                name="dispatch-org"
                checked={target === s.organisationId}
                onChange={() => setChosen(s.organisationId)}
              />
              <span>
                <strong>{s.name}</strong>
                {i === 0 && <span class="med-tier">首选推荐</span>}
                <span class="muted med-reason" data-testid="suggestion-reason">
                  {s.reason}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ol>
      {suggestions.data && suggestions.data.items.length === 0 && (
        <p class="muted">没有可推荐的调解组织，请手动选择。</p>
      )}
      <label class="field">
        <span class="field-label">分派给</span>
        <select value={target} data-testid="dispatch-org" onChange={(e) => setChosen(e.currentTarget.value)}>
          <option value="">请选择</option>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <details>
        <summary class="med-touch">联合调解（可选）</summary>
        <fieldset class="med-checks">
          <legend>会同以下组织联合调解，由调处中心牵头</legend>
          {orgs
            .filter((o) => o.id !== target)
            .map((o) => (
              <label key={o.id} class="med-check">
                <input
                  type="checkbox"
                  checked={joint.includes(o.id)}
                  data-testid={`joint-${o.id}`}
                  onChange={(e) =>
                    setJoint((s) => (e.currentTarget.checked ? [...s, o.id] : s.filter((x) => x !== o.id)))
                  }
                />
                {o.name}
              </label>
            ))}
        </fieldset>
      </details>
      {error !== undefined && <ErrorNotice error={error} testId="dispatch-error" />}
      <button
        type="button"
        class="btn btn-primary med-touch"
        disabled={busy || !target}
        data-testid="dispatch-submit"
        onClick={() => void dispatch()}
      >
        {busy ? '正在分派…' : '分派'}
      </button>
    </section>
  );
}

function Facts({ c, names }: { c: MediationCase; names: Names }) {
  const last = c.dispatches.at(-1);
  return (
    <dl class="facts" data-testid="case-facts">
      <div>
        <dt>纠纷类型</dt>
        <dd>{nameOf(DISPUTE_TYPE_NAMES, c.disputeType)}</dd>
      </div>
      <div>
        <dt>案件来源</dt>
        <dd>
          {nameOf(SOURCE_NAMES, c.source)}
          {c.referral && <div class="muted">{c.referral.referenceNo}</div>}
        </dd>
      </div>
      <div>
        <dt>属地</dt>
        <dd>{names.region(c.regionCode)}</dd>
      </div>
      <div>
        <dt>受理时间</dt>
        <dd>{formatDateTime(instant(c.receivedAt))}</dd>
      </div>
      <div>
        <dt>争议金额</dt>
        <dd>{yuan(c.amountFen)}</dd>
      </div>
      <div>
        <dt>涉及人数</dt>
        <dd>{c.peopleInvolved} 人</dd>
      </div>
      <div>
        <dt>分级处置</dt>
        <dd>
          {nameOf(TIER_NAMES, c.tier)}
          {c.responsibleLeader && (
            <div class="muted" data-testid="case-leader">
              包案领导：{c.responsibleLeaderName ?? names.person(c.responsibleLeader)}
            </div>
          )}
        </dd>
      </div>
      <div>
        <dt>承办组织</dt>
        <dd data-testid="case-organisation">
          {names.organisation(c.organisationId ?? last?.organisationId)}
          {last && last.jointWith.length > 0 && (
            <div class="muted">联合调解：{last.jointWith.map((id) => names.organisation(id)).join('、')}</div>
          )}
        </dd>
      </div>
      {c.returned && last?.answer && (
        <div class="facts-wide">
          <dt>退回理由</dt>
          <dd data-testid="case-return-reason">
            {names.organisation(last.organisationId)}：{last.answer.reason ?? '未说明理由'}
          </dd>
        </div>
      )}
      <div class="facts-wide">
        <dt>纠纷简要情况</dt>
        <dd class="prewrap">{c.summary}</dd>
      </div>
    </dl>
  );
}

function Parties({ c }: { c: MediationCase }) {
  return (
    <table class="table med-table" data-testid="case-parties">
      <thead>
        <tr>
          <th>身份</th>
          <th>姓名或名称</th>
          <th>证件号码</th>
          <th>电话</th>
          <th>是否同意调解</th>
        </tr>
      </thead>
      <tbody>
        {c.parties.map((p) => {
          const consent = [...c.consents].reverse().find((x) => x.partyId === p.id);
          return (
            <tr key={p.id} data-testid="party-row" data-party={p.id}>
              <td>{nameOf(PARTY_ROLE_NAMES, p.role)}</td>
              <td>{p.name}</td>
              <td>{p.idNumber ?? '—'}</td>
              <td>{p.phone ?? '—'}</td>
              <td data-testid="party-consent">
                {p.role === 'agent'
                  ? '—'
                  : consent
                    ? `${consent.given ? '同意' : '不同意'}（${nameOf(CONSENT_VIA_NAMES, consent.via)}）`
                    : '尚未表示'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Outcome({ c, names }: { c: MediationCase; names: Names }) {
  return (
    <>
      {c.sessions.length > 0 && (
        <section>
          <h2>调解记录</h2>
          <ul class="plain-list" data-testid="case-sessions">
            {c.sessions.map((s, i) => (
              <li key={`${s.at}:${i}`} class="card">
                <strong>{formatDateTime(instant(s.at))}</strong> · {s.place}
                {s.participants.length > 0 && <div class="muted">参加人员：{s.participants.join('、')}</div>}
                <p class="prewrap">{s.summary}</p>
                <p>下一步：{s.nextStep}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {c.agreement && (
        <section class="card" data-testid="case-agreement">
          <h2>调解协议 {c.agreement.documentNo}</h2>
          <ol>
            {c.agreement.terms.map((t, i) => (
              <li key={`${i}:${t}`}>{t}</li>
            ))}
          </ol>
          <p>
            协议金额：{yuan(c.agreement.amountFen)} · 履行期限：{formatDateTime(instant(c.agreement.performanceDueAt))}
          </p>
          <AgreementPrint c={c} organisation={names.organisation(c.organisationId)} />
        </section>
      )}
      {c.failure && (
        <p class="notice notice-info">
          调解不成：{c.failure.reason}；已告知：
          {c.failure.routesTold.map((r) => nameOf(ROUTE_NAMES, r)).join('、') || '—'}
        </p>
      )}
      {c.performance && (
        <p class="notice notice-info">
          履行情况：{nameOf(HONOURED_NAMES, c.performance.honoured)}，{c.performance.note}
        </p>
      )}
      {c.satisfaction.length > 0 && (
        <ul class="plain-list">
          {c.satisfaction.map((s) => (
            <li key={`${s.partyId}:${s.at}`}>
              满意度：{c.parties.find((p) => p.id === s.partyId)?.name ?? '—'} {s.score} 分 {s.comment}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function WorkForms({
  c,
  hub,
  names,
  onChanged,
}: {
  c: MediationCase;
  hub: boolean;
  names: Names;
  onChanged: (c: MediationCase) => void;
}) {
  const p = { c, onChanged };
  const mediators = names.structure?.organisations.find((o) => o.id === c.organisationId)?.mediators ?? [];
  const s = c.status;
  const working = s === 'accepted' || s === 'mediating';
  return (
    <div class="med-forms" data-testid="work-forms">
      {s === 'dispatched' && !hub && <AnswerForm {...p} />}
      {(working || s === 'dispatched' || s === 'queued') && <ConsentForm {...p} />}
      {working && <SessionForm {...p} />}
      {working && mediators.length > 0 && <MediatorsForm {...p} mediators={mediators} />}
      {working && <ExtendForm {...p} />}
      {working && <PauseForm {...p} />}
      {s === 'mediating' && <AgreementForm {...p} />}
      {working && <FailureForm {...p} />}
      {(s === 'agreed' || (s === 'closed' && c.agreement && !c.performance)) && <PerformanceForm {...p} />}
      {(s === 'agreed' || s === 'failed') && <CloseForm {...p} />}
      {s === 'closed' && !c.visit && <VisitForm {...p} />}
      {(s === 'agreed' || s === 'failed' || s === 'closed') && <SatisfactionForm {...p} />}
      {hub && s !== 'closed' && s !== 'agreed' && s !== 'failed' && <TierForm {...p} />}
      {s !== 'closed' && <RiskForm {...p} />}
    </div>
  );
}

export function MediationCasePage({ id, session }: { id: string; session: Session }) {
  const now = useServerNow();
  const names = useNames();
  const load = useLoad(() => mediationApi.case(id), `mediation-case:${id}`);
  usePoll(
    async () => {
      try {
        const next = await mediationApi.case(id);
        if (!load.data || next.version >= load.data.version) load.set(next);
      } catch {
        // The first load shows errors; a failed background refresh keeps what is on screen.
      }
    },
    10_000,
    60_000,
  );
  const c = load.data;
  const back = (
    <p>
      <a href={hrefOf({ name: 'mediation' })} class="med-touch-link">
        ← 返回案件列表
      </a>
    </p>
  );
  if (!c) {
    return (
      <div class="page med-page">
        {back}
        {load.error !== undefined ? <ErrorNotice error={load.error} /> : <p>正在载入…</p>}
      </div>
    );
  }
  const hub = isHub(session);
  return (
    <div class="page med-page" data-testid="mediation-case" data-status={c.status}>
      <ChineseOnlyNote />
      {back}
      <div class="page-head">
        <h1 data-testid="case-heading">{c.title}</h1>
        <span class={`status-tag med-status-${c.status}`} data-testid="case-status">
          {nameOf(STATUS_NAMES, c.status)}
        </span>
        <RiskTag risk={c.risk} />
        {c.overdue && <span class="med-risk med-risk-high">已超期</span>}
      </div>
      <Facts c={c} names={names} />
      <section aria-labelledby="med-clocks">
        <h2 id="med-clocks">期限</h2>
        {c.clocks.length === 0 ? (
          <p class="muted">暂无计时</p>
        ) : (
          <div class="clock-grid">
            {c.clocks.map((k) => (
              <ClockTile key={k.id} clock={k} now={now} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="med-parties">
        <h2 id="med-parties">当事人</h2>
        <div class="table-wrap">
          <Parties c={c} />
        </div>
      </section>
      <div class="med-two">
        <div>
          {hub && c.status === 'queued' && <DispatchPanel c={c} names={names} onChanged={load.set} />}
          <WorkForms c={c} hub={hub} names={names} onChanged={load.set} />
          <Outcome c={c} names={names} />
        </div>
        <section aria-labelledby="med-timeline">
          <h2 id="med-timeline">办理过程</h2>
          <ol class="timeline" data-testid="case-timeline">
            {c.timeline.map((t, i) => (
              <li key={`${t.at}:${t.what}:${i}`} data-testid="timeline-entry" data-what={t.what}>
                <time dateTime={t.at}>{formatDateTime(instant(t.at))}</time>
                <span class="timeline-tag">{nameOf(EVENT_NAMES, t.what)}</span>
                {t.note && <span>{t.note}</span>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
