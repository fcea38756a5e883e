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
    maxTimes: z.number().int().min(1),
    /** The most all extensions together may add, in the policy's counting unit. */
    maxTotal: isoDurationText,
  })
  .strict();

export const clockPolicySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'must look like service.clock-name, e.g. opinion.release'),
    /** Chinese name, shown first in the front end. */
    name: z.string().trim().min(1),
    nameEn: z.string().trim().min(1),
    /** What starts the clock, in words (e.g. the event's occurrence time, not the report). */
    startsOn: z.string().trim().min(1),
    duration: isoDurationText,
    counting: countingModeSchema,
    /** How long before dueAt each warning fires. */
    warnings: z.array(fixedDurationText),
    escalation: escalationSchema,
    extension: extensionRuleSchema.optional(),
    pausable: z.boolean(),
    /** The legal or policy text the limit comes from. */
    source: z.string().trim().min(1),
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
    if (policy.extension) {
      try {
        durationInCountingUnits(policy.extension.maxTotal, policy.counting);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          path: ['extension', 'maxTotal'],
          message: `does not fit ${policy.counting}: ${reasonOf(error)}`,
        });
      }
    }
  });

export type ClockPolicy = z.infer<typeof clockPolicySchema>;
export type EscalationRule = z.infer<typeof escalationSchema>;
export type ExtensionRule = z.infer<typeof extensionRuleSchema>;
