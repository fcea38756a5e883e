import * as z from 'zod';
import { aggregateIdSchema, departmentIdSchema, isoDateTimeSchema, isoDurationSchema, usernameSchema } from '../fields';
import { clockSubjectSchema } from './clock';

// Fields shared by the Alert.* detail-types (值班值守, DOMAIN.md §2).

/** 值班员 → 带班领导 → department head. */
export const alertLevelSchema = z.enum(['officer', 'leader', 'head']);

export const alertHeadShape = {
  alertId: aggregateIdSchema,
  clockId: aggregateIdSchema,
  departmentId: departmentIdSchema,
  level: alertLevelSchema.describe('the level the alert is at after this event'),
  recipients: z
    .array(usernameSchema)
    .max(50)
    .describe(
      'the people notified; empty when the department has no roster on duty (the department as a whole is alerted)',
    ),
  reason: z.enum(['warning', 'breach']).describe('why the alert was raised'),
  warning: isoDurationSchema.optional().describe('for a warning: how long before due, e.g. PT1H'),
  clockKind: z.string().max(64).optional(),
  subject: clockSubjectSchema.optional(),
  at: isoDateTimeSchema.describe('when this happened'),
};
