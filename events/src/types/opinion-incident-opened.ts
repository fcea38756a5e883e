import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { isoDateTimeSchema, textSchema, usernameSchema } from '../fields';
import { incidentClocksSchema, incidentHeadShape, opinionPublishers, opinionSubscribers } from '../parts/opinion';

export const opinionIncidentOpenedDataSchema = z.strictObject({
  ...incidentHeadShape,
  occurredAt: isoDateTimeSchema.describe('when the underlying event happened; clocks of Ⅰ–Ⅳ start here'),
  discoveredAt: isoDateTimeSchema.describe('when monitoring found it; the hot-topic clock starts here'),
  summary: textSchema(2000),
  clocks: incidentClocksSchema,
  openedBy: usernameSchema.optional(),
  reportedLate: z.boolean().optional().describe('a clock was already within its first warning or past due at opening'),
});

export const opinionIncidentOpenedV1 = defineEntry({
  detailType: 'OpinionIncident.Opened',
  version: 1,
  title: '政务舆情事件登记',
  titleEn: 'Public-opinion incident opened',
  description: '登记一起政务舆情事件并按级别启动权威发布、新闻发布会等时限。',
  descriptionEn: 'A government public-opinion incident is opened and its deadlines (release, press conference) start.',
  data: opinionIncidentOpenedDataSchema,
  publishers: opinionPublishers,
  subscribers: opinionSubscribers,
  example: {
    meta: {
      eventId: '01KJRPRW807MBW3JK7PE7C73G9',
      occurredAt: '2026-03-04T14:50:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      incidentId: '01KJRPRW80Z9MRYBX3PC4HQV79',
      title: '某路段化工车辆侧翻事故',
      level: 'II',
      responsibleDepartmentId: 'emergency',
      occurredAt: '2026-03-04T10:00:00+08:00',
      discoveredAt: '2026-03-04T10:40:00+08:00',
      summary: '一辆危化品运输车辆侧翻，网络出现大量现场视频，需在 5 小时内权威发布、24 小时内召开新闻发布会。',
      clocks: [
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
      openedBy: 'propaganda.duty',
      reportedLate: true,
    },
  },
});
