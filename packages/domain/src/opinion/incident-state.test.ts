import { describe, expect, it } from 'vitest';
import {
  closeIncident,
  currentClocks,
  openIncident,
  recordClockBreach,
  recordMilestone,
  regradeIncident,
} from './incident-state';
import { deps, HOUR, incident, MIN, NOW } from './test-fixtures';

const evidence = {
  channel: '市政府门户网站',
  evidenceUrl: 'https://www.example.gov.cn/xw/1.html',
  by: 'propaganda.duty',
};

describe('openIncident', () => {
  it('starts release (5 h) and press conference (24 h) from the occurrence for a level Ⅱ incident', () => {
    // Prepare
    const input = incident({ level: 'II', occurredAt: NOW - 3 * HOUR });
    // Act
    const { state, clocksToStart, events } = openIncident(input, NOW, deps());
    // Assess
    expect(clocksToStart).toEqual([
      {
        clockId: 'clk-1',
        kind: 'release',
        policyId: 'opinion.release',
        startAt: NOW - 3 * HOUR,
        dueAt: NOW + 2 * HOUR,
      },
      {
        clockId: 'clk-2',
        kind: 'press-conference',
        policyId: 'opinion.press-conference',
        startAt: NOW - 3 * HOUR,
        dueAt: NOW + 21 * HOUR,
      },
    ]);
    expect(state).toMatchObject({ status: 'open', version: 1, createdAt: NOW });
    expect(events.map((e) => e.type)).toEqual(['OpinionIncident.Opened']);
  });

  it('starts timely release for Ⅲ and Ⅳ, and the hot-topic response from discovery', () => {
    // Act
    const three = openIncident(incident({ level: 'III' }), NOW, deps()).clocksToStart;
    const hot = openIncident(incident({ level: 'hot' }), NOW, deps()).clocksToStart;
    // Assess
    expect(three.map((c) => [c.kind, c.policyId])).toEqual([['timely-release', 'opinion.timely-release']]);
    expect(hot).toEqual([
      expect.objectContaining({ kind: 'response', startAt: NOW - 30 * MIN, dueAt: NOW + 47 * HOUR + 30 * MIN }),
    ]);
  });

  it('reports a clock already in its warning period or past due, so the service alerts at once', () => {
    // Act
    const nearDue = openIncident(incident({ occurredAt: NOW - 4 * HOUR - 50 * MIN }), NOW, deps());
    const pastDue = openIncident(incident({ occurredAt: NOW - 6 * HOUR, discoveredAt: NOW - HOUR }), NOW, deps());
    const fresh = openIncident(incident({ occurredAt: NOW - HOUR, discoveredAt: NOW }), NOW, deps());
    // Assess
    expect(nearDue.reportedLate).toEqual([
      {
        clockId: 'clk-1',
        kind: 'release',
        policyId: 'opinion.release',
        dueAt: NOW + 10 * MIN,
        reason: 'warning',
        warning: 'PT30M',
      },
    ]);
    expect(pastDue.reportedLate.map((l) => [l.kind, l.reason])).toEqual([['release', 'breach']]);
    expect(fresh.reportedLate).toEqual([]);
    expect(nearDue.state.timeline.map((t) => t.type)).toEqual([
      'opened',
      'clock-started',
      'clock-started',
      'reported-late',
    ]);
    expect(nearDue.state.timeline[3]?.text).toBe('登记时权威发布距到期仅剩 10分钟，已通知值班人员');
  });

  it('refuses discovery before occurrence, discovery in the future and empty titles', () => {
    // Act / Assess
    for (const bad of [
      incident({ discoveredAt: NOW - 5 * HOUR }), // before the occurrence
      incident({ discoveredAt: NOW + 6 * MIN }),
      incident({ title: '   ' }),
      incident({ summary: 'x'.repeat(5001) }),
    ]) {
      expect(() => openIncident(bad, NOW, deps())).toThrow(expect.objectContaining({ code: 'INVALID_INCIDENT' }));
    }
  });

  it('tolerates a discovery a little ahead of the server clock', () => {
    // Act / Assess
    expect(openIncident(incident({ discoveredAt: NOW + 4 * MIN }), NOW, deps()).state.status).toBe('open');
  });

  it('writes a bilingual timeline in UTC+8', () => {
    // Act
    const { state } = openIncident(incident({ occurredAt: NOW - 3 * HOUR }), NOW, deps());
    // Assess
    expect(state.timeline[0]).toEqual({
      at: NOW,
      type: 'opened',
      text: 'propaganda.duty 登记舆情事件“某路段危化品车辆侧翻”，级别：Ⅱ级（重大）；发生于 2026-11-22 11:00，发现于 2026-11-22 13:30',
      textEn: expect.stringContaining('Level II (major)'),
      by: 'propaganda.duty',
    });
    expect(state.timeline[1]?.text).toBe(
      '开始计时：权威发布，时限 5小时，自 2026-11-22 11:00 起算，2026-11-22 16:00 到期',
    );
  });
});

describe('recordMilestone', () => {
  const opened = () => openIncident(incident({ occurredAt: NOW - 3 * HOUR }), NOW, deps()).state;

  it('meets the release clock and says whether it was on time', () => {
    // Act
    const d = recordMilestone(opened(), { kind: 'release', at: NOW + HOUR, ...evidence }, NOW + HOUR);
    // Assess
    expect(d.clocksMet).toEqual([
      { clockId: 'clk-1', kind: 'release', policyId: 'opinion.release', metAt: NOW + HOUR, late: false },
    ]);
    expect(d.state.clocks[0]).toMatchObject({ status: 'met', metAt: NOW + HOUR });
    expect(d.state.milestones).toHaveLength(1);
    expect(d.events.map((e) => e.type)).toEqual(['OpinionIncident.MilestoneRecorded']);
    expect(d.state.timeline.at(-1)?.text).toBe('权威发布按时完成');
  });

  it('meets a breached clock late', () => {
    // Prepare
    const breached = recordClockBreach(opened(), 'clk-1', NOW + 2 * HOUR + 1).state;
    // Act
    const d = recordMilestone(breached, { kind: 'release', at: NOW + 3 * HOUR, ...evidence }, NOW + 3 * HOUR);
    // Assess
    expect(d.clocksMet[0]?.late).toBe(true);
    expect(d.state.timeline.at(-1)?.textEn).toBe('Authoritative release met 1 h late');
  });

  it('meets timely release with a response for a level Ⅲ incident', () => {
    // Prepare
    const three = openIncident(incident({ level: 'III' }), NOW, deps()).state;
    // Act
    const d = recordMilestone(three, { kind: 'response', at: NOW, documentNo: '应急〔2026〕3号', ...evidence }, NOW);
    // Assess
    expect(d.clocksMet.map((c) => c.kind)).toEqual(['timely-release']);
  });

  it('records a milestone with no clock to meet, and ignores the identical one recorded twice', () => {
    // Prepare
    const three = openIncident(incident({ level: 'III' }), NOW, deps()).state;
    const input = { kind: 'press-conference' as const, at: NOW, ...evidence };
    // Act
    const first = recordMilestone(three, input, NOW);
    const again = recordMilestone(first.state, input, NOW + MIN);
    // Assess
    expect(first.clocksMet).toEqual([]);
    expect(first.state.milestones).toHaveLength(1);
    expect(again.state).toBe(first.state);
    expect(again.events).toEqual([]);
  });

  it('requires evidence, a plausible time and an open incident', () => {
    // Prepare
    const state = opened();
    const closed = closeIncident(state, { reason: '已处置', by: 'h' }, NOW).state;
    // Act / Assess
    expect(() => recordMilestone(state, { kind: 'release', at: NOW, channel: '微博', by: 'u' }, NOW)).toThrow(
      expect.objectContaining({ code: 'EVIDENCE_REQUIRED' }),
    );
    expect(() => recordMilestone(state, { kind: 'release', at: NOW - 4 * HOUR, ...evidence }, NOW)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => recordMilestone(state, { kind: 'release', at: NOW + HOUR, ...evidence }, NOW)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() =>
      recordMilestone(state, { kind: 'release', at: NOW, ...evidence, evidenceUrl: 'ftp://x/y' }, NOW),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => recordMilestone(closed, { kind: 'release', at: NOW, ...evidence }, NOW)).toThrow(
      expect.objectContaining({ code: 'INCIDENT_CLOSED', kind: 'conflict' }),
    );
  });
});

describe('regradeIncident', () => {
  it('Ⅲ → Ⅱ starts release and press conference from the original occurrence', () => {
    // Prepare
    const d0 = deps();
    const three = openIncident(incident({ level: 'III', occurredAt: NOW - 4 * HOUR - 40 * MIN }), NOW, d0).state;
    // Act
    const d = regradeIncident(three, { level: 'II', reason: '死亡人数升至 3 人', by: 'h' }, NOW + 5 * MIN, d0);
    // Assess
    expect(d.clocksToCancel.map((c) => c.kind)).toEqual(['timely-release']);
    expect(d.clocksToStart.map((c) => [c.kind, c.startAt, c.dueAt])).toEqual([
      ['release', NOW - 4 * HOUR - 40 * MIN, NOW + 20 * MIN],
      ['press-conference', NOW - 4 * HOUR - 40 * MIN, NOW + 19 * HOUR + 20 * MIN],
    ]);
    expect(d.reportedLate.map((l) => [l.kind, l.warning])).toEqual([['release', 'PT30M']]);
    expect(d.state.level).toBe('II');
    expect(currentClocks(d.state).map((c) => c.kind)).toEqual(['release', 'press-conference']);
    expect(d.events[0]).toMatchObject({ type: 'OpinionIncident.Regraded', data: { from: 'III', to: 'II' } });
  });

  it('Ⅱ → Ⅲ cancels the unmet clocks, keeps a met release met and counts it as the timely release', () => {
    // Prepare
    const d0 = deps();
    const two = openIncident(incident({ occurredAt: NOW - 2 * HOUR }), NOW, d0).state;
    const released = recordMilestone(two, { kind: 'release', at: NOW, ...evidence }, NOW).state;
    // Act
    const d = regradeIncident(released, { level: 'III', reason: '核实后降级', by: 'h' }, NOW + HOUR, d0);
    // Assess
    expect(d.clocksToCancel.map((c) => c.kind)).toEqual(['press-conference']);
    expect(d.clocksToStart.map((c) => c.kind)).toEqual(['timely-release']);
    expect(d.clocksMet).toEqual([expect.objectContaining({ kind: 'timely-release', metAt: NOW, late: false })]);
    expect(d.state.clocks.find((c) => c.kind === 'release')).toMatchObject({ status: 'met', metAt: NOW });
    expect(d.state.milestones).toEqual(released.milestones);
  });

  it('Ⅰ ↔ Ⅱ changes the level but no clock; regrading to the same level changes nothing', () => {
    // Prepare
    const d0 = deps();
    const two = openIncident(incident(), NOW, d0).state;
    // Act
    const up = regradeIncident(two, { level: 'I', reason: '升级', by: 'h' }, NOW, d0);
    const same = regradeIncident(up.state, { level: 'I', reason: '重复提交', by: 'h' }, NOW, d0);
    // Assess
    expect([up.clocksToStart, up.clocksToCancel]).toEqual([[], []]);
    expect(up.state.level).toBe('I');
    expect(same.state).toBe(up.state);
  });

  it('needs a reason', () => {
    // Act / Assess
    const two = openIncident(incident(), NOW, deps()).state;
    expect(() => regradeIncident(two, { level: 'III', reason: ' ', by: 'h' }, NOW, deps())).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('closeIncident', () => {
  it('cancels the clocks still running and is idempotent', () => {
    // Prepare
    const two = openIncident(incident({ occurredAt: NOW - HOUR }), NOW, deps()).state;
    const released = recordMilestone(two, { kind: 'release', at: NOW, ...evidence }, NOW).state;
    // Act
    const d = closeIncident(released, { reason: '舆情平息', by: 'propaganda.head' }, NOW + HOUR);
    const again = closeIncident(d.state, { reason: '再次关闭', by: 'admin' }, NOW + 2 * HOUR);
    // Assess
    expect(d.clocksToCancel.map((c) => c.kind)).toEqual(['press-conference']);
    expect(d.state).toMatchObject({ status: 'closed', closedAt: NOW + HOUR, closeReason: '舆情平息' });
    expect(d.state.clocks.map((c) => c.status)).toEqual(['met', 'cancelled']);
    expect(d.events.map((e) => e.type)).toEqual(['OpinionIncident.Closed']);
    expect(again.state).toBe(d.state);
    expect(() => regradeIncident(d.state, { level: 'I', reason: 'x', by: 'h' }, NOW, deps())).toThrow(
      expect.objectContaining({ code: 'INCIDENT_CLOSED' }),
    );
  });
});

describe('recordClockBreach', () => {
  it('marks a running clock breached once, and refuses a clock the incident does not hold', () => {
    // Prepare
    const two = openIncident(incident(), NOW, deps()).state;
    // Act
    const once = recordClockBreach(two, 'clk-1', NOW + HOUR);
    const twice = recordClockBreach(once.state, 'clk-1', NOW + HOUR + 1);
    // Assess
    expect(once.state.clocks[0]).toMatchObject({ status: 'breached', breachedAt: NOW + HOUR });
    expect(once.events).toEqual([]);
    expect(once.state.version).toBe(2);
    expect(twice.state).toBe(once.state);
    expect(() => recordClockBreach(two, 'nope', NOW)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CLOCK' }));
  });
});
