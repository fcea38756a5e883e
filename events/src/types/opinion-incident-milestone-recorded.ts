import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { aggregateIdSchema } from '../fields';
import {
  incidentClocksSchema,
  incidentHeadShape,
  milestoneSchema,
  opinionPublishers,
  opinionSubscribers,
} from '../parts/opinion';

export const opinionIncidentMilestoneRecordedDataSchema = z.strictObject({
  ...incidentHeadShape,
  milestone: milestoneSchema,
  metClockId: aggregateIdSchema.optional().describe('the clock this milestone met, if one was running'),
  clocks: incidentClocksSchema,
});

export const opinionIncidentMilestoneRecordedV1 = defineEntry({
  detailType: 'OpinionIncident.MilestoneRecorded',
  version: 1,
  title: '政务舆情回应节点登记',
  titleEn: 'Public-opinion milestone recorded',
  description: '登记权威发布、新闻发布会或回应：何时、何渠道、证明链接或文号、登记人。',
  descriptionEn:
    'An authoritative release, press conference or response is recorded: when, where, evidence link or document number, by whom.',
  data: opinionIncidentMilestoneRecordedDataSchema,
  publishers: opinionPublishers,
  subscribers: opinionSubscribers,
  example: {
    meta: {
      eventId: '01KK0DZ180PZ07JQMQNSS05BAJ',
      occurredAt: '2026-03-04T14:20:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      incidentId: '01KJRPRW80Z9MRYBX3PC4HQV79',
      title: '某路段化工车辆侧翻事故',
      level: 'II',
      responsibleDepartmentId: 'emergency',
      milestone: {
        kind: 'release',
        at: '2026-03-04T14:20:00+08:00',
        channel: '市政府门户网站',
        evidenceUrl: 'https://www.example.gov.cn/xxgk/2026/0304/notice.html',
        recordedBy: 'propaganda.duty',
      },
      metClockId: '01KJRPRW80Z9MRYBX3PC4HQV79-release',
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
          status: 'running',
        },
      ],
    },
  },
});
