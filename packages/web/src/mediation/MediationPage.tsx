// 调解工作台: the hub dispatcher's board (intake, returned, overdue, leaders' cases, and the folded
// 调解协议书模板 editor) or, for a mediator, their organisation's cases with their clocks; its head
// also sees 本组织概况.
import { useState } from 'preact/hooks';
import { hasRole, type Session } from '../auth/session';
import { Countdown } from '../components/Countdown';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLoad } from '../hooks/use-load';
import { useServerNow } from '../hooks/use-now';
import { usePoll } from '../hooks/use-poll';
import { AgreementTemplateEditor } from './AgreementTemplateEditor';
import { nextClock } from './clock-pick';
import { type CaseClock, type CaseSummary, mediationApi } from './mediation-api';
import { OrganisationOverview } from './OrganisationOverview';
import { CaseTable, ChineseOnlyNote, useNames } from './shared';
import { CLOCK_STATUS_NAMES, nameOf, POLICY_NAMES, TIER_NAMES } from './words';
import './mediation.css';

export const isHub = (session: Session) => hasRole(session, 'mediation-hub', 'admin');

type Tab = 'intake' | 'returned' | 'overdue' | 'leader';
const TABS: { id: Tab; label: string }[] = [
  { id: 'intake', label: '待分派' },
  { id: 'returned', label: '被退回' },
  { id: 'overdue', label: '已超期' },
  { id: 'leader', label: '领导包案' },
];

/** Open cases a responsible leader answers for (major disputes), from the status queues. */
async function leaderCases(): Promise<{ items: CaseSummary[] }> {
  const open = ['queued', 'dispatched', 'accepted', 'mediating'];
  const lists = await Promise.all(open.map((status) => mediationApi.queue('status', { status })));
  return { items: lists.flatMap((l) => l.items).filter((c) => c.tier === 'major' || c.responsibleLeader) };
}

/** A returned case's row says why it came back: the reason of its last dispatch's answer. */
async function returnedWithReasons(): Promise<{ items: CaseSummary[]; reasons: Record<string, string> }> {
  const { items } = await mediationApi.queue('returned');
  const reasons: Record<string, string> = {};
  await Promise.all(
    items.map(async (c) => {
      const full = await mediationApi.case(c.id);
      const last = full.dispatches.at(-1);
      reasons[c.id] = `${last?.answer?.reason ?? '未说明理由'}`;
    }),
  );
  return { items, reasons };
}

function HubBoard() {
  const [tab, setTab] = useState<Tab>('intake');
  const names = useNames();
  const load = useLoad<{ items: CaseSummary[]; reasons?: Record<string, string> }>(
    () => (tab === 'returned' ? returnedWithReasons() : tab === 'leader' ? leaderCases() : mediationApi.queue(tab)),
    `mediation-queue:${tab}`,
  );
  // How many wait in each queue, so the dispatcher sees returned and overdue cases without opening them.
  const counts = useLoad(async () => {
    const queues = ['intake', 'returned', 'overdue'] as const;
    const lists = await Promise.all(queues.map((q) => mediationApi.queue(q)));
    return Object.fromEntries(queues.map((q, i) => [q, lists[i]!.items.length])) as Partial<Record<Tab, number>>;
  }, 'mediation-queue-counts');
  usePoll(
    async () => {
      await Promise.all([load.reload(), counts.reload()]);
    },
    15_000,
    60_000,
  );
  const reasons = load.data?.reasons;
  return (
    <div class="page med-page" data-testid="mediation-hub">
      <ChineseOnlyNote />
      <div class="page-head">
        <h1>调处中心调度台</h1>
        <span class="muted">{names.structure?.hub.name}</span>
      </div>
      <div class="med-tabs" role="tablist" aria-label="案件队列">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            class="btn med-touch med-tab"
            aria-selected={tab === t.id}
            data-testid={`queue-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {tab === t.id && load.data
              ? `（${load.data.items.length}）`
              : counts.data?.[t.id] !== undefined
                ? `（${counts.data[t.id]}）`
                : ''}
          </button>
        ))}
      </div>
      {load.error !== undefined && <ErrorNotice error={load.error} context="无法载入案件队列" />}
      {load.data ? (
        <CaseTable
          items={load.data.items}
          names={names}
          testId={`queue-table-${tab}`}
          {...(tab === 'returned' && reasons
            ? { extra: { head: '退回理由', cell: (c: CaseSummary) => reasons[c.id] ?? '' } }
            : tab === 'leader'
              ? {
                  extra: {
                    head: '包案领导',
                    cell: (c: CaseSummary) =>
                      `${c.responsibleLeader ? (c.responsibleLeaderName ?? names.person(c.responsibleLeader)) : '未指定'}（${nameOf(TIER_NAMES, c.tier)}）`,
                  },
                }
              : {})}
        />
      ) : (
        load.error === undefined && <p>正在载入…</p>
      )}
      <AgreementTemplateEditor />
    </div>
  );
}

/** The organisation's cases, each with its clocks (the queue's summaries carry none). */
async function organisationCases(): Promise<{
  items: CaseSummary[];
  clocks: Record<string, CaseClock[]>;
  mediators: Record<string, string[]>;
}> {
  const { items } = await mediationApi.queue('organisation');
  const clocks: Record<string, CaseClock[]> = {};
  const mediators: Record<string, string[]> = {};
  await Promise.all(
    items.map(async (c) => {
      const full = await mediationApi.case(c.id);
      clocks[c.id] = full.clocks;
      mediators[c.id] = full.mediators.ids;
    }),
  );
  return { items, clocks, mediators };
}

function ClockCell({ clocks, now }: { clocks: readonly CaseClock[] | undefined; now: number }) {
  const k = nextClock(clocks ?? []);
  if (!k) return <span class="muted">无进行中的期限</span>;
  return (
    <div data-testid="case-next-clock" data-key={k.key}>
      <div>{k.label}</div>
      <div class="muted med-policy">
        {nameOf(POLICY_NAMES, k.policyId)} · {nameOf(CLOCK_STATUS_NAMES, k.status)}
      </div>
      <Countdown clock={k} now={now} size="small" />
    </div>
  );
}

function Workspace({ session }: { session: Session }) {
  const names = useNames();
  const now = useServerNow();
  const org = names.structure?.organisations.find((o) => o.mediators.some((m) => m.username === session.user.username));
  const head = org?.mediators.some((m) => m.username === session.user.username && m.head) ?? false;
  const load = useLoad(() => organisationCases(), 'mediation-queue:organisation');
  const clockColumn = {
    head: '期限与调解员',
    cell: (c: CaseSummary) => {
      const assigned = (load.data?.mediators[c.id] ?? []).map(
        (id) => org?.mediators.find((m) => m.id === id)?.name ?? '—',
      );
      return (
        <>
          <ClockCell clocks={load.data?.clocks[c.id]} now={now} />
          <div class="muted" data-testid="case-mediators">
            调解员：{assigned.length > 0 ? assigned.join('、') : '未指定'}
          </div>
        </>
      );
    },
  };
  usePoll(() => load.reload(), 15_000, 60_000);
  const items = load.data?.items ?? [];
  const waiting = items.filter((c) => c.status === 'dispatched');
  const working = items.filter((c) => c.status !== 'dispatched');
  return (
    <div class="page med-page" data-testid="mediation-workspace">
      <ChineseOnlyNote />
      <div class="page-head">
        <h1>调解员工作台</h1>
        <span class="muted" data-testid="workspace-org">
          {org?.name ?? ''}
        </span>
      </div>
      {load.error !== undefined && <ErrorNotice error={load.error} context="无法载入本组织的案件" />}
      {load.data ? (
        <>
          <section>
            <h2>待接收（{waiting.length}）</h2>
            <CaseTable items={waiting} names={names} extra={clockColumn} testId="workspace-waiting" />
          </section>
          <section>
            <h2>本组织案件（{working.length}）</h2>
            <CaseTable items={working} names={names} extra={clockColumn} testId="workspace-cases" />
          </section>
          {org && head && <OrganisationOverview org={org} workload={load.data} />}
        </>
      ) : (
        load.error === undefined && <p>正在载入…</p>
      )}
    </div>
  );
}

export function MediationPage({ session }: { session: Session }) {
  return isHub(session) ? <HubBoard /> : <Workspace session={session} />;
}
