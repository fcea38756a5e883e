import type { OpinionClockPolicies } from './clock-kinds';
import type { OpenIncidentInput, OpinionDeps } from './incident-state';

// Shared by the opinion tests: the policy values the clocks service ships as defaults.
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const NOW = Date.parse('2026-11-22T14:00:00+08:00');

const WARNINGS = [2 * HOUR, HOUR, 30 * MIN];

export const POLICIES: OpinionClockPolicies = {
  'opinion.release': { durationMs: 5 * HOUR, warningsMs: WARNINGS },
  'opinion.press-conference': { durationMs: 24 * HOUR, warningsMs: WARNINGS },
  'opinion.timely-release': { durationMs: 24 * HOUR, warningsMs: WARNINGS },
  'opinion.hot-topic-response': { durationMs: 48 * HOUR, warningsMs: WARNINGS },
};

/** Deterministic clock ids: clk-1, clk-2, … per call. */
export function deps(): OpinionDeps {
  let n = 0;
  return { policies: POLICIES, newClockId: () => `clk-${++n}` };
}

export function incident(overrides: Partial<OpenIncidentInput> = {}): OpenIncidentInput {
  return {
    id: 'inc-1',
    title: '某路段危化品车辆侧翻',
    level: 'II',
    occurredAt: NOW - 4 * HOUR - 50 * MIN,
    discoveredAt: NOW - 30 * MIN,
    responsibleDepartmentId: 'emergency',
    summary: '一辆危化品运输车在城东高架侧翻，现场已封控。',
    openedBy: 'propaganda.duty',
    ...overrides,
  };
}
