import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { alertHeadShape } from '../parts/alert';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const alertRaisedDataSchema = z.strictObject({ ...alertHeadShape });

export const alertRaisedV1 = defineEntry({
  detailType: 'Alert.Raised',
  version: 1,
  title: '值班预警',
  titleEn: 'Alert raised',
  description: '时限临期或超期，向当班人员发出预警。',
  descriptionEn: 'A deadline warning or breach alerts the people on duty.',
  data: alertRaisedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJXVJA80J68NCG8Y0H3G1NWH',
      occurredAt: '2026-03-04T15:00:00.001+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      alertId: '01KJVTAXC0VDCDM9Q97T1WPBEB',
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV79-release',
      departmentId: 'emergency',
      level: 'officer',
      recipients: ['emergency.duty'],
      reason: 'breach',
      clockKind: 'release',
      subject: { type: 'opinion-incident', id: '01KJRPRW80Z9MRYBX3PC4HQV79', title: '某路段化工车辆侧翻事故' },
      at: '2026-03-04T15:00:00.001+08:00',
    },
  },
});
