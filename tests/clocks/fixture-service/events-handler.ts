import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { testCaseClockEvents } from './subject';

// Idempotent: one item per clock version, so a redelivery writes nothing new.
export const handler = eventHandler(async (event, d) => {
  const e = testCaseClockEvents.parse(event);
  await d.ddb
    .send(
      new PutCommand({
        TableName: d.tableName,
        Item: {
          pk: `TESTCASE#${e.data.subject.id}`,
          sk: `EVENT#${e.meta.occurredAt}#${e.meta.eventId}`,
          detailType: e.detailType,
          data: e.data,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    .catch((err: Error) => {
      if (err.name !== 'ConditionalCheckFailedException') throw err;
    });
});
