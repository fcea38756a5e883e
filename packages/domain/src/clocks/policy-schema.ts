import * as z from 'zod';
import { COUNTING_MODES, type CountingMode, durationInCountingUnits } from './due';
import { durationMs, isFixedDuration, parseDuration } from './duration';
import { ClockError } from './errors';

// A clock policy is data: what starts the clock, how long it runs, how it counts, when to warn,
// how alerts escalate, who may extend it, and the legal source with a `verified` flag a deploying
// city must be able to see (DOMAIN.md: unverified defaults are a best reading to confirm).

function reasonOf(error: unknown): string {
  return error instanceof ClockError ? error.message : String(error);
}

export const isoDurationText = z.string().superRefine((text, ctx) => {
  try {
    parseDuration(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: reasonOf(error) });
  }
});

/** A duration with a fixed length (no months or years), longer than zero: warnings, escalation windows. */
const fixedDurationText = isoDurationText.superRefine((text, ctx) => {
  try {
    if (!isFixedDuration(text) || durationMs(text) <= 0) {
      ctx.addIssue({ code: 'custom', message: `${text} must be a fixed length longer than zero, e.g. PT30M or P1D` });
    }
  } catch {
    // already reported by isoDurationText
  }
});

export const countingModeSchema = z.enum(COUNTING_MODES as [CountingMode, ...CountingMode[]]);

export const escalationSchema = z
  .object({
    /** An alert not acknowledged within this window escalates one level. */
    ackWindow: fixedDurationText,
    /** An acknowledged alert reminds again at this interval until the milestone is met. */
    remindEvery: fixedDurationText,
  })
  .strict();

export const extensionRuleSchema = z
  .object({
    allowedRoles: z.array(z.string().trim().min(1)).min(1),
    /** How many extensions at most (without consent that lifts the limits). */
    maxTimes: z.number().int().min(1).optional(),
    /** The most all extensions together may add, in the policy's counting unit. */
    maxTotal: isoDurationText.optional(),
    /**
     * `required`: every extension records both parties' consent, within the limits.
     * `unlimited`: with both parties' consent recorded, maxTimes and maxTotal do not apply.
     */
    consent: z.enum(['required', 'unlimited']).optional(),
  })
  .strict()
  .refine((r) => r.maxTimes !== undefined || r.maxTotal !== undefined || r.consent === 'unlimited', {
    message: 'an extension rule needs maxTimes, maxTotal or consent "unlimited"',
  });

export const pauseReasonSchema = z
  .object({
    /** Stable code the API takes, e.g. `parties-agree`, `awaiting-materials`, `review-suspended`. */
    code: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'kebab-case code'),
    /** Chinese text, shown on zh pages. */
    name: z.string().trim().min(1),
    nameEn: z.string().trim().min(1),
  })
  .strict();

/** Warnings of a day-counted clock: at a time of day on working days before the due day (0 = the due day). */
export const workdayWarningsSchema = z
  .object({
    workingDaysBefore: z.array(z.number().int().min(0).max(30)).min(1),
    at: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, city time'),
  })
  .strict();

/** A period the starting decision sets (a contract's payment term, a court-set reply period). */
export const decidedPeriodSchema = z
  .object({
    /** True when the decision must set it; false when `duration` is the default a decision may change. */
    required: z.boolean(),
    min: isoDurationText.optional(),
    max: isoDurationText,
  })
  .strict();

const zhText = z
  .string()
  .trim()
  .min(1)
  .refine((t) => /\p{Script=Han}/u.test(t) && !/[A-Za-z]{4,}/.test(t), {
    message: 'Chinese text only (English goes in the …En field, internal notes in note)',
  });

export const clockPolicySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'must look like service.clock-name, e.g. opinion.release'),
    /** Changes whenever the city changes the policy; each clock records the version it runs under. */
    version: z.number().int().min(1),
    /** Chinese name, shown on zh pages. */
    name: zhText,
    nameEn: z.string().trim().min(1),
    /** What starts the clock, in Chinese (e.g. the event's occurrence time, not the report). */
    startsOn: zhText,
    startsOnEn: z.string().trim().min(1),
    /** `dueBy`: the act must happen by the due; `notBefore`: the earliest instant an act is allowed. */
    mode: z.enum(['dueBy', 'notBefore']),
    duration: isoDurationText,
    counting: countingModeSchema,
    /** Whether a last day that is a rest day or holiday rolls to the next working day (a period for an act). */
    rolls: z.boolean(),
    decided: decidedPeriodSchema.optional(),
    /** Hour clocks: how long before due each warning fires. */
    warnings: z.array(fixedDurationText),
    /** Day-counted clocks: warnings in working hours. */
    workdayWarnings: workdayWarningsSchema.optional(),
    escalation: escalationSchema,
    extension: extensionRuleSchema.optional(),
    /** The reasons a pause may give; empty when the clock cannot pause. */
    pauseReasons: z.array(pauseReasonSchema),
    /** The document title and article, in Chinese, shown on zh pages. */
    source: zhText,
    sourceEn: z.string().trim().min(1),
    /** Internal note for whoever maintains the policy; never shown on a page. */
    note: z.string().trim().min(1).optional(),
    /** False when the default is a best reading a deploying city must confirm. */
    verified: z.boolean(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    let durationUnits: number | undefined;
    try {
      durationUnits = durationInCountingUnits(policy.duration, policy.counting);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['duration'],
        message: `does not fit ${policy.counting}: ${reasonOf(error)}`,
      });
    }
    const seen = new Set<number>();
    policy.warnings.forEach((warning, index) => {
      let ms: number;
      try {
        ms = durationMs(warning);
      } catch {
        return; // reported by fixedDurationText
      }
      if (seen.has(ms))
        ctx.addIssue({ code: 'custom', path: ['warnings', index], message: `${warning} is listed twice` });
      seen.add(ms);
      if (policy.counting === 'hours' && durationUnits !== undefined && ms >= durationUnits) {
        ctx.addIssue({
          code: 'custom',
          path: ['warnings', index],
          message: `${warning} is not shorter than the time limit ${policy.duration}`,
        });
      }
    });
    if (policy.workdayWarnings && policy.counting === 'hours') {
      ctx.addIssue({ code: 'custom', path: ['workdayWarnings'], message: 'hour clocks warn by offsets (warnings)' });
    }
    const durations: [string[], string | undefined][] = [
      [['extension', 'maxTotal'], policy.extension?.maxTotal],
      [['decided', 'min'], policy.decided?.min],
      [['decided', 'max'], policy.decided?.max],
    ];
    for (const [path, value] of durations) {
      if (value === undefined) continue;
      try {
        durationInCountingUnits(value, policy.counting);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path, message: `does not fit ${policy.counting}: ${reasonOf(error)}` });
      }
    }
    const codes = policy.pauseReasons.map((r) => r.code);
    if (new Set(codes).size !== codes.length) {
      ctx.addIssue({ code: 'custom', path: ['pauseReasons'], message: 'a reason code is listed twice' });
    }
  });

export type ClockPolicy = z.infer<typeof clockPolicySchema>;
export type EscalationRule = z.infer<typeof escalationSchema>;
export type ExtensionRule = z.infer<typeof extensionRuleSchema>;
export type PauseReason = z.infer<typeof pauseReasonSchema>;
export type WorkdayWarnings = z.infer<typeof workdayWarningsSchema>;
export type DecidedPeriod = z.infer<typeof decidedPeriodSchema>;
