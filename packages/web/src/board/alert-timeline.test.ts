import { describe, expect, it } from 'vitest';
import type { CaseAlertEntry } from '../api/types';
import { i18nFor } from '../i18n/i18n';
import { alertLine, mergeTimeline, namedText } from './alert-timeline';

const zh = i18nFor('zh-CN');
const entry = (over: Partial<CaseAlertEntry>): CaseAlertEntry => ({
  at: '2026-11-22T09:00:00+08:00',
  kind: 'raised',
  alertId: 'a1',
  clockId: 'c1',
  clockKind: 'release',
  label: '发布权威信息',
  reason: 'breach',
  dueAt: '2026-11-22T09:00:00+08:00',
  ...over,
});

describe('alertLine', () => {
  it('says each step of an alert in Chinese, with the names people know', () => {
    // Prepare
    const names: Record<string, string> = { 'propaganda.leader': '王志强' };
    const name = (u: string) => names[u] ?? u;
    // Act
    const lines = [
      entry({ kind: 'escalated', level: 'leader', from: 'officer', recipients: ['propaganda.leader'] }),
      entry({
        kind: 'notified',
        channel: 'sns',
        outcome: 'failed',
        error: 'TimeoutError',
        recipients: ['propaganda.leader'],
      }),
      entry({ kind: 'resolved', resolution: 'superseded' }),
    ].map((e) => alertLine(e, zh.t, zh.kindLabel, name).text);
    // Assess
    expect(lines).toEqual([
      '发布权威信息警报在确认时限内无人确认，升级至带班领导 王志强',
      '短信/邮件通知 王志强：发送失败（TimeoutError），将重试',
      '发布权威信息警报结束：由更紧急的警报接替',
    ]);
    for (const line of lines) expect(line).not.toMatch(/[a-z]{4,}\./);
  });
});

describe('mergeTimeline', () => {
  it('puts incident and alert entries in one time order', () => {
    const merged = mergeTimeline(
      [{ at: '2026-11-22T08:00:00+08:00', type: 'opened', text: '登记', textEn: 'Opened' }],
      [alertLine(entry({ at: '2026-11-22T07:59:00+08:00' }), zh.t, zh.kindLabel)],
      zh.pick,
    );
    expect(merged.map((l) => l.source)).toEqual(['alert', 'incident']);
  });
});

describe('namedText', () => {
  it('puts the actor’s name where the entry begins with their username, and leaves other text alone', () => {
    // Prepare
    const name = (u: string) => ({ 'propaganda.duty': '林慧敏' })[u] ?? u;
    // Act
    const named = namedText('propaganda.duty 记录权威发布：…', 'propaganda.duty', name);
    const elsewhere = namedText('开始计时：权威发布 propaganda.duty', 'propaganda.duty', name);
    const unnamed = namedText('权威发布按时完成', undefined, name);
    const prefixOnly = namedText('propaganda.dutyx 记录', 'propaganda.duty', name);
    // Assess
    expect(named).toBe('林慧敏 记录权威发布：…');
    expect(elsewhere).toBe('开始计时：权威发布 propaganda.duty');
    expect(unnamed).toBe('权威发布按时完成');
    expect(prefixOnly).toBe('propaganda.dutyx 记录');
  });

  it('names the actors of the incident’s own entries in the merged timeline', () => {
    const merged = mergeTimeline(
      [
        {
          at: '2026-11-22T08:00:00+08:00',
          type: 'opened',
          text: 'propaganda.duty 登记舆情事件',
          textEn: '',
          by: 'propaganda.duty',
        },
      ],
      [],
      zh.pick,
      (u) => (u === 'propaganda.duty' ? '林慧敏' : u),
    );
    expect(merged[0]?.text).toBe('林慧敏 登记舆情事件');
  });
});
