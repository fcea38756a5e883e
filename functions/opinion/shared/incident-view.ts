// The HTTP contract's `Incident`: ISO times in the city's offset, every clock the incident ran
// (cancelled ones too, so a regrade's history stays visible), milestones and the timeline.
import type { IncidentState } from '@fazhi/domain/opinion/incident-state';
import { toCityIso } from '@fazhi/platform/events/envelope';
import * as z from 'zod';

export const incidentViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  level: z.enum(['I', 'II', 'III', 'IV', 'hot']),
  occurredAt: z.string(),
  discoveredAt: z.string(),
  responsibleDepartmentId: z.string(),
  summary: z.string(),
  status: z.enum(['open', 'closed']),
  clocks: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      label: z.string(),
      labelEn: z.string(),
      dueAt: z.string(),
      status: z.enum(['running', 'met', 'breached', 'cancelled']),
      metAt: z.string().optional(),
    }),
  ),
  milestones: z.array(
    z.object({
      kind: z.enum(['release', 'press-conference', 'response']),
      at: z.string(),
      channel: z.string(),
      evidenceUrl: z.string().optional(),
      documentNo: z.string().optional(),
      recordedBy: z.string(),
    }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      type: z.string(),
      text: z.string(),
      textEn: z.string(),
      by: z.string().optional().describe('who acted; the text begins with this username'),
    }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
});

export type IncidentView = z.infer<typeof incidentViewSchema>;

/** A milestone as the API and the OpinionIncident.* events carry it: ISO times, no empty fields. */
export function milestoneView(m: IncidentState['milestones'][number]) {
  return {
    kind: m.kind,
    at: toCityIso(m.at),
    channel: m.channel,
    ...(m.evidenceUrl !== undefined ? { evidenceUrl: m.evidenceUrl } : {}),
    ...(m.documentNo !== undefined ? { documentNo: m.documentNo } : {}),
    recordedBy: m.recordedBy,
  };
}

export function incidentView(s: IncidentState): IncidentView {
  return {
    id: s.id,
    title: s.title,
    level: s.level,
    occurredAt: toCityIso(s.occurredAt),
    discoveredAt: toCityIso(s.discoveredAt),
    responsibleDepartmentId: s.responsibleDepartmentId,
    summary: s.summary,
    status: s.status,
    clocks: s.clocks.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label,
      labelEn: c.labelEn,
      dueAt: toCityIso(c.dueAt),
      status: c.status,
      ...(c.metAt !== undefined ? { metAt: toCityIso(c.metAt) } : {}),
    })),
    milestones: s.milestones.map(milestoneView),
    timeline: s.timeline.map((t) => ({
      at: toCityIso(t.at),
      type: t.type,
      text: t.text,
      textEn: t.textEn,
      ...(t.by !== undefined ? { by: t.by } : {}),
    })),
    version: s.version,
    createdAt: toCityIso(s.createdAt),
  };
}
