import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const startVerificationBody = z
  .object({
    from: z
      .enum(['checkpoint', 'genesis'])
      .default('checkpoint')
      .describe(
        '`checkpoint`: from the last checkpoint the hourly job verified; `genesis`: the whole chain (an audit)',
      ),
  })
  .strict();

const problemSchema = z
  .object({ kind: z.string(), seq: z.number(), eventId: z.string().optional(), message: z.string() })
  .describe('The FIRST entry found altered or removed');

export const verificationView = z.object({
  jobId: z.string(),
  status: z.enum(['running', 'done']),
  from: z.enum(['checkpoint', 'genesis']),
  startedAfter: z.number().describe('The checkpoint the walk started after (0: the genesis)'),
  checked: z.number().describe('Entries verified so far'),
  requestedAt: z.string(),
  finishedAt: z.string().optional(),
  report: z
    .object({
      ok: z.boolean(),
      checked: z.number(),
      head: z.object({ seq: z.number(), hash: z.string() }),
      problem: problemSchema.optional(),
    })
    .optional(),
});

const doc = { tags: ['evidence'], roles: ['admin', 'auditor'] };

export const verifyEvidenceWiring = defineFunction({
  name: 'exchange-verify-evidence',
  service: 'exchange',
  description: 'Starts an evidence-chain verification job and reads its result',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/evidence/verifications',
      auth: 'user',
      doc: {
        ...doc,
        summary: 'Start verifying the evidence log (admin, auditor)',
        description:
          'Runs as a job: the answer is 202 with the job id at once; read the result with GET. Also `npm run fazhi -- evidence verify` locally.',
        body: startVerificationBody,
        responses: {
          202: { description: 'The job, started', schema: verificationView },
          401: { description: 'Not signed in' },
          403: { description: 'Not an admin or auditor' },
          422: { description: 'Bad body' },
        },
      },
    },
    {
      method: 'GET',
      path: '/v1/evidence/verifications/{jobId}',
      auth: 'user',
      doc: {
        params: z.object({ jobId: ulidParam }),
        ...doc,
        summary: 'A verification job and, when done, its report naming the first entry altered or removed',
        responses: {
          200: { description: 'The job', schema: verificationView },
          401: { description: 'Not signed in' },
          403: { description: 'Not an admin or auditor' },
          404: { description: 'No such job' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess({ read: ['VERIFY#', 'CHECKPOINT'], write: ['VERIFY#'] }, P.outbox),
});
