import { ManualClock } from '@fazhi/domain/clock';
import {
  closeIncident,
  type IncidentDecision,
  openIncident,
  recordMilestone,
  regradeIncident,
} from '@fazhi/domain/opinion/incident-state';
import { detailSchemaOf, findCatalogEntry } from '@fazhi/events/catalog';
import { buildClockRegistry } from '@fazhi/platform/clocks/registry';
import { type NewEvent, newEventItem } from '@fazhi/platform/ddb/outbox';
import { idFactory } from '@fazhi/platform/deps';
import { describe, expect, it } from 'vitest';
import { incidentEventOf } from './incident-events';
import { opinionPolicies } from './policies';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.parse('2026-11-22T14:00:00+08:00');
const clock = new ManualClock(NOW);
const ids = idFactory(clock);
const deps = { policies: opinionPolicies(buildClockRegistry({})), newClockId: ids };

/** Opened late at level Ⅲ, regraded to Ⅱ, release recorded by an API key, closed. */
function lifeEvents(): NewEvent[] {
  const out: NewEvent[] = [];
  const step = (d: IncidentDecision) => {
    out.push(
      ...d.events.map((e) =>
        incidentEventOf(e, d.state, { correlationId: d.state.id, reportedLate: d.reportedLate.length > 0 }),
      ),
    );
    return d.state;
  };
  let s = step(
    openIncident(
      {
        id: '01KJRPRW80Z9MRYBX3PC4HQV79',
        title: '城东高架危化品运输车侧翻',
        level: 'III',
        occurredAt: NOW - 4 * HOUR,
        discoveredAt: NOW - HOUR,
        responsibleDepartmentId: 'emergency',
        summary: '一辆危化品运输车在城东高架侧翻。'.repeat(200),
        openedBy: 'dept.cac',
      },
      NOW,
      deps,
    ),
  );
  s = step(regradeIncident(s, { level: 'II', reason: '出现人员伤亡', by: 'propaganda.duty' }, NOW + 5 * MIN, deps));
  s = step(
    recordMilestone(
      s,
      {
        kind: 'release',
        at: NOW + 10 * MIN,
        channel: '市政府门户网站',
        documentNo: '应急〔2026〕12号',
        by: 'dept.emergency',
      },
      NOW + 15 * MIN,
    ),
  );
  step(closeIncident(s, { reason: '处置完毕', by: 'admin' }, NOW + 2 * HOUR));
  return out;
}

describe('incident events in the catalog’s wire form', () => {
  it('publishes every step of an incident as a valid catalog event', () => {
    // Act
    const events = lifeEvents();
    // Assess
    expect(events.map((e) => e.detailType)).toEqual([
      'OpinionIncident.Opened',
      'OpinionIncident.Regraded',
      'OpinionIncident.MilestoneRecorded',
      'OpinionIncident.Closed',
    ]);
    for (const e of events) {
      const detail = newEventItem({ clock, newId: ids }, e).detail;
      const parsed = detailSchemaOf(findCatalogEntry(e.detailType)!).safeParse(detail);
      expect(parsed.error?.issues ?? [], e.detailType).toEqual([]);
    }
  });

  it('carries the clocks after each step, the previous level, and the met clock', () => {
    // Act
    const [opened, regraded, milestone, closed] = lifeEvents();
    // Assess
    expect(opened!.data).toMatchObject({ level: 'III', openedBy: 'dept.cac', reportedLate: false });
    expect((opened!.data as { summary: string }).summary).toHaveLength(2000);
    expect(regraded!.data).toMatchObject({ level: 'II', previousLevel: 'III' });
    const clocks = (regraded!.data as { clocks: { kind: string; status: string }[] }).clocks;
    expect(clocks.map((c) => [c.kind, c.status])).toEqual([
      ['timely-release', 'cancelled'],
      ['release', 'running'],
      ['press-conference', 'running'],
    ]);
    expect((milestone!.data as { metClockId?: string }).metClockId).toBeDefined();
    expect((closed!.data as { clocks: { status: string }[] }).clocks.map((c) => c.status)).toEqual([
      'cancelled',
      'met',
      'cancelled',
    ]);
  });
});
