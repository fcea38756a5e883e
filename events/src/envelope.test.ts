import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { detailSchemaFor, eventMetaSchema, postedDetailSchema, postedDetailSchemaFor, stampDetail } from './envelope';

const meta = {
  eventId: '01KJP4C580PPCE3J2ZETH2AT29',
  occurredAt: '2026-03-02T10:15:00+08:00',
  correlationId: 'SJ-2026-0312',
  schemaVersion: 1,
};

describe('event meta', () => {
  it('accepts a ULID, a time with offset or Z, and a positive integer version', () => {
    // Prepare
    const variants = [meta, { ...meta, occurredAt: '2026-03-02T02:15:00.123Z' }];
    // Act
    const results = variants.map((m) => eventMetaSchema.safeParse(m).success);
    // Assess
    expect(results).toEqual([true, true]);
  });

  it.each([
    ['a non-ULID event id', { ...meta, eventId: 'evt-1' }],
    ['a local time without offset', { ...meta, occurredAt: '2026-03-02T10:15:00' }],
    ['a date only', { ...meta, occurredAt: '2026-03-02' }],
    ['a fractional version', { ...meta, schemaVersion: 1.5 }],
    ['version 0', { ...meta, schemaVersion: 0 }],
    ['a blank correlation id', { ...meta, correlationId: '' }],
    ['a correlation id with spaces', { ...meta, correlationId: 'a b' }],
    ['an unknown key', { ...meta, source: 'dept.x' }],
  ])('rejects %s', (_label, candidate) => {
    // Act
    const result = eventMetaSchema.safeParse(candidate);
    // Assess
    expect(result.success).toBe(false);
  });
});

describe('detailSchemaFor', () => {
  it('pins the schema version to the entry version', () => {
    // Prepare
    const schema = detailSchemaFor(z.strictObject({ n: z.number() }), 2);
    // Act
    const v2 = schema.safeParse({ meta: { ...meta, schemaVersion: 2 }, data: { n: 1 } });
    const v1 = schema.safeParse({ meta, data: { n: 1 } });
    // Assess
    expect(v2.success).toBe(true);
    expect(v1.success).toBe(false);
  });
});

describe('posted detail', () => {
  it('accepts data alone or with occurredAt / correlationId', () => {
    // Prepare
    const bodies = [
      { data: {} },
      { data: { a: 1 }, meta: { occurredAt: '2026-03-02T10:15:00+08:00', correlationId: 'X-1' } },
    ];
    // Act
    const results = bodies.map((b) => postedDetailSchema.safeParse(b).success);
    // Assess
    expect(results).toEqual([true, true]);
  });

  it('refuses meta fields only the platform may set, and non-object data', () => {
    // Prepare
    const bodies = [
      { data: {}, meta: { eventId: meta.eventId } },
      { data: {}, meta: { schemaVersion: 1 } },
      { data: 'text' },
      { meta: {} },
    ];
    // Act
    const results = bodies.map((b) => postedDetailSchema.safeParse(b).success);
    // Assess
    expect(results).toEqual([false, false, false, false]);
  });

  it('checks data against the entry schema', () => {
    // Prepare
    const schema = postedDetailSchemaFor(z.strictObject({ n: z.number() }));
    // Act
    const good = schema.safeParse({ data: { n: 1 } });
    const bad = schema.safeParse({ data: { n: 'one' } });
    // Assess
    expect(good.success).toBe(true);
    expect(bad.error?.issues[0]?.path).toEqual(['data', 'n']);
  });
});

describe('stampDetail', () => {
  const stamp = {
    eventId: '01KJRPRW807MBW3JK7PE7C73G9',
    receivedAt: '2026-03-02T10:16:00+08:00',
    schemaVersion: 3,
    correlationId: '01KJRPRW80XE542X23PTS67X9W',
  };

  it('fills the platform fields and defaults occurredAt and correlationId', () => {
    // Act
    const detail = stampDetail({ data: { a: 1 } }, stamp);
    // Assess
    expect(detail).toEqual({
      meta: {
        eventId: stamp.eventId,
        occurredAt: stamp.receivedAt,
        correlationId: stamp.correlationId,
        schemaVersion: 3,
      },
      data: { a: 1 },
    });
  });

  it("keeps the department's occurredAt and correlationId", () => {
    // Act
    const detail = stampDetail(
      { data: {}, meta: { occurredAt: '2026-03-01T08:00:00+08:00', correlationId: 'CASE-9' } },
      stamp,
    );
    // Assess
    expect(detail.meta.occurredAt).toBe('2026-03-01T08:00:00+08:00');
    expect(detail.meta.correlationId).toBe('CASE-9');
    expect(detail.meta.eventId).toBe(stamp.eventId);
  });
});
