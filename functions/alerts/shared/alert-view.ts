// The board's view of an alert (the HTTP contract's `Alert`), ISO times in the city's offset.
import type { AlertState } from '@fazhi/domain/alerts/alert-state';
import { toCityIso } from '@fazhi/platform/events/envelope';
import * as z from 'zod';
import type { NameOf } from './person-names';

export const alertViewSchema = z.object({
  id: z.string(),
  clockId: z.string(),
  clockKind: z.string(),
  label: z.string(),
  subject: z.object({ type: z.string(), id: z.string(), title: z.string() }),
  departmentId: z.string(),
  reason: z.enum(['warning', 'breach']),
  warning: z.string().optional().describe('for a warning: how long before due, e.g. PT1H'),
  level: z.enum(['officer', 'leader', 'head']),
  recipients: z.array(z.string()),
  recipientNames: z
    .array(z.string())
    .optional()
    .describe('the recipients as people are called (the directory’s displayName), in the same order'),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  raisedAt: z.string(),
  escalatedAt: z.string().optional().describe('the latest escalation'),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
  acknowledgedByName: z.string().optional().describe('who acknowledged it, by name'),
  resolvedAt: z.string().optional(),
  resolution: z.string().optional().describe('clock-met, clock-cancelled, superseded, …'),
  dueAt: z.string(),
});

export type AlertView = z.infer<typeof alertViewSchema>;

/** With `nameOf`, the view also names the people (recipientNames, acknowledgedByName). */
export function alertView(s: AlertState, nameOf?: NameOf): AlertView {
  const escalated = s.escalations.at(-1)?.at;
  return {
    id: s.id,
    clockId: s.clockId,
    clockKind: s.clockKind,
    label: s.label,
    subject: { ...s.subject },
    departmentId: s.departmentId,
    reason: s.reason,
    ...(s.warning !== undefined ? { warning: s.warning } : {}),
    level: s.level,
    recipients: s.recipients,
    ...(nameOf ? { recipientNames: s.recipients.map(nameOf) } : {}),
    status: s.status,
    raisedAt: toCityIso(s.raisedAt),
    ...(escalated !== undefined ? { escalatedAt: toCityIso(escalated) } : {}),
    ...(s.acknowledgedAt !== undefined ? { acknowledgedAt: toCityIso(s.acknowledgedAt) } : {}),
    ...(s.acknowledgedBy !== undefined ? { acknowledgedBy: s.acknowledgedBy } : {}),
    ...(s.acknowledgedBy !== undefined && nameOf ? { acknowledgedByName: nameOf(s.acknowledgedBy) } : {}),
    ...(s.resolvedAt !== undefined ? { resolvedAt: toCityIso(s.resolvedAt) } : {}),
    ...(s.resolution !== undefined ? { resolution: s.resolution } : {}),
    dueAt: toCityIso(s.dueAt),
  };
}
