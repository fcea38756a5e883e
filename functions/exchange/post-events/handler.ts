import { canPublish } from '@fazhi/domain/exchange/rights';
import { findCatalogEntry } from '@fazhi/events/catalog';
import { postedDetailSchema as postedDetail } from '@fazhi/events/envelope';
import { requireDepartment } from '@fazhi/platform/auth/principal';
import { idempotencyKeyOf, requestHash, runIdempotent } from '@fazhi/platform/ddb/idempotency';
import { type EventItem, newEventItem } from '@fazhi/platform/ddb/outbox';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { type FieldError, ForbiddenError, UnauthorizedError, ValidationError } from '@fazhi/platform/errors';
import { httpRoute, zodErrors } from '@fazhi/platform/http/route';
import { emitMetric, METRICS } from '@fazhi/platform/metrics';
import { type DepartmentRecord, listDepartments } from '@fazhi/platform/repos/departments';
import { postEventsWiring } from './wiring';

export const handler = httpRoute(
  postEventsWiring.routes![0]!,
  async ({ principal, body, headers, rawBody, deps: d }) => {
    const caller = requireDepartment(principal!);
    const key = idempotencyKeyOf(headers['idempotency-key']);
    const sender = (await listDepartments(d)).find((x) => x.id === caller.departmentId);
    if (!sender) throw new UnauthorizedError('The department of this API key no longer exists.');

    // Everything below runs only for a new key: a retry gets its first answer even if the same
    // entries would now be refused (a right withdrawn, a type retired).
    const result = await runIdempotent(
      d,
      `events#${sender.id}`,
      key,
      requestHash(rawBody),
      async () => {
        const items = acceptedEntries(d, sender, body.entries);
        return {
          response: { status: 202, body: { entries: items.map((e) => ({ eventId: e.eventId })) } },
          writes: [],
          events: items,
        };
      },
      { rawBody },
    );
    if (!result.replayed) emitMetric(METRICS.eventsAccepted, (result.body as { entries: unknown[] }).entries.length);
    const replayHeader: Record<string, string> = result.replayed ? { 'idempotent-replayed': 'true' } : {};
    return { status: result.status, body: result.body, headers: replayHeader };
  },
);

type Entries = { detailType: string; detail?: unknown }[];

/** The entries as outbox items, or a 422 naming every refused field (nothing is stored then). */
function acceptedEntries(d: PlatformDeps, sender: DepartmentRecord, entries: Entries): EventItem[] {
  const problems: FieldError[] = [];
  const accepted = entries.map((entry, i) => {
    const type = findCatalogEntry(entry.detailType);
    if (!type) {
      problems.push({
        path: `entries.${i}.detailType`,
        message: `unknown detail-type ${entry.detailType}; see GET /v1/catalog`,
      });
      return undefined;
    }
    if (!canPublish(type, sender)) {
      throw new ForbiddenError(`Department ${sender.id} may not publish ${entry.detailType}.`, 'publish-not-allowed');
    }
    const detail = postedDetail.safeParse(entry.detail);
    const data = detail.success ? type.data.safeParse(detail.data.data) : undefined;
    if (!detail.success || !data?.success) {
      const errs = detail.success ? zodErrors(data!.error!) : zodErrors(detail.error);
      for (const e of errs)
        problems.push({ path: `entries.${i}.detail${detail.success ? '.data' : ''}.${e.path}`, message: e.message });
      return undefined;
    }
    const meta = detail.data.meta;
    return newEventItem(d, {
      source: `dept.${sender.id}`,
      detailType: type.detailType,
      schemaVersion: type.version,
      data: data.data,
      ...(meta?.correlationId ? { correlationId: meta.correlationId } : {}),
      ...(meta?.occurredAt ? { occurredAt: Date.parse(meta.occurredAt) } : {}),
    });
  });
  if (problems.length > 0) {
    throw new ValidationError('One or more entries were refused; nothing was stored.', problems, 'invalid-events');
  }
  return accepted.filter((x) => x !== undefined);
}
