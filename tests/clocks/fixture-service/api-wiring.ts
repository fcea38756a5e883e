import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf, type RouteWiring } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { testCaseClockEvents } from './subject';

export const startBody = z.object({
  title: z.string().min(1),
  departmentId: z.string().min(1),
  period: z.object({ duration: z.string(), documentNo: z.string().min(1) }),
});
export const pauseBody = z.object({ reason: z.string(), documentNo: z.string().optional() });
export const resumeBody = z.object({ reason: z.string() });
export const extendBody = z.object({
  by: z.string(),
  reason: z.string().min(1),
  consent: z.object({ parties: z.array(z.string()), documentNo: z.string().optional() }).optional(),
});
export const meetBody = z.object({});

const route = (method: 'GET' | 'POST', path: string, summary: string, body?: z.ZodType): RouteWiring => ({
  method,
  path,
  auth: 'user',
  doc: { summary, tags: ['test'], ...(body ? { body } : {}), responses: { 200: { description: 'ok' } } },
});

export const testCasesApiWiring = defineFunction({
  name: 'test-cases-api',
  service: 'test-cases',
  description: 'Test-only service: starts, pauses, resumes, extends and meets its clocks through the platform',
  entry: entryOf(import.meta.url, 'api-handler.ts'),
  routes: [
    route('POST', '/v1/test-cases', 'Start a case and its clock', startBody),
    route('POST', '/v1/test-cases/{caseId}/pauses', 'Pause', pauseBody),
    route('POST', '/v1/test-cases/{caseId}/resumes', 'Resume', resumeBody),
    route('POST', '/v1/test-cases/{caseId}/extensions', 'Extend', extendBody),
    route('POST', '/v1/test-cases/{caseId}/met', 'Meet', meetBody),
    route('GET', '/v1/test-cases/{caseId}/events', 'The clock events the service received'),
  ],
  permissions: [],
  // Its clocks through the platform's clock commands (with an Idempotency-Key when the test sends
  // one), and the events it recorded.
  table: combineAccess(P.clockRegistry, P.clockWrites, P.idempotency('test-cases'), { read: ['TESTCASE#'] }, P.outbox),
});

export const testCasesEventsWiring = defineFunction({
  name: 'test-cases-clock-events',
  service: 'test-cases',
  description: 'Test-only service: records every clock event of its subject type it receives',
  entry: entryOf(import.meta.url, 'events-handler.ts'),
  subscriptions: [testCaseClockEvents.wiring],
  permissions: [],
  table: { write: ['TESTCASE#'] },
});
