import { formatSpan, formatBeijingMinute as t } from './beijing-time';
import { MILESTONE_LABELS, type MilestoneKind } from './clock-kinds';
import { levelText, type OpinionLevel } from './levels';

// The incident's history in words, zh first (the board's language) with an English twin. `at` is
// when the entry was written; instants of the facts themselves appear in the text in UTC+8.

export type TimelineType =
  | 'opened'
  | 'clock-started'
  | 'reported-late'
  | 'milestone'
  | 'clock-met'
  | 'clock-breached'
  | 'regraded'
  | 'clock-cancelled'
  | 'closed';

export interface TimelineEntry {
  at: number;
  type: TimelineType;
  text: string;
  textEn: string;
  /** Who acted, where the text begins with their username: a page puts their name in its place. */
  by?: string;
}

interface ClockWords {
  label: string;
  labelEn: string;
  startAt: number;
  dueAt: number;
}

export const timeline = {
  opened(at: number, i: { title: string; level: OpinionLevel; occurredAt: number; discoveredAt: number; by: string }) {
    const l = levelText(i.level);
    return entry(
      at,
      'opened',
      `${i.by} 登记舆情事件“${i.title}”，级别：${l.zh}；发生于 ${t(i.occurredAt)}，发现于 ${t(i.discoveredAt)}`,
      `${i.by} opened incident "${i.title}", ${l.en}; occurred ${t(i.occurredAt)}, discovered ${t(i.discoveredAt)} (UTC+8)`,
      i.by,
    );
  },
  clockStarted(at: number, c: ClockWords) {
    const span = formatSpan(c.dueAt - c.startAt);
    return entry(
      at,
      'clock-started',
      `开始计时：${c.label}，时限 ${span.zh}，自 ${t(c.startAt)} 起算，${t(c.dueAt)} 到期`,
      `Clock started: ${c.labelEn}, ${span.en} from ${t(c.startAt)}, due ${t(c.dueAt)} (UTC+8)`,
    );
  },
  reportedLate(at: number, c: ClockWords, pastDue: boolean) {
    if (pastDue) {
      return entry(
        at,
        'reported-late',
        `登记时${c.label}时限已过（${t(c.dueAt)} 到期），已通知值班人员`,
        `${c.labelEn} was already past due (${t(c.dueAt)} UTC+8) when recorded; on-duty staff alerted`,
      );
    }
    const left = formatSpan(c.dueAt - at);
    return entry(
      at,
      'reported-late',
      `登记时${c.label}距到期仅剩 ${left.zh}，已通知值班人员`,
      `${c.labelEn} is due in ${left.en} at recording; on-duty staff alerted`,
    );
  },
  milestone(
    at: number,
    m: { kind: MilestoneKind; at: number; channel: string; evidenceUrl?: string; documentNo?: string; by: string },
  ) {
    const label = MILESTONE_LABELS[m.kind];
    const evidence = [m.documentNo, m.evidenceUrl].filter((x) => x !== undefined).join('，');
    return entry(
      at,
      'milestone',
      `${m.by} 记录${label.zh}：${t(m.at)} 通过${m.channel}（${evidence}）`,
      `${m.by} recorded ${label.en.toLowerCase()}: ${t(m.at)} UTC+8 via ${m.channel} (${evidence})`,
      m.by,
    );
  },
  clockMet(at: number, c: ClockWords, metAt: number) {
    if (metAt <= c.dueAt) {
      return entry(at, 'clock-met', `${c.label}按时完成`, `${c.labelEn} met on time`);
    }
    const late = formatSpan(metAt - c.dueAt);
    return entry(at, 'clock-met', `${c.label}已完成，超时 ${late.zh}`, `${c.labelEn} met ${late.en} late`);
  },
  clockBreached(at: number, c: ClockWords) {
    return entry(
      at,
      'clock-breached',
      `${c.label}已超时（${t(c.dueAt)} 到期）`,
      `${c.labelEn} breached (due ${t(c.dueAt)} UTC+8)`,
    );
  },
  regraded(at: number, r: { from: OpinionLevel; to: OpinionLevel; reason: string; by: string }) {
    const from = levelText(r.from);
    const to = levelText(r.to);
    return entry(
      at,
      'regraded',
      `${r.by} 调整级别：${from.zh} → ${to.zh}，理由：${r.reason}`,
      `${r.by} regraded: ${from.en} → ${to.en}; reason: ${r.reason}`,
      r.by,
    );
  },
  clockCancelled(at: number, c: ClockWords, why: 'regraded' | 'closed') {
    const zh = why === 'regraded' ? '级别调整' : '事件关闭';
    const en = why === 'regraded' ? 'regraded' : 'incident closed';
    return entry(at, 'clock-cancelled', `取消计时：${c.label}（${zh}）`, `Clock cancelled: ${c.labelEn} (${en})`);
  },
  closed(at: number, c: { reason: string; by: string }) {
    return entry(
      at,
      'closed',
      `${c.by} 关闭事件，理由：${c.reason}`,
      `${c.by} closed the incident; reason: ${c.reason}`,
      c.by,
    );
  },
};

function entry(at: number, type: TimelineType, text: string, textEn: string, by?: string): TimelineEntry {
  return { at, type, text, textEn, ...(by !== undefined ? { by } : {}) };
}
