import { commit } from '@fazhi/platform/ddb/commit';
import { NotFoundError } from '@fazhi/platform/errors';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { httpRoute } from '@fazhi/platform/http/route';
import { activeKeysOf, getDepartment, newKeyWrites } from '@fazhi/platform/repos/departments';
import { rotateKeyWiring } from './wiring';

export const handler = httpRoute(rotateKeyWiring.routes![0]!, async ({ params, body, principal, deps: d }) => {
  const departmentId = params.departmentId ?? '';
  if (!(await getDepartment(d, departmentId))) throw new NotFoundError(`Department ${departmentId}`);
  const previous = await activeKeysOf(d, departmentId);
  const graceMs = body.graceHours * 3600_000;
  const { issued, writes } = newKeyWrites(d, departmentId, previous, graceMs);
  await commit(d, writes, [
    {
      source: 'fazhi.exchange',
      detailType: 'Exchange.ApiKeyRotated',
      data: {
        departmentId,
        keyId: issued.keyId,
        by: principal?.kind === 'user' ? principal.username : 'unknown',
        previousKeys: previous.map((k) => k.keyId),
      },
    },
  ]);
  return {
    status: 201,
    body: {
      departmentId,
      keyId: issued.keyId,
      apiKey: issued.apiKey,
      ...(previous.length > 0 ? { previousKeysExpireAt: toCityIso(d.clock.now() + graceMs) } : {}),
    },
  };
});
