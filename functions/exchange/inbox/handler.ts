import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { requireDepartment } from '@fazhi/platform/auth/principal';
import { ValidationError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { encodeTime } from 'ulid';
import { inboxPk } from '../shared/deliveries';
import { inboxWiring } from './wiring';

const encode = (sk: string) => Buffer.from(sk, 'utf8').toString('base64url');
function decode(cursor: string): string {
  const sk = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(sk))
    throw new ValidationError(
      'The cursor is not one this feed issued.',
      [{ path: 'after', message: 'invalid cursor' }],
      'invalid-cursor',
    );
  return sk;
}

export const handler = httpRoute(inboxWiring.routes![0]!, async ({ principal, query, deps: d }) => {
  const { departmentId } = requireDepartment(principal!);
  const after = query.after ? decode(query.after) : '0';
  // Inbox keys are ULIDs from the writer's clock; only hand out keys older than the settle window,
  // so a writer still committing an earlier key cannot land behind a cursor already returned.
  const settled = encodeTime(Math.max(0, d.clock.now() - d.inboxSettleMs), 10);
  const page = await d.ddb.send(
    new QueryCommand({
      TableName: d.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :after AND :settled',
      ExpressionAttributeValues: { ':pk': inboxPk(departmentId), ':after': `${after}\u0000`, ':settled': settled },
      Limit: query.limit,
    }),
  );
  const items = (page.Items ?? []).map((i) => ({ cursor: encode(i.sk as string), event: i.event }));
  const last = items.at(-1)?.cursor;
  return { status: 200, body: { items, next: last ?? query.after ?? encode('0'.repeat(26)) } };
});
