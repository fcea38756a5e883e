import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { aggregateIdSchema, isoDateTimeSchema, textSchema } from '../fields';

// The court's answers to a judicial-confirmation application (司法确认, 法释〔2011〕5号): it accepts
// within 3 days of the application and decides within 15 days (+10) of accepting. Each answer meets
// the clock the platform runs for it.

const caseRef = {
  caseId: aggregateIdSchema.describe('the mediation case, as MediationCase.ConfirmationApplied named it'),
  courtCaseNo: textSchema(100).optional().describe('the court’s own case number'),
};

export const judicialConfirmationAcceptedDataSchema = z.strictObject({
  ...caseRef,
  acceptedAt: isoDateTimeSchema,
});
export const judicialConfirmationAcceptedV1 = defineEntry({
  detailType: 'JudicialConfirmation.Accepted',
  version: 1,
  title: '司法确认申请受理',
  titleEn: 'Court accepts a judicial-confirmation application',
  description: '人民法院受理调解协议司法确认申请（收到申请后3日内）。',
  descriptionEn: 'The court accepts the application to confirm a mediation agreement (within 3 days).',
  data: judicialConfirmationAcceptedDataSchema,
  publishers: { kinds: ['court'] },
  subscribers: { kinds: ['justice'] },
  example: {
    meta: {
      eventId: '01KJMED0000000000000000J01',
      occurredAt: '2026-03-20T10:00:00+08:00',
      correlationId: '01JMEDCASE000000000000000A',
      schemaVersion: 1,
    },
    data: {
      caseId: '01JMEDCASE000000000000000A',
      courtCaseNo: '（2026）皖0202民特15号',
      acceptedAt: '2026-03-20T10:00:00+08:00',
    },
  },
});

export const judicialConfirmationDecidedDataSchema = z.strictObject({
  ...caseRef,
  confirmed: z.boolean().describe('true: the agreement is confirmed valid; false: the application is refused'),
  decidedAt: isoDateTimeSchema,
  rulingNo: textSchema(100).optional().describe('the ruling (民事裁定书) number'),
});
export const judicialConfirmationDecidedV1 = defineEntry({
  detailType: 'JudicialConfirmation.Decided',
  version: 1,
  title: '司法确认决定',
  titleEn: 'Court decides on judicial confirmation',
  description: '人民法院作出确认调解协议有效或驳回申请的裁定（受理后15日内，经院长批准可延长10日）。',
  descriptionEn: 'The court confirms the agreement or refuses the application (15 days from acceptance, +10).',
  data: judicialConfirmationDecidedDataSchema,
  publishers: { kinds: ['court'] },
  subscribers: { kinds: ['justice'] },
  example: {
    meta: {
      eventId: '01KJMED0000000000000000J02',
      occurredAt: '2026-03-30T16:00:00+08:00',
      correlationId: '01JMEDCASE000000000000000A',
      schemaVersion: 1,
    },
    data: {
      caseId: '01JMEDCASE000000000000000A',
      courtCaseNo: '（2026）皖0202民特15号',
      confirmed: true,
      decidedAt: '2026-03-30T16:00:00+08:00',
      rulingNo: '（2026）皖0202民特15号民事裁定书',
    },
  },
});
