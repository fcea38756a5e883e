import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Roster } from '../api/types';
import { type Draft, draftProblems, newShift, toDraft, toRoster, validateDraft } from './roster-draft';

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

describe('draftProblems', () => {
  const draft = (n: number): Draft => ({
    head: 'propaganda.head',
    shifts: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      startsAt: `2026-11-${String(1 + i).padStart(2, '0')}T08:30`,
      endsAt: `2026-11-${String(2 + i).padStart(2, '0')}T08:30`,
      officer: `officer${i}`,
      leader: 'leader',
    })),
  });
  const role = (key: string) => (key === 'roster.officer' ? '值班员' : key === 'roster.leader' ? '带班领导' : '负责人');

  it('puts a server refusal of row 121 of 121 at that row, on the field it names, with the username', () => {
    // Prepare
    const d = draft(121);

    // Act
    const p = draftProblems(
      d,
      [],
      [
        {
          path: 'shifts.120.officer',
          code: 'foreign-user',
          message: 'officer "officer120" belongs to another department',
        },
        { path: 'head', code: 'unknown-user', message: 'head "propaganda.head" is not a user' },
      ],
      role,
    );

    // Assess
    expect([...p.rows.keys()]).toEqual([120]);
    expect(p.rows.get(120)).toEqual([
      { key: 'roster.invalid.foreignUser', params: { n: 121, role: '值班员', name: 'officer120' }, field: 'officer' },
    ]);
    expect(p.head).toEqual([
      { key: 'roster.invalid.unknownUser', params: { role: '负责人', name: 'propaganda.head' } },
    ]);
  });

  it('marks both rows of an overlap and the emptied field of a row, from the browser’s own checks', () => {
    // Prepare
    const d = draft(4);
    d.shifts[1] = { ...d.shifts[1]!, leader: ' ' };
    d.shifts[3] = { ...d.shifts[3]!, startsAt: d.shifts[2]!.startsAt };

    // Act
    const p = draftProblems(d, validateDraft(d), [], role);

    // Assess
    expect(p.rows.get(1)).toEqual([{ key: 'roster.invalid.people', params: { n: 2 }, field: 'leader' }]);
    expect(p.rows.get(2)?.[0]).toMatchObject({ key: 'roster.invalid.overlap', field: 'startsAt' });
    expect(p.rows.get(3)?.[0]).toMatchObject({ key: 'roster.invalid.overlap', field: 'startsAt' });
    expect(p.rows.has(0)).toBe(false);
  });

  it('ignores a path outside the draft instead of marking a row that is not there', () => {
    const p = draftProblems(draft(2), [], [{ path: 'shifts.7.officer', code: 'unknown-user', message: 'x' }], role);
    expect(p.rows.size).toBe(0);
  });
});
