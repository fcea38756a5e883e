import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeBodySchema, milestoneBodySchema, openIncidentBodySchema, regradeBodySchema } from './schemas';

const iso = (ms: number, offsetH = 8) => {
  const sign = offsetH >= 0 ? '+' : '-';
  const hh = String(Math.abs(offsetH)).padStart(2, '0');
  return new Date(ms + offsetH * 3_600_000).toISOString().replace('Z', `${sign}${hh}:00`);
};

const open = {
  title: '某路段危化品车辆侧翻',
  level: 'II',
  occurredAt: '2026-11-22T09:10:00+08:00',
  discoveredAt: '2026-11-22T10:00:00+08:00',
  responsibleDepartmentId: 'emergency',
  summary: '现场已封控',
};

describe('openIncidentBodySchema', () => {
  it('accepts a valid body and yields epoch milliseconds', () => {
    // Act
    const parsed = openIncidentBodySchema.parse(open);
    // Assess
    expect(parsed.occurredAt).toBe(Date.parse('2026-11-22T01:10:00Z'));
    expect(parsed.level).toBe('II');
  });

  it('requires an offset on every timestamp', () => {
    // Act
    const result = openIncidentBodySchema.safeParse({ ...open, occurredAt: '2026-11-22T09:10:00' });
    // Assess
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['occurredAt', 'Expected an ISO 8601 timestamp with offset, e.g. 2026-11-22T08:00:00+08:00'],
    ]);
  });

  it('explains a bad level, empty title and discovery before occurrence', () => {
    // Act
    const bad = openIncidentBodySchema.safeParse({ ...open, level: 'V', title: ' ' });
    const order = openIncidentBodySchema.safeParse({ ...open, discoveredAt: '2026-11-22T09:00:00+08:00' });
    // Assess
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['title', 'level']);
    expect(bad.error?.issues[1]?.message).toMatch(/Ⅰ 特别重大/);
    expect(order.error?.issues.map((i) => i.message)).toEqual([
      'discoveredAt must not be before occurredAt (发现时间不能早于发生时间)',
    ]);
  });

  it('reads the same instant whatever offset the sender writes it in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: -12, max: 14 }), (ms, offsetH) => {
        // Prepare
        const at = Math.floor(ms / 1000) * 1000;
        const body = { ...open, occurredAt: iso(at, offsetH), discoveredAt: iso(at, 8) };
        // Act
        const parsed = openIncidentBodySchema.parse(body);
        // Assess
        expect(parsed.occurredAt).toBe(at);
        expect(parsed.discoveredAt).toBe(at);
      }),
    );
  });
});

describe('milestoneBodySchema', () => {
  const base = { kind: 'release', at: '2026-11-22T13:30:00+08:00', channel: '市政府门户网站' };

  it('requires an evidence link or a document number', () => {
    // Act
    const none = milestoneBodySchema.safeParse(base);
    const link = milestoneBodySchema.safeParse({ ...base, evidenceUrl: 'https://www.example.gov.cn/a/1.html' });
    const doc = milestoneBodySchema.safeParse({ ...base, documentNo: '宣发〔2026〕12号' });
    // Assess
    expect(none.error?.issues.map((i) => i.message)).toEqual([
      'A milestone needs an evidence link (evidenceUrl) or a document number (documentNo) (需提供链接或文号)',
    ]);
    expect(link.success).toBe(true);
    expect(doc.success).toBe(true);
  });

  it('refuses links that are not http(s) and unknown kinds', () => {
    // Act
    const result = milestoneBodySchema.safeParse({ ...base, kind: 'tweet', evidenceUrl: 'javascript:alert(1)' });
    // Assess
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['kind', 'evidenceUrl']);
  });
});

describe('regrade and close bodies', () => {
  it('need a level and a reason', () => {
    // Act / Assess
    expect(regradeBodySchema.safeParse({ level: 'II', reason: '伤亡人数上升' }).success).toBe(true);
    expect(regradeBodySchema.safeParse({ level: 'II', reason: '' }).error?.issues[0]?.message).toBe(
      'reason must not be empty',
    );
    expect(closeBodySchema.safeParse({}).error?.issues[0]?.path).toEqual(['reason']);
  });
});
