import * as z from 'zod';
import { DEFAULT_POLICY_LIST } from './default-policies';
import { durationInCountingUnits } from './due';
import { ClockPolicyError, UnknownClockPolicyError } from './errors';
import {
  type ClockPolicy,
  clockPolicySchema,
  countingModeSchema,
  decidedPeriodSchema,
  escalationSchema,
  extensionRuleSchema,
  isoDurationText,
  pauseReasonSchema,
  workdayWarningsSchema,
} from './policy-schema';
import { describeZodIssues } from './zod-issues';

/** Policies by id. Plain data so a service can log or serve it as JSON. */
export type PolicyCatalog = Readonly<Record<string, ClockPolicy>>;

/** Validates each policy; ids must be unique. @throws ClockPolicyError */
export function buildPolicyCatalog(policies: readonly unknown[], label = 'clock policies'): PolicyCatalog {
  const parsed = z.array(clockPolicySchema).safeParse(policies);
  if (!parsed.success) {
    throw new ClockPolicyError(`${label} are invalid:\n${describeZodIssues(parsed.error)}`, { cause: parsed.error });
  }
  const catalog: Record<string, ClockPolicy> = {};
  for (const policy of parsed.data) {
    if (catalog[policy.id]) throw new ClockPolicyError(`${label} are invalid:\n- ${policy.id} is defined twice`);
    catalog[policy.id] = policy;
  }
  return Object.freeze(catalog);
}

/** The national defaults (default-policies.ts), validated when the module loads. */
export const defaultPolicies: PolicyCatalog = buildPolicyCatalog(DEFAULT_POLICY_LIST, 'default clock policies');

/** @throws UnknownClockPolicyError */
export function getClockPolicy(catalog: PolicyCatalog, id: string): ClockPolicy {
  const policy = Object.hasOwn(catalog, id) ? catalog[id] : undefined;
  if (!policy) throw new UnknownClockPolicyError(id);
  return policy;
}

const policyOverrideSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().min(1).optional(),
    mode: z.enum(['dueBy', 'notBefore']).optional(),
    name: z.string().trim().min(1).optional(),
    nameEn: z.string().trim().min(1).optional(),
    startsOn: z.string().trim().min(1).optional(),
    startsOnEn: z.string().trim().min(1).optional(),
    duration: isoDurationText.optional(),
    counting: countingModeSchema.optional(),
    rolls: z.boolean().optional(),
    warnings: z.array(z.string()).optional(),
    /** null removes the working-hours warnings. */
    workdayWarnings: workdayWarningsSchema.nullable().optional(),
    escalation: escalationSchema.partial().optional(),
    /** null removes the extension rule. */
    extension: extensionRuleSchema.nullable().optional(),
    /** null removes the decided period. */
    decided: decidedPeriodSchema.nullable().optional(),
    pauseReasons: z.array(pauseReasonSchema).optional(),
    source: z.string().trim().min(1).optional(),
    sourceEn: z.string().trim().min(1).optional(),
    note: z.string().trim().min(1).optional(),
    verified: z.boolean().optional(),
  })
  .strict();

const overrideFileSchema = z.union([
  z.array(policyOverrideSchema),
  z.object({ policies: z.array(policyOverrideSchema) }).strict(),
]);

type PolicyOverride = z.infer<typeof policyOverrideSchema>;

/** The base with the override's fields; the version moves on, so clocks can tell which rule they run. */
function merge(base: ClockPolicy, override: PolicyOverride): unknown {
  const { extension, escalation, decided, workdayWarnings, ...rest } = override;
  const merged: Record<string, unknown> = { ...base, ...stripUndefined(rest), version: base.version + 1 };
  if (escalation) merged.escalation = { ...base.escalation, ...stripUndefined(escalation) };
  const nullable = { extension, decided, workdayWarnings };
  for (const [key, value] of Object.entries(nullable)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  // Working-hours warnings belong to day counting; a switch to hours drops them unless set again.
  if (merged.counting === 'hours' && workdayWarnings === undefined) delete merged.workdayWarnings;
  return merged;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Why an override of a verified statutory limit is refused, or undefined when it is allowed. A city
 * may tighten a statutory limit but not loosen it; calendarDays ↔ workingDays is allowed because the
 * regulations leave "日" undefined (DOMAIN.md §4). Unverified defaults are the city's to set.
 */
function looseningReason(base: ClockPolicy, next: ClockPolicy): string | undefined {
  if (!base.verified) return undefined;
  const dayModes = ['calendarDays', 'workingDays'];
  if (next.counting !== base.counting) {
    if (dayModes.includes(base.counting) && dayModes.includes(next.counting)) return undefined;
    return `counting ${base.counting} of a verified statutory limit may only change between calendarDays and workingDays`;
  }
  const before = durationInCountingUnits(base.duration, base.counting);
  const after = durationInCountingUnits(next.duration, next.counting);
  if (after > before) return `duration ${next.duration} loosens the verified statutory limit ${base.duration}`;
  if (base.decided && (!next.decided || units(next.decided.max, next) > units(base.decided.max, base))) {
    return `the decided period's bound ${next.decided?.max ?? '(none)'} loosens the verified bound ${base.decided.max}`;
  }
  return undefined;
}

const units = (duration: string, p: ClockPolicy) => durationInCountingUnits(duration, p.counting);

/**
 * Applies a city's policy file over `base`: an array (or `{ "policies": [...] }`, or its JSON text)
 * of entries `{ "id": ..., <fields to change> }`. Listed fields replace the base's (`warnings`
 * wholesale, `escalation` field by field, `extension: null` removes it); an unknown id must be a
 * complete new policy. Every resulting policy is validated again.
 * @throws ClockPolicyError with one line per problem
 */
export function applyPolicyOverrides(base: PolicyCatalog, json: unknown): PolicyCatalog {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      throw new ClockPolicyError(`policy override is not valid JSON: ${(cause as Error).message}`, { cause });
    }
  }
  const file = overrideFileSchema.safeParse(value);
  if (!file.success) {
    throw new ClockPolicyError(`policy override is invalid:\n${describeZodIssues(file.error)}`, { cause: file.error });
  }
  const entries = Array.isArray(file.data) ? file.data : file.data.policies;
  const next: Record<string, ClockPolicy> = { ...base };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) {
      problems.push(`- ${entry.id}: listed twice`);
      continue;
    }
    seen.add(entry.id);
    const existing = Object.hasOwn(base, entry.id) ? base[entry.id] : undefined;
    const candidate = existing ? merge(existing, entry) : { version: 1, mode: 'dueBy', pauseReasons: [], ...entry };
    const parsed = clockPolicySchema.safeParse(candidate);
    if (!parsed.success) {
      const prefix = existing ? '' : ' (not a known policy id, so it must be a complete policy)';
      const lines = describeZodIssues(parsed.error)
        .replaceAll('\n- ', `\n- ${entry.id}.`)
        .replace(/^- /, `- ${entry.id}.`);
      problems.push(prefix ? `- ${entry.id}${prefix}:\n${lines}` : lines);
      continue;
    }
    const reason = existing ? looseningReason(existing, parsed.data) : undefined;
    if (reason) {
      problems.push(`- ${entry.id}: ${reason}`);
      continue;
    }
    next[entry.id] = parsed.data;
  }
  if (problems.length > 0) throw new ClockPolicyError(`policy override is invalid:\n${problems.join('\n')}`);
  return Object.freeze(next);
}
