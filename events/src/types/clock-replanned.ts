import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { isoDateTimeSchema } from '../fields';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const clockReplannedDataSchema = z.strictObject({
  ...clockHeadShape,
  cause: z.enum(['policy', 'calendar']),
  previousDueAt: isoDateTimeSchema,
  policyVersion: z.number().int().min(1),
  previousPolicyVersion: z.number().int().min(1),
});

export const clockReplannedV1 = defineEntry({
  detailType: 'Clock.Replanned',
  version: 1,
  title: '时限已重新计算',
  titleEn: 'Clock re-planned',
  description:
    '管理员按新版本政策重新计算在办时限（cause 为 policy），或载入新年度节假日安排后重新计算暂定的到期时间（cause 为 calendar）。',
  descriptionEn:
    'An admin re-planned a running clock under a newer policy version (`policy`), or a provisional due was recomputed after next year\u2019s calendar was loaded (`calendar`).',
  data: clockReplannedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJP4C58098F2S9C9MK71TRSG',
      occurredAt: '2026-12-20T10:00:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV80',
      policyId: 'transfer.reverse-review',
      subject: { type: 'reverse-transfer', id: '01KJRPRW80Z9MRYBX3PC4HQV81', title: '某某食品公司不起诉案' },
      departmentId: 'procuratorate',
      dueAt: '2027-01-04T23:59:59.999+08:00',
      at: '2026-12-20T10:00:00.000+08:00',
      provisional: false,
      cause: 'calendar',
      previousDueAt: '2027-01-01T23:59:59.999+08:00',
      policyVersion: 1,
      previousPolicyVersion: 1,
    },
  },
});
