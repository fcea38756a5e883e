import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { isoDateTimeSchema, textSchema, usernameSchema } from '../fields';
import { incidentClocksSchema, incidentHeadShape, opinionPublishers, opinionSubscribers } from '../parts/opinion';

export const opinionIncidentClosedDataSchema = z.strictObject({
  ...incidentHeadShape,
  reason: textSchema(1000),
  clocks: incidentClocksSchema.describe('final state; clocks still running at closing are cancelled'),
  closedBy: usernameSchema.optional(),
  at: isoDateTimeSchema,
});

export const opinionIncidentClosedV1 = defineEntry({
  detailType: 'OpinionIncident.Closed',
  version: 1,
  title: '政务舆情事件办结',
  titleEn: 'Public-opinion incident closed',
  description: '事件办结；未完成的时限随之取消。',
  descriptionEn: 'The incident is closed; deadlines not yet met are cancelled.',
  data: opinionIncidentClosedDataSchema,
  publishers: opinionPublishers,
  subscribers: opinionSubscribers,
  example: {
    meta: {
      eventId: '01KJXVJA80N9GDXMYM2EQC90XR',
      occurredAt: '2026-03-06T09:00:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      incidentId: '01KJRPRW80Z9MRYBX3PC4HQV79',
      title: '某路段化工车辆侧翻事故',
      level: 'II',
      responsibleDepartmentId: 'emergency',
      reason: '已完成权威发布和新闻发布会，舆情平稳。',
      clocks: [
        {
          id: '01KJRPRW80Z9MRYBX3PC4HQV79-release',
          kind: 'release',
          dueAt: '2026-03-04T15:00:00+08:00',
          status: 'met',
        },
        {
          id: '01KJRPRW80Z9MRYBX3PC4HQV79-press-conference',
          kind: 'press-conference',
          dueAt: '2026-03-05T10:00:00+08:00',
          status: 'met',
        },
      ],
      closedBy: 'propaganda.leader',
      at: '2026-03-06T09:00:00+08:00',
    },
  },
});
