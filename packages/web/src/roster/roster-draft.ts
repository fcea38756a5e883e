import type { Roster, Shift } from '../api/types';
import type { MessageKey } from '../i18n/i18n';
import { fromLocalInput, toChinaIso, toLocalInput } from '../time/china-time';

/** A shift as edited in the table: times as `datetime-local` strings in China time. */
export interface DraftShift {
  id: string;
  startsAt: string;
  endsAt: string;
  officer: string;
  leader: string;
}

export interface Draft {
  head: string;
  shifts: DraftShift[];
}

export interface DraftError {
  key: MessageKey;
  params?: Record<string, number>;
}

// The contract gives ISO strings; accept epoch ms too, the roster domain may store either.
const ms = (value: string | number): number => (typeof value === 'number' ? value : Date.parse(value));

export function toDraft(roster: Roster): Draft {
  return {
    head: roster.head,
    shifts: [...roster.shifts]
      .sort((a, b) => ms(a.startsAt) - ms(b.startsAt))
      .map((s) => ({
        id: s.id,
        startsAt: toLocalInput(ms(s.startsAt)),
        endsAt: toLocalInput(ms(s.endsAt)),
        officer: s.officer,
        leader: s.leader,
      })),
  };
}

const HOUR = 3_600_000;

/** A new shift follows the last one (or starts at the next full hour) and lasts a day, the usual duty turn. */
export function newShift(draft: Draft, now: number, id: string): DraftShift {
  const ends = draft.shifts.map((s) => fromLocalInput(s.endsAt)).filter((v): v is number => v !== undefined);
  const start = ends.length ? Math.max(...ends) : Math.ceil(now / HOUR) * HOUR;
  const last = draft.shifts.at(-1);
  return {
    id,
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(start + 24 * HOUR),
    officer: last?.officer ?? '',
    leader: last?.leader ?? '',
  };
}

/** Checks a draft the way the server will, so most mistakes are caught before a round trip. */
export function validateDraft(draft: Draft): DraftError[] {
  const errors: DraftError[] = [];
  if (!draft.head.trim()) errors.push({ key: 'roster.invalid.head' });
  const spans: { n: number; start: number; end: number }[] = [];
  draft.shifts.forEach((shift, i) => {
    const n = i + 1;
    const start = fromLocalInput(shift.startsAt);
    const end = fromLocalInput(shift.endsAt);
    if (start === undefined || end === undefined) errors.push({ key: 'roster.invalid.time', params: { n } });
    else if (end <= start) errors.push({ key: 'roster.invalid.order', params: { n } });
    else spans.push({ n, start, end });
    if (!shift.officer.trim() || !shift.leader.trim()) errors.push({ key: 'roster.invalid.people', params: { n } });
  });
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    const cur = spans[i];
    if (prev && cur && cur.start < prev.end) {
      errors.push({
        key: 'roster.invalid.overlap',
        params: { n: Math.min(prev.n, cur.n), m: Math.max(prev.n, cur.n) },
      });
    }
  }
  return errors;
}

/** The PUT body: the draft with the version it was based on, so a concurrent change is refused (409). */
export function toRoster(draft: Draft, departmentId: string, version: number): Roster {
  const shifts: Shift[] = draft.shifts.map((s) => ({
    id: s.id,
    startsAt: toChinaIso(fromLocalInput(s.startsAt) ?? Number.NaN),
    endsAt: toChinaIso(fromLocalInput(s.endsAt) ?? Number.NaN),
    officer: s.officer.trim(),
    leader: s.leader.trim(),
  }));
  return { departmentId, head: draft.head.trim(), shifts, version };
}
