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
  mode: z
    .enum(['dueBy', 'notBefore'])
    .describe('notBefore: dueAt is the end of a period before which the act is not allowed'),
  counting: z.enum(['hours', 'calendarDays', 'workingDays', 'months']),
  period: z.string().describe('the period in the counting unit, e.g. P10D'),
  decision: z
    .object({ documentNo: z.string(), decidedBy: z.string(), min: z.string().optional(), max: z.string() })
    .optional()
    .describe('the decision that set the period, and its bounds'),
  unrolledDueAt: z.string().describe('end of the period’s true last day, before the holiday roll'),
  provisional: z.boolean().describe('the due counts a year whose holiday calendar is not loaded (weekends only)'),
  provisionalYears: z.array(z.number()),
  pauses: z.array(
    z.object({
      id: z.string(),
      reason: z.string(),
      reasonName: z.string().describe('Chinese name of the reason'),
      reasonNameEn: z.string(),
      by: z.string(),
      documentNo: z.string().optional(),
      from: z.string(),
      to: z.string().optional(),
    }),
  ),
  extensions: z.array(
    z.object({
      by: z.string(),
      decidedBy: z.string(),
      role: z.string(),
      reason: z.string(),
      at: z.string(),
      documentNo: z.string().optional(),
      consent: z.object({ parties: z.array(z.string()), documentNo: z.string().optional() }).optional(),
    }),
  ),
  metAt: z.string().optional(),
  metWhilePaused: z.boolean().optional(),
  breachedAt: z.string().optional(),
  policyVersion: z.number().int(),
  policyName: z.string().describe('Chinese only'),
  policyNameEn: z.string(),
  policySource: z.string().describe('document title and article, Chinese only'),
  policySourceEn: z.string(),
  verified: z.boolean(),
});

export type ClockView = z.infer<typeof clockViewSchema>;

export function clockView(r: ClockRecord, registry: ClockRegistry): ClockView {
  const policy = Object.hasOwn(registry.policies, r.policyId) ? registry.policies[r.policyId] : undefined;
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
    mode: r.mode,
    counting: r.counting,
    period: r.period,
    ...(r.decision ? { decision: r.decision } : {}),
    unrolledDueAt: toCityIso(r.unrolledDueAt),
    provisional: r.provisionalYears.length > 0,
    provisionalYears: r.provisionalYears,
    pauses: r.pauses.map((p) => {
      const reason = policy?.pauseReasons.find((x) => x.code === p.reason);
      return {
        id: p.id,
        reason: p.reason,
        reasonName: reason?.name ?? p.reason,
        reasonNameEn: reason?.nameEn ?? p.reason,
        by: p.by,
        ...(p.documentNo ? { documentNo: p.documentNo } : {}),
        from: toCityIso(p.from),
        ...(p.to !== undefined ? { to: toCityIso(p.to) } : {}),
      };
    }),
    extensions: r.extensions.map((e) => ({ ...e, at: toCityIso(e.at) })),
    ...(r.metAt !== undefined ? { metAt: toCityIso(r.metAt) } : {}),
    ...(r.metWhilePaused ? { metWhilePaused: true } : {}),
    ...(r.breachedAt !== undefined ? { breachedAt: toCityIso(r.breachedAt) } : {}),
    policyVersion: r.policyVersion,
    policyName: policy?.name ?? r.label,
    policyNameEn: policy?.nameEn ?? r.labelEn,
    policySource: policy?.source ?? '',
    policySourceEn: policy?.sourceEn ?? '',
    verified: policy?.verified ?? false,
  };
}
