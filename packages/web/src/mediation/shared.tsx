import type { ComponentChildren } from 'preact';
// Pieces both the hub's board and the mediator's workspace show: the structure's names, a case row, a clock.

import { clockState, lookOf } from '../board/board-model';
import { Countdown } from '../components/Countdown';
import { useLoad } from '../hooks/use-load';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../router';
import { formatDateTime, instant } from '../time/china-time';
import type { CaseClock, CaseSummary, Structure } from './mediation-api';
import { mediationApi } from './mediation-api';
import {
  CLOCK_STATUS_NAMES,
  DISPUTE_TYPE_NAMES,
  nameOf,
  POLICY_NAMES,
  RISK_NAMES,
  SOURCE_NAMES,
  STATUS_NAMES,
  TIER_NAMES,
} from './words';

export interface Names {
  organisation: (id: string | undefined) => string;
  region: (code: string) => string;
  /** A person named by account: the mediator's name when the structure has it; an account is never printed. */
  person: (username: string) => string;
  structure?: Structure['structure'];
}

/** Organisation and locality names from the structure (the hub and mediators may read it). */
export function useNames(): Names {
  const s = useLoad(() => mediationApi.structure(), 'mediation-structure');
  const st = s.data?.structure;
  return {
    ...(st ? { structure: st } : {}),
    organisation: (id) => (id ? (st?.organisations.find((o) => o.id === id)?.name ?? '—') : '—'),
    person: (username) =>
      st?.organisations.flatMap((o) => o.mediators).find((m) => m.username === username)?.name ?? '已指定',
    region: (code) => {
      const regions = st?.regions ?? [];
      // The most precise region the code falls in: a village within its town, a town within its district.
      const hit = regions.filter((r) => code.startsWith(r.code)).sort((a, b) => b.code.length - a.code.length)[0];
      return hit?.name ?? code;
    },
  };
}

export function RiskTag({ risk }: { risk: string }) {
  return (
    <span class={`med-risk med-risk-${risk}`} data-testid="case-risk" data-risk={risk}>
      {risk === 'high' ? '▲ ' : ''}风险{nameOf(RISK_NAMES, risk)}
    </span>
  );
}

export function CaseTable({
  items,
  names,
  extra,
  testId,
}: {
  items: CaseSummary[];
  names: Names;
  extra?: { head: string; cell: (c: CaseSummary) => ComponentChildren };
  testId: string;
}) {
  if (items.length === 0)
    return (
      <p class="muted" data-testid={`${testId}-empty`}>
        暂无案件
      </p>
    );
  return (
    <div class="table-wrap">
      <table class="table med-table" data-testid={testId}>
        <thead>
          <tr>
            <th>案件</th>
            <th>纠纷类型</th>
            <th>来源</th>
            <th>属地</th>
            <th>受理时间</th>
            <th>风险</th>
            <th>状态</th>
            {extra && <th>{extra.head}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-testid="case-row" data-case={c.id}>
              <td>
                <a class="med-open" href={hrefOf({ name: 'mediation-case', id: c.id })} data-testid="case-open">
                  {c.title}
                </a>
                {c.tier !== 'ordinary' && <span class="med-tier">{nameOf(TIER_NAMES, c.tier)}</span>}
              </td>
              <td data-testid="case-type">{nameOf(DISPUTE_TYPE_NAMES, c.disputeType)}</td>
              <td data-testid="case-source">{nameOf(SOURCE_NAMES, c.source)}</td>
              <td data-testid="case-region">{names.region(c.regionCode)}</td>
              <td>{formatDateTime(instant(c.receivedAt))}</td>
              <td>
                <RiskTag risk={c.risk} />
              </td>
              <td>
                {nameOf(STATUS_NAMES, c.status)}
                {c.organisationId && <div class="muted">{names.organisation(c.organisationId)}</div>}
              </td>
              {extra && <td data-testid="case-extra">{extra.cell(c)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ClockTile({ clock, now }: { clock: CaseClock; now: number }) {
  return (
    <article
      class={`card clock-card look-${lookOf(clockState(clock, now))}`}
      data-testid="case-clock"
      data-key={clock.key}
      data-status={clock.status}
      data-due={clock.dueAt}
    >
      <h3 class="clock-label">{clock.label}</h3>
      <p class="muted med-policy" data-testid="case-clock-policy">
        {nameOf(POLICY_NAMES, clock.policyId)} · {nameOf(CLOCK_STATUS_NAMES, clock.status)}
      </p>
      <Countdown clock={clock} now={now} size="small" />
      <p class="muted">
        到期：{formatDateTime(instant(clock.dueAt))}
        {clock.provisional ? '（节假日安排未公布，暂按周末计算）' : ''}
        {clock.extensions > 0 ? ` · 已延长 ${clock.extensions} 次` : ''}
        {clock.pauses > 0 ? ` · 中止 ${clock.pauses} 次` : ''}
      </p>
    </article>
  );
}

/** The mediation pages are written in Chinese first; an English reader is told so rather than left guessing. */
export function ChineseOnlyNote() {
  const { lang } = useI18n();
  if (lang !== 'en') return null;
  return (
    <p class="notice notice-info" data-testid="mediation-zh-only">
      The mediation pages are in Chinese only for now; codes and labels follow the national mediation statistics.
    </p>
  );
}
