import * as z from 'zod';
import { MILESTONE_KINDS } from './clock-kinds';
import { CHANNEL_MAX, DOCUMENT_NO_MAX, REASON_MAX, SUMMARY_MAX, TITLE_MAX, URL_MAX } from './incident-state';
import { OPINION_LEVELS } from './levels';

// API bodies of the opinion-incident routes. Timestamps must be ISO 8601 with an offset
// (`+08:00` or `Z`) and come out as epoch ms; because of that transform, OpenAPI generation must
// use `z.toJSONSchema(schema, { io: 'input' })`. Rules that need "now" (not in the future) are the
// domain's, which is handed the clock.

const instant = z.iso
  .datetime({ offset: true, error: 'Expected an ISO 8601 timestamp with offset, e.g. 2026-11-22T08:00:00+08:00' })
  .transform((s) => Date.parse(s));

const text = (name: string, max: number) =>
  z
    .string({ error: `${name} must be text` })
    .trim()
    .min(1, { error: `${name} must not be empty` })
    .max(max, { error: `${name} must be at most ${max} characters` });

export const opinionLevelSchema = z.enum(OPINION_LEVELS, {
  error: "level must be one of 'I', 'II', 'III', 'IV', 'hot' (Ⅰ 特别重大, Ⅱ 重大, Ⅲ 较大, Ⅳ 一般, 非突发热点)",
});

export const openIncidentBodySchema = z
  .object({
    title: text('title', TITLE_MAX),
    level: opinionLevelSchema,
    occurredAt: instant,
    discoveredAt: instant,
    responsibleDepartmentId: text('responsibleDepartmentId', 100),
    summary: text('summary', SUMMARY_MAX),
  })
  .check((ctx) => {
    if (ctx.issues.length > 0) return;
    if (ctx.value.discoveredAt < ctx.value.occurredAt) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['discoveredAt'],
        message: 'discoveredAt must not be before occurredAt (发现时间不能早于发生时间)',
      });
    }
  });

export const milestoneBodySchema = z
  .object({
    kind: z.enum(MILESTONE_KINDS, { error: "kind must be 'release', 'press-conference' or 'response'" }),
    at: instant,
    channel: text('channel', CHANNEL_MAX),
    evidenceUrl: z
      .url({ protocol: /^https?$/, error: 'evidenceUrl must be an http(s) link' })
      .max(URL_MAX, { error: `evidenceUrl must be at most ${URL_MAX} characters` })
      .optional(),
    documentNo: text('documentNo', DOCUMENT_NO_MAX).optional(),
  })
  .check((ctx) => {
    if (ctx.value.evidenceUrl === undefined && ctx.value.documentNo === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['evidenceUrl'],
        message:
          'A milestone needs an evidence link (evidenceUrl) or a document number (documentNo) (需提供链接或文号)',
      });
    }
  });

export const regradeBodySchema = z.object({
  level: opinionLevelSchema,
  reason: text('reason', REASON_MAX),
});

export const closeBodySchema = z.object({
  reason: text('reason', REASON_MAX),
});

export type OpenIncidentBody = z.output<typeof openIncidentBodySchema>;
export type MilestoneBody = z.output<typeof milestoneBodySchema>;
export type RegradeBody = z.output<typeof regradeBodySchema>;
export type CloseBody = z.output<typeof closeBodySchema>;
