import { slugParam, subjectIdParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const caseAlertEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(['raised', 'escalated', 'reminded', 'acknowledged', 'resolved', 'notified']),
  alertId: z.string(),
  clockId: z.string(),
  clockKind: z.string(),
  label: z.string(),
  reason: z.enum(['warning', 'breach']),
  warning: z.string().optional(),
  dueAt: z.string(),
  level: z.enum(['officer', 'leader', 'head']).optional(),
  from: z.enum(['officer', 'leader', 'head']).optional(),
  recipients: z.array(z.string()).optional(),
  by: z.string().optional(),
  resolution: z.string().optional(),
  channel: z.string().optional().describe('for `notified`: sns (SMS / e-mail), local'),
  outcome: z.enum(['sent', 'skipped', 'failed']).optional(),
  error: z.string().optional(),
});

export const caseAlertsWiring = defineFunction({
  name: 'alerts-case-history',
  service: 'alerts',
  description:
    'Every alert of a case with its escalations, acknowledgements and notifications, for after-action review',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/subjects/{subjectType}/{subjectId}/alerts',
      auth: 'either',
      doc: {
        params: z.object({ subjectType: slugParam, subjectId: subjectIdParam }),
        summary: 'A case’s alert history (警报、升级、确认与通知记录)',
        description:
          'For an incident: `/v1/subjects/opinion-incident/{incidentId}/alerts`. Oldest first. Only alerts of departments you may see.',
        tags: ['alerts'],
        responses: {
          200: {
            description: 'The entries',
            schema: z.object({
              items: z.array(caseAlertEntrySchema),
              names: z
                .record(z.string(), z.string())
                .describe('the people the entries name (recipients, who acknowledged): username → displayName'),
            }),
          },
          401: { description: 'Not authenticated' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, { read: ['SUBJECTALERTS#', 'ALERT#'], query: { gsi1: ['PERSON#'] } }),
});
