import { type DomainIssue, issue } from '../domain-error';
import { AlertError, type AlertErrorIssue } from './alert-error';
import type { AlertLevel } from './levels';
import { levelAbove } from './levels';

/**
 * One duty shift. Instants are epoch milliseconds (the API carries ISO 8601 with offset; the body
 * schema converts). A shift covers the half-open interval [startsAt, endsAt): at a hand-over
 * instant the incoming shift is on duty, so two back-to-back shifts never both claim it.
 */
export interface Shift {
  id: string;
  startsAt: number;
  endsAt: number;
  /** Username of the on-duty officer (值班员). */
  officer: string;
  /** Username of the leader on duty (带班领导). */
  leader: string;
}

/** A department's duty roster (值班表). `version` counts replacements, for optimistic concurrency. */
export interface Roster {
  departmentId: string;
  /** Username of the department head: always reachable, the end of every escalation. */
  head: string;
  /** Sorted by startsAt, never overlapping. */
  shifts: Shift[];
  version: number;
}

export interface OnDuty {
  officer?: string;
  leader?: string;
  head: string;
}

export const MAX_SHIFTS = 500;
export const MAX_USERNAME_LENGTH = 64;

/**
 * Who is on duty at `at`. With no shift covering `at` (a gap in the roster, or a roster that ran
 * out) officer and leader are absent and alerts go straight to the head: a deadline alert must
 * reach someone, and the head is the one person the roster always names.
 */
export function onDutyAt(roster: Roster, at: number): OnDuty {
  const shift = roster.shifts.find((s) => s.startsAt <= at && at < s.endsAt);
  return shift ? { officer: shift.officer, leader: shift.leader, head: roster.head } : { head: roster.head };
}

/** Who an alert at `level` reaches, and the level that person actually holds after fallbacks. */
export interface Reach {
  level: AlertLevel;
  recipients: string[];
}

/**
 * Walks up from `level` to the first level with somebody on duty: officer → leader → head. The
 * returned level is the one reached, so an alert that fell back to the head does not later
 * "escalate" to the same head twice. No roster at all reaches nobody at the head level: the alert
 * still shows on the board, where admins and the department head can acknowledge it.
 */
export function reach(level: AlertLevel, roster: Roster | undefined, at: number): Reach {
  if (!roster) return { level: 'head', recipients: [] };
  const duty = onDutyAt(roster, at);
  let current: AlertLevel | undefined = level;
  while (current) {
    const who = current === 'officer' ? duty.officer : current === 'leader' ? duty.leader : duty.head;
    if (who) return { level: current, recipients: [who] };
    current = levelAbove(current);
  }
  return { level: 'head', recipients: [] };
}

/** `level` 'officer' → officer (fallback leader, then head); 'leader' → leader (fallback head); 'head' → head. */
export function recipientsFor(level: AlertLevel, roster: Roster | undefined, at: number): string[] {
  return reach(level, roster, at).recipients;
}

function usernameProblem(value: string): string | undefined {
  if (value.trim().length === 0) return 'must not be empty (用户名不能为空)';
  if (value.length > MAX_USERNAME_LENGTH) return `must be at most ${MAX_USERNAME_LENGTH} characters`;
  return undefined;
}

/**
 * Every way a list of shifts breaks the roster's invariants, with paths into the list as given.
 * Shared by the API body schema and `replaceRoster`, so both say the same thing.
 */
export function shiftProblems(shifts: readonly Shift[]): AlertErrorIssue[] {
  const issues: AlertErrorIssue[] = [];
  if (shifts.length > MAX_SHIFTS) {
    issues.push({
      path: ['shifts'],
      message: `A roster holds at most ${MAX_SHIFTS} shifts; remove past ones (最多 ${MAX_SHIFTS} 个班次)`,
    });
  }
  const seen = new Map<string, number>();
  shifts.forEach((s, i) => {
    if (s.id.trim().length === 0) issues.push({ path: ['shifts', i, 'id'], message: 'Shift id must not be empty' });
    const first = seen.get(s.id);
    if (first !== undefined) {
      issues.push({ path: ['shifts', i, 'id'], message: `Shift id "${s.id}" is also used by shift #${first}` });
    } else {
      seen.set(s.id, i);
    }
    if (!(s.endsAt > s.startsAt)) {
      issues.push({ path: ['shifts', i, 'endsAt'], message: 'endsAt must be after startsAt (结束时间须晚于开始时间)' });
    }
    for (const field of ['officer', 'leader'] as const) {
      const problem = usernameProblem(s[field]);
      if (problem) issues.push({ path: ['shifts', i, field], message: `${field} ${problem}` });
    }
  });
  const order = shifts.map((s, i) => ({ s, i })).sort((a, b) => a.s.startsAt - b.s.startsAt || a.i - b.i);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const next = order[k]!;
    if (next.s.startsAt < prev.s.endsAt) {
      issues.push({
        path: ['shifts', next.i, 'startsAt'],
        message: `Shift "${next.s.id}" overlaps shift "${prev.s.id}" (班次时间重叠)`,
      });
    }
  }
  return issues;
}

export function headProblem(head: string): string | undefined {
  const problem = usernameProblem(head);
  return problem ? `head ${problem}` : undefined;
}

/** What a caller sends to replace a roster: `version` is the version it last read (0 for none yet). */
export interface RosterInput {
  departmentId?: string;
  head: string;
  shifts: Shift[];
  version: number;
}

/**
 * The roster after a PUT: whole replacement, shifts sorted, version + 1. Rejects a stale version
 * so two duty clerks editing at once cannot silently overwrite each other.
 */
export function replaceRoster(current: Roster | undefined, departmentId: string, input: RosterInput): Roster {
  if (input.departmentId !== undefined && input.departmentId !== departmentId) {
    throw new AlertError(
      'ROSTER_DEPARTMENT_MISMATCH',
      `The roster names department "${input.departmentId}" but is written to "${departmentId}"`,
    );
  }
  const currentVersion = current?.version ?? 0;
  if (input.version !== currentVersion) {
    throw new AlertError(
      'ROSTER_VERSION_CONFLICT',
      `The roster is at version ${currentVersion}, the change was made on version ${input.version}; reload and retry`,
    );
  }
  const issues = shiftProblems(input.shifts);
  const head = headProblem(input.head);
  if (head) issues.push({ path: ['head'], message: head });
  if (issues.length > 0) throw new AlertError('INVALID_ROSTER', issues[0]!.message, issues);
  return {
    departmentId,
    head: input.head.trim(),
    shifts: [...input.shifts]
      .sort((a, b) => a.startsAt - b.startsAt)
      .map((s) => ({ ...s, officer: s.officer.trim(), leader: s.leader.trim() })),
    version: currentVersion + 1,
  };
}

/** The shift on duty at `at` (if any) and the next one to start after it, for the board's "now and next". */
export function shiftsAround(roster: Roster, at: number): { current?: Shift; next?: Shift } {
  const current = roster.shifts.find((s) => s.startsAt <= at && at < s.endsAt);
  const next = roster.shifts.find((s) => s.startsAt > at && s.startsAt >= (current?.endsAt ?? at));
  return { ...(current ? { current } : {}), ...(next ? { next } : {}) };
}

/** Who a username on a roster is, for the department whose roster it is. */
export type RosterPersonStanding = 'member' | 'deputy' | 'foreign' | 'unknown';

/** Every username a roster names (head, officers, leaders), once each. */
export function rosterUsernames(input: Pick<RosterInput, 'head' | 'shifts'>): string[] {
  return [...new Set([input.head, ...input.shifts.flatMap((s) => [s.officer, s.leader])])];
}

/**
 * Refuses a roster naming anyone but the department's own users and the deputies the city allows
 * it: an alert sent to a name nobody holds reaches nobody, and one sent to an outsider lets them
 * acknowledge it. One issue per place a bad name appears, at that row's field.
 */
export function assertRosterPeople(
  input: Pick<RosterInput, 'head' | 'shifts'>,
  departmentId: string,
  standing: (username: string) => RosterPersonStanding,
): void {
  const issues: DomainIssue[] = [];
  const check = (path: (string | number)[], username: string, role: string) => {
    const s = standing(username);
    if (s === 'member' || s === 'deputy') return;
    issues.push(
      s === 'foreign'
        ? issue(
            path,
            'foreign-user',
            `${role} "${username}" belongs to another department and is not a deputy allowed for ${departmentId}`,
          )
        : issue(path, 'unknown-user', `${role} "${username}" is not a user of ${departmentId}`),
    );
  };
  check(['head'], input.head, 'head');
  input.shifts.forEach((s, i) => {
    check(['shifts', i, 'officer'], s.officer, 'officer');
    check(['shifts', i, 'leader'], s.leader, 'leader');
  });
  if (issues.length > 0) {
    const names = [...new Set(issues.map((i) => /"(.*)"/.exec(i.message)?.[1]))].join(', ');
    throw new AlertError('ROSTER_UNKNOWN_PEOPLE', `The roster names people who may not be on it: ${names}`, issues);
  }
}
