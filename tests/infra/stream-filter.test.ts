// The relay is woken only by table-stream records that pass the event source mapping's filter. A
// filter that names the wrong item type leaves every event to the one-minute safety sweep in AWS,
// and no local test would notice unless the local poller applies the same filter. So: items the
// platform really writes (the outbox writer, the clock writer, a repository), marshalled as the
// stream carries them, against the pattern read back from the synthesised template, with the local
// bus's matcher (the one the local stream poller uses).
import { marshall } from '@aws-sdk/util-dynamodb';
import { ManualClock } from '@fazhi/domain/clock';
import { allFunctions } from '@fazhi/functions';
import { startClockChange } from '@fazhi/platform/clocks/clock-changes';
import { clockItem } from '@fazhi/platform/clocks/clock-record';
import { clockChangeEvents } from '@fazhi/platform/clocks/clock-writes';
import { buildClockRegistry } from '@fazhi/platform/clocks/registry';
import { registerClockSubject } from '@fazhi/platform/clocks/subjects';
import { newEventItem } from '@fazhi/platform/ddb/outbox';
import { idFactory } from '@fazhi/platform/deps';
import { departmentItem } from '@fazhi/platform/repos/departments';
import { beforeEach, describe, expect, it } from 'vitest';
import { compilePattern } from '../../packages/local/src/bus/pattern';
import { logicalIdOf, once, type Synthesized, synthesize } from './synth';

registerClockSubject({ type: 'stream-test', service: 'test', name: '测试案件', nameEn: 'Test case' });

let s: Synthesized;
const synth = once(() => synthesize(allFunctions));
beforeEach(() => {
  s = synth();
});

const NOW = Date.parse('2026-11-23T10:00:00+08:00');
const clock = new ManualClock(NOW);
const ids = { clock, newId: idFactory(clock) };

function streamRecord(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', item: object) {
  const image = marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false });
  return {
    eventID: '1',
    eventName,
    eventSource: 'aws:dynamodb',
    awsRegion: 'cn-north-1',
    dynamodb: {
      Keys: { pk: image.pk, sk: image.sk },
      ...(eventName === 'REMOVE' ? {} : { NewImage: image }),
      StreamViewType: 'NEW_IMAGE',
      SequenceNumber: '100',
    },
  };
}

/** What the platform writes when a clock starts: the clock item and the events announcing it. */
function clockStart() {
  const change = startClockChange(
    {
      id: ids.newId(),
      policyId: 'opinion.release',
      subject: { type: 'stream-test', id: ids.newId(), title: '城东高架危化品运输车侧翻' },
      departmentId: 'propaganda',
      startedAt: NOW,
      kind: 'release',
      label: '权威发布',
      labelEn: 'Authoritative release',
    },
    NOW,
    buildClockRegistry({}),
  );
  return { clock: clockItem(change.after), events: clockChangeEvents(change).map((e) => newEventItem(ids, e)) };
}

/** The relay's filters, as CloudFormation will create them. */
function synthesisedFilters(): Record<string, unknown>[] {
  const relays = allFunctions.filter((w) => w.stream);
  expect(relays.length).toBeGreaterThan(0);
  const mappings = Object.values(s.template.findResources('AWS::Lambda::EventSourceMapping'));
  return relays.flatMap((w) => {
    const mine = mappings.filter(
      (m) => m.Properties.FunctionName?.Ref === logicalIdOf(s.stack.functions.get(w.name)!.fn),
    );
    expect(mine, w.name).toHaveLength(1);
    const filters = mine[0]!.Properties.FilterCriteria.Filters as { Pattern: string }[];
    expect(filters).toHaveLength(1);
    return filters.map((f) => JSON.parse(f.Pattern) as Record<string, unknown>);
  });
}

describe('the table stream filter in the synthesised template', () => {
  it('admits every event item the outbox writer really writes', () => {
    // Prepare
    const { events } = clockStart();
    const posted = newEventItem(ids, {
      source: 'fazhi.exchange',
      detailType: 'EnforcementLead.Shared',
      data: { subjectName: '某公司', category: 'tax', summary: '涉嫌偷逃税款' },
    });

    // Act
    const passes = synthesisedFilters().map(compilePattern);

    // Assess
    for (const matches of passes)
      for (const item of [posted, ...events]) expect(matches(streamRecord('INSERT', item)), item.detailType).toBe(true);
  });

  it('keeps out state items, clock items, the published mark and TTL deletions', () => {
    // Prepare
    const { clock: clockState, events } = clockStart();
    const department = departmentItem({ id: 'samr', name: '市场监管局', kinds: [], version: 1 });
    const published = { ...events[0]!, publishedAt: NOW + 50, chainSeq: 7 };

    // Act
    const passes = synthesisedFilters().map(compilePattern);

    // Assess
    for (const matches of passes) {
      expect(matches(streamRecord('INSERT', clockState))).toBe(false);
      expect(matches(streamRecord('INSERT', department))).toBe(false);
      expect(matches(streamRecord('MODIFY', published))).toBe(false);
      expect(matches(streamRecord('REMOVE', events[0]!))).toBe(false);
    }
  });
});
