import { NotFoundError } from '@fazhi/platform/errors';
import { readVerification, startVerification, verificationView } from '@fazhi/platform/evidence/verification';
import { httpRoutes } from '@fazhi/platform/http/route';
import { verifyEvidenceWiring } from './wiring';

export const handler = httpRoutes(verifyEvidenceWiring.routes, {
  'POST /v1/evidence/verifications': async ({ body, principal, deps: d }) => {
    const from = (body as { from: 'checkpoint' | 'genesis' }).from;
    const job = await startVerification(d, from, principal?.kind === 'user' ? principal.username : 'unknown');
    return {
      status: 202,
      body: verificationView(job),
      headers: { location: `/v1/evidence/verifications/${job.jobId}` },
    };
  },
  'GET /v1/evidence/verifications/{jobId}': async ({ params, deps: d }) => {
    const job = await readVerification(d, params.jobId!);
    if (!job) throw new NotFoundError(`Verification ${params.jobId}`);
    return { status: 200, body: verificationView(job) };
  },
});
