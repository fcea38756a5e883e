// Migration of webhook secrets stored in plain text by versions before sealing. Decided: the
// delivery reads a legacy secret tolerantly (it still signs, with a warning), exchange-set-webhook
// seals it at the webhook's next save, and the local runtime seals every one it finds at start,
// with this function. In AWS (where only exchange-set-webhook may seal) a legacy secret stays
// readable by the delivery alone until that department's webhook is saved again.
import { commit, putVersioned, TransactionConflict } from '../ddb/commit';
import type { PlatformDeps } from '../deps';
import { departmentItem, invalidateDepartmentCache, listDepartments } from '../repos/departments';

/** Seals every plain-text webhook secret; answers how many it sealed. */
export async function sealLegacyWebhookSecrets(d: PlatformDeps): Promise<number> {
  let sealed = 0;
  for (const dept of await listDepartments(d, { fresh: true })) {
    const hook = dept.webhook;
    if (hook?.secret === undefined) continue;
    const { secret, ...rest } = hook;
    const sealedSecret = rest.sealedSecret ?? (await d.secrets.seal(secret, { departmentId: dept.id }));
    const next = { ...dept, webhook: { ...rest, sealedSecret }, version: dept.version + 1 };
    try {
      await commit(d, [putVersioned(d, departmentItem(next) as typeof next)]);
      sealed++;
    } catch (e) {
      // Saved meanwhile (and so sealed by set-webhook): nothing left to do for this one.
      if (!(e instanceof TransactionConflict)) throw e;
    }
  }
  if (sealed > 0) invalidateDepartmentCache();
  return sealed;
}
