// The opinion domain counts in milliseconds; its policies must count hours (a city may not switch
// them to days), so the conversion is exact. The clock service itself runs any counting mode.
import { durationMs, getClockPolicy } from '@fazhi/domain/clocks/index';
import type { OpinionClockPolicies, OpinionPolicyId } from '@fazhi/domain/opinion/clock-kinds';
import type { ClockRegistry } from '@fazhi/platform/clocks/registry';

const OPINION_POLICY_IDS: readonly OpinionPolicyId[] = [
  'opinion.release',
  'opinion.press-conference',
  'opinion.timely-release',
  'opinion.hot-topic-response',
];

export function opinionPolicies(r: ClockRegistry): OpinionClockPolicies {
  const entries = OPINION_POLICY_IDS.map((id) => {
    const p = getClockPolicy(r.policies, id);
    if (p.counting !== 'hours') throw new Error(`policy ${id} must count hours, not ${p.counting}`);
    return [id, { durationMs: durationMs(p.duration), warningsMs: p.warnings.map((w) => durationMs(w)) }] as const;
  });
  return Object.fromEntries(entries) as unknown as OpinionClockPolicies;
}
