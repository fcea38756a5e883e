import type { OpinionLevel } from './levels';

// Which deadlines an incident runs, by level (DOMAIN.md §1), and which milestone meets which
// clock. Durations are policy data owned by the clocks service: they are referred to here by
// policy id and handed in by the caller (OpinionClockPolicies).

export const OPINION_CLOCK_KINDS = ['release', 'press-conference', 'timely-release', 'response'] as const;
export type OpinionClockKind = (typeof OPINION_CLOCK_KINDS)[number];

export const MILESTONE_KINDS = ['release', 'press-conference', 'response'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export type OpinionPolicyId =
  | 'opinion.release'
  | 'opinion.press-conference'
  | 'opinion.timely-release'
  | 'opinion.hot-topic-response';

export interface OpinionClockSpec {
  policyId: OpinionPolicyId;
  /** Emergencies count from the occurrence, not the report; hot topics from discovery by monitoring. */
  startsFrom: 'occurredAt' | 'discoveredAt';
  label: string;
  labelEn: string;
  /** Milestone kinds that meet this clock. */
  metBy: readonly MilestoneKind[];
}

export const OPINION_CLOCK_SPECS: Readonly<Record<OpinionClockKind, OpinionClockSpec>> = {
  release: {
    policyId: 'opinion.release',
    startsFrom: 'occurredAt',
    label: '权威发布',
    labelEn: 'Authoritative release',
    metBy: ['release'],
  },
  'press-conference': {
    policyId: 'opinion.press-conference',
    startsFrom: 'occurredAt',
    label: '新闻发布会',
    labelEn: 'Press conference',
    metBy: ['press-conference'],
  },
  // An authoritative release is itself a timely release: after a Ⅱ→Ⅲ regrade the release already
  // made must not leave a fresh timely-release clock running.
  'timely-release': {
    policyId: 'opinion.timely-release',
    startsFrom: 'occurredAt',
    label: '及时发布',
    labelEn: 'Timely release',
    metBy: ['response', 'release'],
  },
  response: {
    policyId: 'opinion.hot-topic-response',
    startsFrom: 'discoveredAt',
    label: '热点回应',
    labelEn: 'Hot-topic response',
    metBy: ['response'],
  },
};

export const MILESTONE_LABELS: Readonly<Record<MilestoneKind, { zh: string; en: string }>> = {
  release: { zh: '权威发布', en: 'Authoritative release' },
  'press-conference': { zh: '新闻发布会', en: 'Press conference' },
  response: { zh: '回应', en: 'Response' },
};

const REQUIRED: Readonly<Record<OpinionLevel, readonly OpinionClockKind[]>> = {
  I: ['release', 'press-conference'],
  II: ['release', 'press-conference'],
  III: ['timely-release'],
  IV: ['timely-release'],
  hot: ['response'],
};

/** The clocks an incident of this level must run. */
export function requiredClockKinds(level: OpinionLevel): readonly OpinionClockKind[] {
  return REQUIRED[level];
}

/** Per policy id, from the clocks service's policy registry (hours-only policies: ms are exact). */
export interface OpinionClockPolicy {
  durationMs: number;
  /** Warning offsets before due, in ms (clock defaults: 2 h, 1 h, 30 min). Used for `reportedLate`. */
  warningsMs?: readonly number[];
}

export type OpinionClockPolicies = Readonly<Record<OpinionPolicyId, OpinionClockPolicy>>;
