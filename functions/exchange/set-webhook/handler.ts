import { randomBytes } from 'node:crypto';
import { hasRole } from '@fazhi/platform/auth/principal';
import { commit, putVersioned, TransactionConflict } from '@fazhi/platform/ddb/commit';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { departmentItem, getDepartment, invalidateDepartmentCache } from '@fazhi/platform/repos/departments';
import { setWebhookWiring } from './wiring';

export const handler = httpRoute(setWebhookWiring.routes![0]!, async ({ params, body, principal, deps: d }) => {
  const departmentId = params.departmentId ?? '';
  const p = principal!;
  if (!hasRole(p, 'admin') && p.departmentId !== departmentId) {
    throw new ForbiddenError('Only an admin or the head of this department may set its webhook.');
  }
  const dept = await getDepartment(d, departmentId);
  if (!dept) throw new NotFoundError(`Department ${departmentId}`);
  // The same rules and resolution as every delivery (platform/src/webhook-sender.ts).
  const verdict = await d.webhooks.check(body.url);
  if (!verdict.ok)
    throw new ValidationError(`The webhook URL is refused: ${verdict.reason}.`, [
      { path: 'url', code: 'webhook-url-refused', message: verdict.reason },
    ]);
  const issue = body.rotateSecret || !dept.webhook;
  const secret = issue ? randomBytes(32).toString('base64url') : undefined;
  // Kept sealed as stored; a secret still in plain text (stored before sealing) is sealed now.
  const sealedSecret = issue
    ? await d.secrets.seal(secret!, { departmentId })
    : (dept.webhook!.sealedSecret ?? (await d.secrets.seal(dept.webhook!.secret ?? '', { departmentId })));
  const next = {
    ...dept,
    webhook: { url: body.url, sealedSecret, enabled: body.enabled, updatedAt: d.clock.now() },
    version: dept.version + 1,
  };
  try {
    await commit(
      d,
      [putVersioned(d, departmentItem(next) as typeof next)],
      [
        {
          source: 'fazhi.exchange',
          detailType: 'Exchange.WebhookChanged',
          data: { departmentId, url: body.url, enabled: body.enabled, secretRotated: issue },
        },
      ],
    );
  } catch (e) {
    if (e instanceof TransactionConflict)
      throw new ConflictError('concurrent-change', 'The department was changed meanwhile; retry.', e);
    throw e;
  }
  invalidateDepartmentCache();
  return { status: 200, body: { departmentId, url: body.url, enabled: body.enabled, ...(issue ? { secret } : {}) } };
});
