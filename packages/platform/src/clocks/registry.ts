// The clock policies and the holiday calendar a deployment runs with: the national defaults, then a
// city's override files named by FAZHI_POLICY_OVERRIDES / FAZHI_CALENDAR_OVERRIDES (JSON paths).
// Read once per process: a city changes its policy by deploying a file, not per request.
import { readFileSync } from 'node:fs';
import type { EscalationPolicy } from '@fazhi/domain/alerts/alert-state';
import {
  applyPolicyOverrides,
  type ClockContext,
  type ClockPolicy,
  defaultPolicies,
  durationMs,
  getClockPolicy,
  type HolidayCalendar,
  loadCalendarOverride,
  type PolicyCatalog,
  packagedCalendar,
} from '@fazhi/domain/clocks/index';
import type { OpinionClockPolicies, OpinionPolicyId } from '@fazhi/domain/opinion/clock-kinds';

export interface ClockRegistry {
  policies: PolicyCatalog;
  calendar: HolidayCalendar;
}

export function buildClockRegistry(env: NodeJS.ProcessEnv = process.env): ClockRegistry {
  const policyFile = env.FAZHI_POLICY_OVERRIDES;
  const calendarFile = env.FAZHI_CALENDAR_OVERRIDES;
  return {
    policies: policyFile ? applyPolicyOverrides(defaultPolicies, readFileSync(policyFile, 'utf8')) : defaultPolicies,
    calendar: calendarFile ? loadCalendarOverride(readFileSync(calendarFile, 'utf8')) : packagedCalendar,
  };
}

let current: ClockRegistry | undefined;

export function clockRegistry(): ClockRegistry {
  current ??= buildClockRegistry();
  return current;
}

/** For tests and the local runtime: replace the registry (undefined re-reads the environment). */
export function configureClockRegistry(r: ClockRegistry | undefined): void {
  current = r;
}

export function clockContext(r: ClockRegistry, policyId: string): ClockContext {
  return { policy: getClockPolicy(r.policies, policyId), calendar: r.calendar };
}

export function escalationOf(policy: ClockPolicy): EscalationPolicy {
  return {
    ackWindowMs: durationMs(policy.escalation.ackWindow),
    remindEveryMs: durationMs(policy.escalation.remindEvery),
  };
}

const OPINION_POLICY_IDS: readonly OpinionPolicyId[] = [
  'opinion.release',
  'opinion.press-conference',
  'opinion.timely-release',
  'opinion.hot-topic-response',
];

/** The opinion domain counts in milliseconds; its policies are hour-counted, so the conversion is exact. */
export function opinionPolicies(r: ClockRegistry): OpinionClockPolicies {
  const entries = OPINION_POLICY_IDS.map((id) => {
    const p = getClockPolicy(r.policies, id);
    if (p.counting !== 'hours') throw new Error(`policy ${id} must count hours, not ${p.counting}`);
    return [id, { durationMs: durationMs(p.duration), warningsMs: p.warnings.map((w) => durationMs(w)) }] as const;
  });
  return Object.fromEntries(entries) as unknown as OpinionClockPolicies;
}
