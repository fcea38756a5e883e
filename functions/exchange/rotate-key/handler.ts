import { commit, TransactionConflict } from '@fazhi/platform/ddb/commit';
import { ConflictError, NotFoundError } from '@fazhi/platform/errors';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { httpRoute } from '@fazhi/platform/http/route';
import { getDepartment, getKeySet, rotationWrites } from '@fazhi/platform/repos/departments';
import { rotateKeyWiring } from './wiring';

export const handler = httpRoute(rotateKeyWiring.routes![0]!, async ({ params, body, principal, deps: d }) => {
  const departmentId = params.departmentId ?? '';
  if (!(await getDepartment(d, departmentId))) throw new NotFoundError(`Department ${departmentId}`);
  const set = await getKeySet(d, departmentId);
  const { issued, rotation, writes } = rotationWrites(d, set, body.graceHours * 3600_000);
  const [, ...previous] = rotation.keys;
  const now = d.clock.now();
  try {
    await commit(d, writes, [
      {
        source: 'fazhi.exchange',
        detailType: 'Exchange.ApiKeyRotated',
        data: {
          departmentId,
          keyId: issued.keyId,
          by: principal?.kind === 'user' ? principal.username : 'unknown',
          previousKeys: previous.map((k) => k.keyId),
          revokedKeys: rotation.changed.filter((k) => k.expiresAt === now).map((k) => k.keyId),
        },
      },
    ]);
  } catch (e) {
    // Not decided again: of two rotations at the same moment one key must win, not both in turn.
    if (e instanceof TransactionConflict)
      throw new ConflictError(
        'key-rotation-conflict',
        'Another rotation of this department’s key committed at the same moment; this one issued nothing. Use that rotation’s key, or rotate again.',
        e,
      );
    throw e;
  }
  const expiries = previous.flatMap((k) => (k.expiresAt === undefined ? [] : [k.expiresAt]));
  return {
    status: 201,
    body: {
      departmentId,
      keyId: issued.keyId,
      apiKey: issued.apiKey,
      ...(expiries.length > 0 ? { previousKeysExpireAt: toCityIso(Math.max(...expiries)) } : {}),
      liveKeys: rotation.keys.map((k) => ({
        keyId: k.keyId,
        createdAt: toCityIso(k.createdAt),
        ...(k.expiresAt !== undefined ? { expiresAt: toCityIso(k.expiresAt) } : {}),
      })),
    },
  };
});
