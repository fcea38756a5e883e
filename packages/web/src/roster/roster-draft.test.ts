import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Roster } from '../api/types';
import { type Draft, newShift, toDraft, toRoster, validateDraft } from './roster-draft';

const HOUR = 3_600_000;
const roster: Roster = {
  departmentId: 'propaganda',
  head: 'propaganda.head',
  version: 4,
  shifts: [
    { id: 's2', startsAt: '2026-11-23T08:30:00+08:00', endsAt: '2026-11-24T08:30:00+08:00', officer: 'b', leader: 'l' },
    { id: 's1', startsAt: '2026-11-22T08:30:00+08:00', endsAt: '2026-11-23T08:30:00+08:00', officer: 'a', leader: 'l' },
  ],
};

describe('roster draft', () => {
  it('edits in Beijing time and saves with the version it was based on', () => {
    // Act
    const draft = toDraft(roster);
    const body = toRoster(draft, 'propaganda', roster.version);

    // Assess
    expect(draft.shifts.map((s) => [s.id, s.startsAt])).toEqual([
      ['s1', '2026-11-22T08:30'],
      ['s2', '2026-11-23T08:30'],
    ]);
    expect(body.version).toBe(4);
    expect(body.shifts[0]).toEqual({ ...roster.shifts[1] });
    expect(validateDraft(draft)).toEqual([]);
  });

  it('accepts shift times given as epoch milliseconds', () => {
    const epoch = { ...roster, shifts: [{ id: 'x', startsAt: 0, endsAt: HOUR, officer: 'a', leader: 'b' }] };
    expect(toDraft(epoch as unknown as Roster).shifts[0]?.startsAt).toBe('1970-01-01T08:00');
  });

  it('appends a day-long shift after the last one, with the same people', () => {
    const draft = toDraft(roster);
    expect(newShift(draft, 0, 'new')).toEqual({
      id: 'new',
      startsAt: '2026-11-24T08:30',
      endsAt: '2026-11-25T08:30',
      officer: 'b',
      leader: 'l',
    });
  });

  it('names every mistake: head, times, order, people, overlap', () => {
    // Prepare
    const draft: Draft = {
      head: ' ',
      shifts: [
        { id: '1', startsAt: '2026-11-22T08:00', endsAt: '2026-11-22T20:00', officer: 'a', leader: 'b' },
        { id: '2', startsAt: '2026-11-22T19:00', endsAt: '2026-11-23T08:00', officer: 'a', leader: 'b' },
        { id: '3', startsAt: '2026-11-24T08:00', endsAt: '2026-11-24T07:00', officer: '', leader: 'b' },
        { id: '4', startsAt: 'bad', endsAt: '2026-11-24T07:00', officer: 'a', leader: 'b' },
      ],
    };

    // Act
    const errors = validateDraft(draft);

    // Assess
    expect(errors).toEqual([
      { key: 'roster.invalid.head' },
      { key: 'roster.invalid.order', params: { n: 3 } },
      { key: 'roster.invalid.people', params: { n: 3 } },
      { key: 'roster.invalid.time', params: { n: 4 } },
      { key: 'roster.invalid.overlap', params: { n: 1, m: 2 } },
    ]);
  });

  it('finds an overlap exactly when two shifts share time (property)', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 50 }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 6 }), (spans) => {
        const start = Date.UTC(2026, 10, 22);
        const local = (h: number) => new Date(start + h * HOUR + 8 * HOUR).toISOString().slice(0, 16);
        const draft: Draft = {
          head: 'h',
          shifts: spans.map(([s, len], i) => ({
            id: String(i),
            startsAt: local(s),
            endsAt: local(s + len),
            officer: 'a',
            leader: 'b',
          })),
        };
        const overlaps = spans.some(([s1, l1], i) =>
          spans.some(([s2, l2], j) => i < j && s1 < s2 + l2 && s2 < s1 + l1),
        );
        expect(validateDraft(draft).some((e) => e.key === 'roster.invalid.overlap')).toBe(overlaps);
      }),
    );
  });
});
