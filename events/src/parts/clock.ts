import * as z from 'zod';
import { aggregateIdSchema, departmentIdSchema, isoDateTimeSchema, textSchema } from '../fields';

// Fields shared by the Clock.* detail-types (statutory and policy deadlines).

export const clockSubjectSchema = z.strictObject({
  type: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'subject type: kebab-case, e.g. opinion-incident'),
  id: aggregateIdSchema,
  title: textSchema(200).optional(),
});

export const clockHeadShape = {
  clockId: aggregateIdSchema,
  policyId: z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/, 'policy id, e.g. opinion.release'),
  subject: clockSubjectSchema,
  departmentId: departmentIdSchema.describe('the department that must meet the deadline'),
  dueAt: isoDateTimeSchema.describe('the last instant that is still on time'),
  at: isoDateTimeSchema.describe('when this happened'),
  provisional: z
    .boolean()
    .optional()
    .describe('the due counts a year whose holiday calendar is not loaded yet (weekends only); it moves when it is'),
};
