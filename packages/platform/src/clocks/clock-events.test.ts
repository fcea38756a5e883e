import { ManualClock } from '@fazhi/domain/clock';
import { detailSchemaOf, findCatalogEntry } from '@fazhi/events/catalog';
import { describe, expect, it } from 'vitest';
import { newEventItem } from '../ddb/outbox';
import { idFactory } from '../deps';
import {
  type ClockChange,
  cancelClockChange,
  meetClockChange,
  startClockChange,
  tickClockChange,
} from './clock-changes';
import { recordOf } from './clock-record';
import { clockChangeEvents } from './clock-writes';
import { buildClockRegistry } from './registry';
import { registerClockSubject } from './subjects';

registerClockSubject({ type: 'test-case', service: 'test', name: '测试案件', nameEn: 'Test case' });

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-22T14:00:00+08:00');
const registry = buildClockRegistry({});
const clock = new ManualClock(NOW);
const ids = { clock, newId: idFactory(clock) };

function started(id: string, startedAt: number): ClockChange {
  return startClockChange(
    {
      id,
      policyId: 'opinion.release',
      subject: { type: 'test-case', id: '01KJRPRW80Z9MRYBX3PC4HQV79', title: '城东高架危化品运输车侧翻' },
      departmentId: 'propaganda',
      startedAt,
      kind: 'release',
      label: '权威发布',
      labelEn: 'Authoritative release',
      correlationId: '01KJRPRW80Z9MRYBX3PC4HQV79',
    },
    NOW,
    registry,
  );
}

/** Every event a clock's life can publish: a late start, a breach, a late milestone, a cancellation. */
function lifeEvents() {
  const late = started('01KJRPRW80Z9MRYBX3PC4HQV7A', NOW - 4 * HOUR - 50 * 60_000);
  const breached = tickClockChange(late.after, NOW + 11 * 60_000);
  const met = meetClockChange(breached.after, NOW + 20 * 60_000);
  const cancelled = cancelClockChange(started('01KJRPRW80Z9MRYBX3PC4HQV7B', NOW).after, NOW + HOUR, 'incident-closed');
  return [late, breached, met, cancelled].flatMap(clockChangeEvents);
}

describe('clock events in the catalog’s wire form', () => {
  it('publishes every state of a clock’s life as a valid catalog event', () => {
    // Act
    const events = lifeEvents();
    // Assess
    expect(events.map((e) => e.detailType)).toEqual([
      'Clock.Started',
      'Clock.WarningDue',
      'Clock.Breached',
      'Clock.Met',
      'Clock.Cancelled',
    ]);
    for (const e of events) {
      const entry = findCatalogEntry(e.detailType)!;
      const detail = newEventItem(ids, e).detail;
      const parsed = detailSchemaOf(entry).safeParse(detail);
      expect(parsed.error?.issues ?? [], e.detailType).toEqual([]);
    }
  });

  it('states instants in the city’s offset and carries the clock’s correlation id', () => {
    // Act
    const [startedEvent, warning, breach, met] = lifeEvents();
    // Assess
    expect(startedEvent!.data).toMatchObject({
      at: '2026-11-22T09:10:00.000+08:00',
      dueAt: '2026-11-22T14:10:00.000+08:00',
    });
    expect(warning!.data).toMatchObject({ warning: 'PT30M', at: '2026-11-22T14:00:00.000+08:00' });
    expect(breach!.data).toMatchObject({ at: '2026-11-22T14:10:00.001+08:00' });
    expect(met!.data).toMatchObject({ late: true, at: '2026-11-22T14:20:00.000+08:00' });
    expect(new Set(lifeEvents().map((e) => e.correlationId))).toEqual(new Set(['01KJRPRW80Z9MRYBX3PC4HQV79']));
  });
});

describe('clocks stored before clocks kept their rule', () => {
  it('read back as hour clocks with their warning plan, so the sweeper keeps ticking them', () => {
    // Prepare: an item as the previous release wrote it (no rule, no warning plan)
    const dueAt = NOW + HOUR;
    const legacy = {
      pk: 'CLOCK#old',
      sk: 'CLOCK',
      type: 'clock',
      id: 'old',
      policyId: 'opinion.release',
      subject: { type: 'opinion-incident', id: 'i-old' },
      departmentId: 'propaganda',
      startedAt: dueAt - 5 * HOUR,
      dueAt,
      status: 'running',
      warnings: ['PT2H', 'PT1H', 'PT30M'],
      warningsSent: ['PT2H'],
      warningsSkipped: [],
      pauses: [],
      extensions: [],
      version: 2,
      kind: 'release',
      label: '权威发布',
      labelEn: 'Authoritative release',
      statsDay: '2026-11-22',
    };

    // Act
    const r = recordOf(legacy);
    const ticked = tickClockChange(r, dueAt - 30 * 60_000);

    // Assess
    expect(r).toMatchObject({ counting: 'hours', period: 'PT18000S', mode: 'dueBy' });
    expect(ticked.events.map((e) => (e.type === 'Clock.WarningDue' ? e.data.warning : e.type))).toEqual([
      'PT1H',
      'PT30M',
    ]);
  });
});
