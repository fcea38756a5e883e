import type { CaseAlertEntry, TimelineEntry } from '../api/types';
import { isMessageKey, type Translate } from '../i18n/i18n';

/** One line of an incident's timeline, from the incident itself or from its alerts. */
export interface TimelineLine {
  at: string;
  source: 'incident' | 'alert';
  kind: string;
  text: string;
  /** For notifications: how it went, so a failure stands out. */
  outcome?: CaseAlertEntry['outcome'];
}

const word = (t: Translate, key: string, fallback: string, params?: Record<string, string>): string =>
  isMessageKey(key) ? t(key, params) : fallback;

/** An alert entry in the page's words; `name` turns a username into the name people know. */
export function alertLine(
  e: CaseAlertEntry,
  t: Translate,
  kindLabel: (kind: string, zh: string) => string,
  name: (u: string) => string = (u) => u,
): TimelineLine {
  const label = kindLabel(e.clockKind, e.label);
  const who = (e.recipients ?? []).map(name).join('、') || '—';
  const level = e.level ? t(`alert.level.${e.level}`) : '';
  const text = (() => {
    switch (e.kind) {
      case 'raised':
        return t('history.raised', { label, reason: t(`history.reason.${e.reason}`), level, who });
      case 'escalated':
        return t('history.escalated', { label, level, who });
      case 'reminded':
        return t('history.reminded', { label });
      case 'acknowledged':
        return t('history.acknowledged', { label, who: e.by ? name(e.by) : '—' });
      case 'resolved':
        return t('history.resolved', {
          label,
          why: word(t, `history.resolution.${e.resolution}`, e.resolution ?? '—'),
        });
      case 'notified':
        return t('history.notified', {
          channel: word(t, `history.channel.${e.channel}`, e.channel ?? '—'),
          who,
          outcome: word(t, `history.outcome.${e.outcome}`, e.outcome ?? '—', { error: e.error ?? '—' }),
        });
    }
  })();
  return { at: e.at, source: 'alert', kind: e.kind, text, ...(e.outcome ? { outcome: e.outcome } : {}) };
}

/**
 * An incident entry's text with the actor's name in place of their username. The domain writes an
 * actor's entry as "<username> <what they did>" (its words are stored, so old entries keep them).
 */
export function namedText(text: string, by: string | undefined, name: (u: string) => string): string {
  return by !== undefined && text.startsWith(`${by} `) ? `${name(by)} ${text.slice(by.length + 1)}` : text;
}

/** The incident's own entries and its alerts' entries in one list, oldest first. */
export function mergeTimeline(
  incident: readonly TimelineEntry[],
  alerts: readonly TimelineLine[],
  pick: (zh: string, en: string | undefined) => string,
  name: (u: string) => string = (u) => u,
): TimelineLine[] {
  const own: TimelineLine[] = incident.map((e) => ({
    at: e.at,
    source: 'incident',
    kind: e.type,
    text: namedText(pick(e.text, e.textEn), e.by, name),
  }));
  return [...own, ...alerts].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
