import * as z from 'zod';
import { MAX_SHIFTS, MAX_USERNAME_LENGTH, shiftProblems } from './roster';

// The PUT /v1/departments/{id}/roster body. Instants arrive as ISO 8601 with an offset and leave
// the schema as epoch milliseconds (the domain's unit). Because of that transform, OpenAPI
// generation must describe it with `z.toJSONSchema(schema, { io: 'input' })`.

const instant = z.iso
  .datetime({ offset: true, error: 'Expected an ISO 8601 timestamp with offset, e.g. 2026-11-22T08:00:00+08:00' })
  .transform((s) => Date.parse(s));

const username = z
  .string({ error: 'Expected a username' })
  .trim()
  .min(1, { error: 'Username must not be empty (用户名不能为空)' })
  .max(MAX_USERNAME_LENGTH, { error: `Username must be at most ${MAX_USERNAME_LENGTH} characters` });

export const shiftBodySchema = z.object({
  id: z.string().trim().min(1, { error: 'Shift id must not be empty' }).max(64),
  startsAt: instant,
  endsAt: instant,
  officer: username,
  leader: username,
});

export const rosterBodySchema = z
  .object({
    departmentId: z.string().min(1).optional(),
    head: username,
    shifts: z.array(shiftBodySchema).max(MAX_SHIFTS, {
      error: `A roster holds at most ${MAX_SHIFTS} shifts; remove past ones (最多 ${MAX_SHIFTS} 个班次)`,
    }),
    version: z.number().int().min(0, { error: 'version is the roster version last read, 0 when there was none' }),
  })
  .check((ctx) => {
    // Cross-shift rules only once every field is valid (before that, instants may still be strings).
    if (ctx.issues.length > 0) return;
    for (const issue of shiftProblems(ctx.value.shifts)) {
      if (issue.path.length === 1) continue; // the length cap, already checked above
      ctx.issues.push({ code: 'custom', message: issue.message, path: issue.path, input: ctx.value });
    }
  });

export type RosterBody = z.output<typeof rosterBodySchema>;
