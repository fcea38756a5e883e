import type { FieldError } from '../api/problem';
import { fieldMessageZh } from '../api/problem-words';
import type { Roster, Shift } from '../api/types';
import type { MessageKey, Params } from '../i18n/i18n';
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

export type ShiftField = 'startsAt' | 'endsAt' | 'officer' | 'leader';

/** One thing wrong, shown at the row (or the head field) it concerns. */
export interface RowProblem {
  key: MessageKey;
  params?: Params;
  /** The input to mark in that row; none marks the whole row. */
  field?: ShiftField;
}

export interface DraftProblems {
  /** By row index (0-based), in the draft's order. */
  rows: Map<number, RowProblem[]>;
  head: RowProblem[];
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

const ROLE_KEY: Record<'officer' | 'leader', MessageKey> = { officer: 'roster.officer', leader: 'roster.leader' };

/**
 * Where each problem belongs: the browser's own checks (validateDraft) and the server's refusal
 * (`errors[].path` such as `shifts.120.officer`, in the order the draft was sent), row by row, so
 * the editor marks the row that failed instead of listing messages under the last one.
 */
export function draftProblems(
  draft: Draft,
  local: readonly DraftError[],
  server: readonly FieldError[],
  roleName: (key: MessageKey) => string,
): DraftProblems {
  const rows = new Map<number, RowProblem[]>();
  const head: RowProblem[] = [];
  const add = (i: number, p: RowProblem) => {
    if (i < 0 || i >= draft.shifts.length) return;
    rows.set(i, [...(rows.get(i) ?? []), p]);
  };
  for (const e of local) {
    const n = e.params?.n;
    if (e.key === 'roster.invalid.head') head.push({ key: e.key });
    else if (n === undefined) continue;
    else if (e.key === 'roster.invalid.overlap') {
      add(n - 1, { key: e.key, params: e.params ?? {}, field: 'startsAt' });
      if (e.params?.m !== undefined) add(e.params.m - 1, { key: e.key, params: e.params, field: 'startsAt' });
    } else if (e.key === 'roster.invalid.people') {
      const s = draft.shifts[n - 1];
      add(n - 1, { key: e.key, params: { n }, field: s && !s.officer.trim() ? 'officer' : 'leader' });
    } else add(n - 1, { key: e.key, params: { n }, field: e.key === 'roster.invalid.order' ? 'endsAt' : 'startsAt' });
  }
  for (const e of server) {
    const m = /^shifts\.(\d+)(?:\.(startsAt|endsAt|officer|leader))?/.exec(e.path);
    if (e.path === 'head') {
      head.push(personProblem(e, draft.head, roleName('roster.head'), undefined));
      continue;
    }
    if (!m) continue;
    const i = Number(m[1]);
    const field = m[2] as ShiftField | undefined;
    const shift = draft.shifts[i];
    const role = field === 'officer' || field === 'leader' ? roleName(ROLE_KEY[field]) : '';
    const name = field === 'officer' || field === 'leader' ? (shift?.[field] ?? '') : '';
    add(i, { ...personProblem(e, name, role, i + 1), ...(field ? { field } : {}) });
  }
  return { rows, head };
}

function personProblem(e: FieldError, name: string, role: string, n: number | undefined): RowProblem {
  const where: Params = n === undefined ? {} : { n };
  if (e.code === 'unknown-user') return { key: 'roster.invalid.unknownUser', params: { ...where, role, name } };
  if (e.code === 'foreign-user') return { key: 'roster.invalid.foreignUser', params: { ...where, role, name } };
  return { key: 'roster.invalid.server', params: { ...where, reason: fieldMessageZh(e) } };
}
