// The board's view of a clock (the HTTP contract's `Clock`): ISO times in the city's offset, the
// policy's legal source and whether the city has confirmed it.
import type { ClockRecord } from '@fazhi/platform/clocks/clock-record';
import type { ClockRegistry } from '@fazhi/platform/clocks/registry';
import { toCityIso } from '@fazhi/platform/events/envelope';
import * as z from 'zod';

export const clockViewSchema = z.object({
  id: z.string(),
  policyId: z.string(),
  kind: z.string().describe('release, press-conference, timely-release, response, …'),
  label: z.string(),
  labelEn: z.string(),
  subject: z.object({ type: z.string(), id: z.string(), title: z.string() }),
  departmentId: z.string(),
  startedAt: z.string(),
  dueAt: z.string().describe('the last instant that is still on time'),
  status: z.enum(['running', 'paused', 'met', 'breached', 'cancelled']),
  metAt: z.string().optional(),
  breachedAt: z.string().optional(),
  policySource: z.string().describe('the legal source in Chinese'),
  policySourceEn: z.string().optional().describe('the legal source in English, where the policy has one'),
  verified: z.boolean(),
});

export type ClockView = z.infer<typeof clockViewSchema>;

export function clockView(r: ClockRecord, registry: ClockRegistry): ClockView {
  const policy = Object.hasOwn(registry.policies, r.policyId) ? registry.policies[r.policyId] : undefined;
  // `sourceEn` arrives with the policy data's split into Chinese and English fields.
  const sourceEn = (policy as { sourceEn?: unknown } | undefined)?.sourceEn;
  return {
    id: r.id,
    policyId: r.policyId,
    kind: r.kind,
    label: r.label,
    labelEn: r.labelEn,
    subject: { type: r.subject.type, id: r.subject.id, title: r.subject.title ?? '' },
    departmentId: r.departmentId,
    startedAt: toCityIso(r.startedAt),
    dueAt: toCityIso(r.dueAt),
    status: r.status,
    ...(r.metAt !== undefined ? { metAt: toCityIso(r.metAt) } : {}),
    ...(r.breachedAt !== undefined ? { breachedAt: toCityIso(r.breachedAt) } : {}),
    policySource: policy?.source ?? '',
    ...(typeof sourceEn === 'string' && sourceEn ? { policySourceEn: sourceEn } : {}),
    verified: policy?.verified ?? false,
  };
}
