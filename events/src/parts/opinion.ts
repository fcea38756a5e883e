import * as z from 'zod';
import type { Audience } from '../catalog-entry';
import {
  aggregateIdSchema,
  departmentIdSchema,
  isoDateTimeSchema,
  textSchema,
  usernameSchema,
  webUrlSchema,
} from '../fields';

// Fields shared by the OpinionIncident.* detail-types (政务舆情, DOMAIN.md §1).

/** Ⅰ 特别重大, Ⅱ 重大, Ⅲ 较大, Ⅳ 一般 (突发事件应对法 Art. 3); `hot`: a non-emergency hot topic. */
export const incidentLevelSchema = z.enum(['I', 'II', 'III', 'IV', 'hot']);

export const incidentClockKindSchema = z.enum(['release', 'press-conference', 'timely-release', 'response']);

export const clockStatusSchema = z.enum(['running', 'paused', 'met', 'breached', 'cancelled']);

/** The incident's clocks as they stand after the event. */
export const incidentClocksSchema = z
  .array(
    z.strictObject({
      id: aggregateIdSchema,
      kind: incidentClockKindSchema,
      dueAt: isoDateTimeSchema,
      status: clockStatusSchema,
    }),
  )
  .max(20);

export const milestoneKindSchema = z.enum(['release', 'press-conference', 'response']);

export const milestoneSchema = z
  .strictObject({
    kind: milestoneKindSchema,
    at: isoDateTimeSchema.describe('when it was released / held'),
    channel: textSchema(200).describe('where: website, Weibo account, press venue…'),
    evidenceUrl: webUrlSchema.optional(),
    documentNo: textSchema(100).optional(),
    recordedBy: usernameSchema,
  })
  .refine((m) => m.evidenceUrl !== undefined || m.documentNo !== undefined, {
    message: 'a milestone needs evidenceUrl or documentNo',
    path: ['evidenceUrl'],
  })
  // The refinement is invisible to JSON Schema; state the same rule there for departments' validators.
  .meta({
    description: 'a milestone needs evidenceUrl or documentNo (or both)',
    anyOf: [{ required: ['evidenceUrl'] }, { required: ['documentNo'] }],
  });

/** Identity of the incident, repeated in every OpinionIncident.* event so a subscriber needs no lookup. */
export const incidentHeadShape = {
  incidentId: aggregateIdSchema,
  title: textSchema(200),
  level: incidentLevelSchema,
  responsibleDepartmentId: departmentIdSchema.describe('涉事责任部门'),
};

/** Published by the opinion service; received by the departments that respond to public opinion and the one responsible. */
export const opinionPublishers: Audience = { platform: true };
export const opinionSubscribers: Audience = {
  kinds: ['propaganda', 'cyberspace', 'emergency', 'government-office'],
  fromData: ['responsibleDepartmentId'],
};
