import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { recipientsOf } from '@fazhi/domain/exchange/rights';
import { findCatalogEntry } from '@fazhi/events/catalog';
import { commit, TransactionConflict } from '@fazhi/platform/ddb/commit';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { listDepartments } from '@fazhi/platform/repos/departments';
import { inboxPk, type Receipt, receiptKey, sharedEventOf, WEBHOOK_REQUESTED } from '../shared/deliveries';

export const handler = eventHandler(async (event, d) => {
  const entry = findCatalogEntry(event['detail-type']);
  if (!entry) return;
  const eventId = event.detail.meta.eventId;
  const sender = event.source.startsWith('dept.') ? event.source.slice(5) : undefined;
  const departments = await listDepartments(d);
  const { deliver, refused } = recipientsOf(entry, event.detail.data, departments, sender);
  const shared = sharedEventOf({
    eventId,
    source: event.source,
    detailType: event['detail-type'],
    time: event.time,
    detail: event.detail,
  });

  for (const departmentId of deliver) {
    const dept = departments.find((x) => x.id === departmentId);
    const hasWebhook = Boolean(dept?.webhook?.enabled);
    const cursor = d.newId();
    const receipt: Receipt = {
      eventId,
      departmentId,
      status: 'delivered',
      inbox: { storedAt: d.clock.now(), cursor },
      webhook: { status: hasWebhook ? 'pending' : 'none', attempts: 0 },
    };
    try {
      await commit(
        d,
        [
          {
            Put: {
              TableName: d.tableName,
              Item: { ...receiptKey(eventId, departmentId), type: 'receipt', ...receipt },
              // A redelivered event (at-least-once bus) finds its receipt and stops here.
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: d.tableName,
              Item: { pk: inboxPk(departmentId), sk: cursor, type: 'inbox', eventId, event: shared },
            },
          },
        ],
        hasWebhook
          ? [
              {
                source: 'fazhi.exchange',
                detailType: WEBHOOK_REQUESTED,
                data: { eventId, departmentId },
                correlationId: event.detail.meta.correlationId,
              },
            ]
          : [],
      );
    } catch (e) {
      if (e instanceof TransactionConflict && e.failed.includes(0)) continue;
      throw e;
    }
  }
  for (const r of refused) {
    const receipt: Receipt = {
      eventId,
      departmentId: r.departmentId,
      status: 'refused',
      reason: r.reason,
      webhook: { status: 'none', attempts: 0 },
    };
    await d.ddb
      .send(
        new PutCommand({
          TableName: d.tableName,
          Item: { ...receiptKey(eventId, r.departmentId), type: 'receipt', ...receipt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((e: Error) => {
        if (e.name !== 'ConditionalCheckFailedException') throw e;
      });
  }
  logger.info('event shared', { eventId, delivered: deliver.length, refused: refused.length });
});
