// GET / PUT /v1/mediation/agreement-template: the 人民调解协议书 template the agreement PDF prints from
// (the domain's default until the city saves its own), replaced with optimistic concurrency: the
// body names the version it was read at, and a stale one is refused (409) before the write, whose
// own condition (putVersioned) refuses a save that raced it. Each version is kept: an agreement
// records the version in force and its PDF prints from it.
import {
  AGREEMENT_PLACEHOLDERS,
  type AgreementTemplate,
  DEFAULT_AGREEMENT_TEMPLATE,
  PARTY_LINE_PLACEHOLDERS,
  validateAgreementTemplate,
} from '@fazhi/domain/mediation/agreement-template';
import { commit } from '@fazhi/platform/ddb/commit';
import { ConflictError } from '@fazhi/platform/errors';
import { toCityIso } from '@fazhi/platform/events/envelope';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import type { Caller } from '../shared/access';
import { getStoredTemplate, putAgreementTemplate, type Stored } from '../shared/config-store';

function view(stored: Stored<AgreementTemplate> | undefined) {
  return {
    template: stored?.value ?? DEFAULT_AGREEMENT_TEMPLATE,
    version: stored?.version ?? 0,
    ...(stored ? { updatedAt: toCityIso(stored.updatedAt), updatedBy: stored.updatedBy } : {}),
    placeholders: AGREEMENT_PLACEHOLDERS,
    partyPlaceholders: PARTY_LINE_PLACEHOLDERS,
  };
}

/** `hub` is the caller already refused unless the hub or an admin. */
export async function getTemplateRoute({ deps: d }: RouteContext<RouteWiring>, _hub: Caller): Promise<Reply> {
  return { status: 200, body: view(await getStoredTemplate(d)) };
}

export async function putTemplateRoute({ body, deps: d }: RouteContext<RouteWiring>, hub: Caller): Promise<Reply> {
  const { version, template } = body as { version: number; template: AgreementTemplate };
  const next = validateAgreementTemplate(template);
  const prior = await getStoredTemplate(d);
  const current = prior?.version ?? 0;
  if (current !== version)
    throw new ConflictError(
      'agreement-template-stale',
      `协议书模板已被修改（当前版本 ${current}，所据版本 ${version}），请重新读取后再改。`,
    );
  await commit(d, putAgreementTemplate(d, prior, next, hub.actor));
  return {
    status: 200,
    body: view({ value: next, version: current + 1, updatedAt: d.clock.now(), updatedBy: hub.actor }),
  };
}
