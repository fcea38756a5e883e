import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { isoDateTimeSchema, textSchema, usernameSchema } from '../fields';
import {
  incidentClocksSchema,
  incidentHeadShape,
  incidentLevelSchema,
  opinionPublishers,
  opinionSubscribers,
} from '../parts/opinion';

export const opinionIncidentRegradedDataSchema = z.strictObject({
  ...incidentHeadShape,
  previousLevel: incidentLevelSchema,
  reason: textSchema(1000),
  occurredAt: isoDateTimeSchema.describe('the original occurrence; regraded clocks are recomputed from it'),
  clocks: incidentClocksSchema.describe('every clock after the regrade, cancelled ones included'),
  regradedBy: usernameSchema.optional(),
  at: isoDateTimeSchema,
});

export const opinionIncidentRegradedV1 = defineEntry({
  detailType: 'OpinionIncident.Regraded',
  version: 1,
  title: '政务舆情事件调整级别',
  titleEn: 'Public-opinion incident regraded',
  description: '事件级别调整，时限按原始发生时间重新计算；已完成的节点保持完成。',
  descriptionEn:
    'The incident level changed; deadlines are recomputed from the original occurrence time and met milestones stay met.',
  data: opinionIncidentRegradedDataSchema,
  publishers: opinionPublishers,
  subscribers: opinionSubscribers,
  example: {
    meta: {
      eventId: '01KJV95K805SSD4BKHVP58SFJ5',
      occurredAt: '2026-03-04T12:00:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      incidentId: '01KJRPRW80Z9MRYBX3PC4HQV79',
      title: '某路段化工车辆侧翻事故',
      level: 'II',
      previousLevel: 'III',
      responsibleDepartmentId: 'emergency',
      reason: '伤亡人数上升，按重大突发事件处置。',
      occurredAt: '2026-03-04T10:00:00+08:00',
      clocks: [
        {
          id: '01KJRPRW80Z9MRYBX3PC4HQV79-timely-release',
          kind: 'timely-release',
          dueAt: '2026-03-05T10:00:00+08:00',
          status: 'cancelled',
        },
        {
          id: '01KJRPRW80Z9MRYBX3PC4HQV79-release',
          kind: 'release',
          dueAt: '2026-03-04T15:00:00+08:00',
          status: 'running',
        },
        {
          id: '01KJRPRW80Z9MRYBX3PC4HQV79-press-conference',
          kind: 'press-conference',
          dueAt: '2026-03-05T10:00:00+08:00',
          status: 'running',
        },
      ],
      regradedBy: 'propaganda.leader',
      at: '2026-03-04T12:00:00+08:00',
    },
  },
});
