import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { hasRole } from '@fazhi/platform/auth/principal';
import type { EventItem } from '@fazhi/platform/ddb/outbox';
import { NotFoundError } from '@fazhi/platform/errors';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { httpRoute } from '@fazhi/platform/http/route';
import type { Receipt } from '../shared/deliveries';
import { receiptsWiring } from './wiring';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : toCityIso(ms));

/**
 * The recipient (and an admin) sees how its own endpoint answered; anyone else sees only delivered,
 * failed or pending and the attempt count. Telling a sender "HTTP 404" from "connection refused"
 * would make webhooks a port scanner.
 */
function webhookView(r: Receipt, detailed: boolean) {
  const w = r.webhook;
  if (detailed)
    return {
      webhook: {
        status: w.status,
        attempts: w.attempts,
        ...(w.lastAttemptAt ? { lastAttemptAt: iso(w.lastAttemptAt) } : {}),
        ...(w.lastError ? { lastError: w.lastError } : {}),
        ...(w.deliveredAt ? { deliveredAt: iso(w.deliveredAt) } : {}),
      },
    };
  if (w.status === 'none' || w.status === 'skipped') return {};
  const status = w.status === 'failing' ? 'failed' : w.status;
  return { webhook: { status, attempts: w.attempts } };
}

export const handler = httpRoute(receiptsWiring.routes![0]!, async ({ principal, params, deps: d }) => {
  const eventId = params.eventId ?? '';
  const page = await d.ddb.send(
    new QueryCommand({
      TableName: d.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `EVENT#${eventId}` },
    }),
  );
  const items = page.Items ?? [];
  const event = items.find((i) => i.sk === 'EVENT') as EventItem | undefined;
  if (!event) throw new NotFoundError(`Event ${eventId}`);
  const p = principal!;
  const seesAll = event.source === `dept.${p.departmentId}` || hasRole(p, 'admin') || hasRole(p, 'auditor');
  const receipts = (items.filter((i) => i.type === 'receipt') as unknown as Receipt[]).filter(
    (r) => seesAll || r.departmentId === p.departmentId,
  );
  if (!seesAll && receipts.length === 0) throw new NotFoundError(`Event ${eventId}`);
  return {
    status: 200,
    body: {
      eventId,
      detailType: event.detailType,
      source: event.source,
      acceptedAt: toCityIso(event.createdAt),
      ...(event.chainSeq !== undefined ? { chainSeq: event.chainSeq } : {}),
      ...(event.publishedAt !== undefined ? { publishedAt: toCityIso(event.publishedAt) } : {}),
      receipts: receipts.map((r) => ({
        departmentId: r.departmentId,
        status: r.status,
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.inbox ? { inboxStoredAt: iso(r.inbox.storedAt) } : {}),
        ...webhookView(r, p.departmentId === r.departmentId || hasRole(p, 'admin')),
      })),
    },
  };
});
