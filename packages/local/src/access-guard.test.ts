import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '@fazhi/platform/deps';
import { webhookSecretSealer } from '@fazhi/platform/secrets/data-keys';
import { accessRequests, isAllowed, tableStatements } from '@fazhi/platform/table-access';
import { defineFunction } from '@fazhi/platform/wiring';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDdbEndpoint } from '../../../tests/support/ddb-endpoint';
import { type AccessDenial, asFunction, guardClient, guardSecrets } from './access-guard';
import { ensureTable } from './tables';

const wiring = (name: string, extra: Partial<Parameters<typeof defineFunction>[0]> = {}) =>
  defineFunction({ name, service: 't', description: 't', entry: '/dev/null', permissions: [], ...extra });

const reader = wiring('t-reader', { table: { read: ['DEPT#', 'CHAIN'], query: { gsi1: ['DEPT'] } } });
const writer = wiring('t-writer', { table: { read: ['IDEM#t#'], write: ['EVENT#', 'IDEM#t#'] } });

describe('the access model', () => {
  it('authorises a transaction item by item, as the underlying single-item actions', () => {
    // Act
    const requests = accessRequests('TransactWriteItemsCommand', {
      TransactItems: [
        { Put: { TableName: 't', Item: { pk: { S: 'IDEM#t#k' } } } },
        { Update: { TableName: 't', Key: { pk: { S: 'EVENT#1' } } } },
        { ConditionCheck: { TableName: 't', Key: { pk: { S: 'DEPT#psb' } } } },
        { Delete: { TableName: 't', Key: { pk: { S: 'EVENT#2' } } } },
      ],
    });
    // Assess
    expect(requests.map((r) => [r.action, r.leadingKeys])).toEqual([
      ['PutItem', ['IDEM#t#k']],
      ['UpdateItem', ['EVENT#1']],
      ['ConditionCheckItem', ['DEPT#psb']],
      ['DeleteItem', ['EVENT#2']],
    ]);
    const s = tableStatements(writer.table);
    expect(requests.map((r) => isAllowed(s, 't', r))).toEqual([true, true, false, false]);
  });

  it('takes a GSI query’s leading key from the index’s partition key, aliased or not', () => {
    // Act
    const [q] = accessRequests('QueryCommand', {
      TableName: 't',
      IndexName: 'gsi1',
      KeyConditionExpression: '#p = :p AND begins_with(gsi1sk, :s)',
      ExpressionAttributeNames: { '#p': 'gsi1pk' },
      ExpressionAttributeValues: { ':p': { S: 'DEPT' }, ':s': { S: 'x' } },
    });
    // Assess
    expect(q).toEqual({ action: 'Query', table: 't', index: 'gsi1', leadingKeys: ['DEPT'] });
    const s = tableStatements(reader.table);
    expect(isAllowed(s, 't', q!)).toBe(true);
    expect(isAllowed(s, 't', { ...q!, index: 'gsi2' })).toBe(false);
    expect(isAllowed(s, 't', { ...q!, index: undefined })).toBe(false);
    expect(isAllowed(s, 'other-table', q!)).toBe(false);
  });

  it('matches an exact key exactly and a prefix as a prefix', () => {
    const s = tableStatements(reader.table);
    const get = (pk: string) => ({ action: 'GetItem', table: 't', leadingKeys: [pk] });
    expect(isAllowed(s, 't', get('CHAIN'))).toBe(true);
    expect(isAllowed(s, 't', get('CHAINX'))).toBe(false);
    expect(isAllowed(s, 't', get('DEPT#psb'))).toBe(true);
    expect(isAllowed(s, 't', get('DEPT'))).toBe(false);
    expect(isAllowed(s, 't', { action: 'Scan', table: 't', leadingKeys: [] })).toBe(false);
  });
});

describe('the local access guard on DynamoDB Local', () => {
  const table = `guard${process.pid}`;
  const denials: AccessDenial[] = [];
  let ddb: ReturnType<typeof documentClient>;

  beforeAll(async () => {
    const raw = new DynamoDBClient({
      endpoint: testDdbEndpoint(),
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(raw, table);
    guardClient(raw, { tableName: table, onDenied: (d) => denials.push(d) });
    ddb = documentClient(raw);
  });

  it('refuses an undeclared item in a transaction as AWS does, and nothing of it is written', async () => {
    // Act
    const refused = await asFunction(writer, () =>
      ddb
        .send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: table, Item: { pk: 'EVENT#a', sk: 'EVENT' } } },
              { Put: { TableName: table, Item: { pk: 'CHAIN', sk: 'HEAD' } } },
            ],
          }),
        )
        .catch((e: Error & { $metadata?: { httpStatusCode?: number } }) => e),
    );
    const written = await ddb.send(new GetCommand({ TableName: table, Key: { pk: 'EVENT#a', sk: 'EVENT' } }));
    // Assess
    expect(refused).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    expect((refused as Error).message).toContain('is not authorized to perform: dynamodb:PutItem');
    expect(written.Item).toBeUndefined();
    expect(denials.at(-1)).toMatchObject({
      functionName: 't-writer',
      action: 'dynamodb:PutItem',
      leadingKeys: ['CHAIN'],
    });
  });

  it('lets a declared request through, refuses a Scan, and does not bind the runtime itself', async () => {
    // Act
    await asFunction(writer, () =>
      ddb.send(new PutCommand({ TableName: table, Item: { pk: 'EVENT#b', sk: 'EVENT' } })),
    );
    const scan = await asFunction(reader, () =>
      ddb.send(new ScanCommand({ TableName: table })).catch((e: Error) => e.name),
    );
    const query = await asFunction(reader, () =>
      ddb
        .send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': 'EVENT#b' },
          }),
        )
        .catch((e: Error) => e.name),
    );
    const outside = await ddb.send(new GetCommand({ TableName: table, Key: { pk: 'EVENT#b', sk: 'EVENT' } }));
    // Assess
    expect(scan).toBe('AccessDeniedException');
    expect(query).toBe('AccessDeniedException');
    expect(outside.Item).toEqual({ pk: 'EVENT#b', sk: 'EVENT' });
  });
});

describe('the local webhook-secrets key', () => {
  const sealer = guardSecrets(
    webhookSecretSealer({ kind: 'file', keyFile: join(mkdtempSync(join(tmpdir(), 'fazhi-key-')), 'k') }),
  );
  const issuer = wiring('t-issuer', { permissions: ['webhook-secret:seal'] });
  const delivery = wiring('t-delivery', { permissions: ['webhook-secret:open'] });

  it('opens only for a function granted the key, and only for the department it was sealed for', async () => {
    // Prepare
    const sealed = await asFunction(issuer, () => sealer.seal('s3cret', { departmentId: 'psb' }));
    // Act
    const byIssuer = await asFunction(issuer, () => sealer.open(sealed, { departmentId: 'psb' }).catch((e) => e.name));
    const byOther = await asFunction(reader, () => sealer.open(sealed, { departmentId: 'psb' }).catch((e) => e.name));
    const byDelivery = await asFunction(delivery, () => sealer.open(sealed, { departmentId: 'psb' }));
    const elsewhere = await asFunction(delivery, () =>
      sealer.open(sealed, { departmentId: 'court' }).catch(() => 'refused'),
    );
    // Assess
    expect(JSON.stringify(sealed)).not.toContain('s3cret');
    expect(byIssuer).toBe('AccessDeniedException');
    expect(byOther).toBe('AccessDeniedException');
    expect(byDelivery).toBe('s3cret');
    expect(elsewhere).toBe('refused');
  });
});
