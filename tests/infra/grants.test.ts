import { allFunctions } from '@fazhi/functions';
import { type IndexName, leadingKeyPattern, type TableAccess } from '@fazhi/platform/table-access';
import { beforeEach, describe, expect, it } from 'vitest';
import { logicalIdOf, once, type Synthesized, synthesize } from './synth';

// Reads every IAM policy of the synthesised real app as IAM would evaluate it (its own small
// evaluator below, not the code that built the policies) and compares what each function's role
// allows on the table with what its wiring declares.

type Json = any;
interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: Json;
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

let s: Synthesized;
let resources: Record<string, Json>;
const synth = once(() => synthesize(allFunctions));
beforeEach(() => {
  s = synth();
  resources = s.template.toJSON().Resources;
});

const tableId = () => logicalIdOf(s.stack.storage.table);
const TABLE = 'arn:table';

/** A template value → a plain string, the table's ARN written as `arn:table`. */
function arnOf(v: Json): string {
  if (typeof v === 'string') return v;
  if (v?.['Fn::GetAtt']) {
    const [id, attr] = v['Fn::GetAtt'];
    return id === tableId() && attr === 'Arn' ? TABLE : `arn:${id}.${attr}`;
  }
  if (v?.['Fn::Join']) return (v['Fn::Join'][1] as Json[]).map(arnOf).join(v['Fn::Join'][0]);
  if (v?.Ref) return `ref:${v.Ref}`;
  return JSON.stringify(v);
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function like(pattern: string, value: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(value);
}

/** Every policy statement attached to a role, by the role's logical id. */
function statementsOfRole(roleId: string): Statement[] {
  return Object.values(resources)
    .filter((r: Json) => r.Type === 'AWS::IAM::Policy' && list(r.Properties.Roles).some((x: Json) => x?.Ref === roleId))
    .flatMap((r: Json) => r.Properties.PolicyDocument.Statement as Statement[]);
}

const roleOf = (fn: string) => logicalIdOf(s.stack.functions.get(fn)!.role);

/** Whether the statements allow `action` on `resource` for a request with these leading keys. */
function allows(statements: Statement[], action: string, resource: string, leadingKeys: string[]): boolean {
  return statements.some((st) => {
    if (st.Effect !== 'Allow') return false;
    if (!list(st.Action).some((a) => like(a, `dynamodb:${action}`))) return false;
    if (!list(st.Resource).some((r) => like(arnOf(r), resource))) return false;
    for (const [operator, keys] of Object.entries(st.Condition ?? {})) {
      for (const [key, values] of Object.entries(keys)) {
        if (key !== 'dynamodb:LeadingKeys' || operator !== 'ForAllValues:StringLike') return false;
        if (!leadingKeys.every((k) => list(values).some((p) => like(p, k)))) return false;
      }
    }
    return true;
  });
}

// Partition keys to probe with: one under every prefix any wiring declares, and some nobody does.
const declared = (a: TableAccess | undefined) => [
  ...(a?.read ?? []),
  ...(a?.write ?? []),
  ...(a?.delete ?? []),
  ...Object.values(a?.query ?? {}).flat(),
];
const sampleOf = (spec: string) => (spec.endsWith('#') ? `${spec}x1` : spec);
const SAMPLES = [
  ...new Set([
    ...allFunctions.flatMap((w) => declared(w.table).map(sampleOf)),
    'USER#admin',
    'BUSRETRY',
    'DLQ',
    'CHAINX',
    'CHAIN#1',
  ]),
].sort();
const matches = (specs: readonly string[] | undefined, key: string) =>
  (specs ?? []).some((spec) => like(leadingKeyPattern(spec), key));

const KINDS = {
  read: ['GetItem', 'BatchGetItem', 'ConditionCheckItem', 'Query'],
  write: ['PutItem', 'UpdateItem'],
  delete: ['DeleteItem'],
} as const;

describe('table grants, compared with the wiring', () => {
  it('allow each function exactly the actions on the keys its wiring declares, table and each index', () => {
    // Act: probe every function's role with every action on every sample key
    const mismatches: string[] = [];
    for (const w of allFunctions) {
      const statements = statementsOfRole(roleOf(w.name));
      for (const key of SAMPLES) {
        for (const [kind, actions] of Object.entries(KINDS)) {
          for (const action of actions) {
            const want = matches(w.table?.[kind as keyof typeof KINDS], key);
            const got = allows(statements, action, TABLE, [key]);
            if (want !== got) mismatches.push(`${w.name} ${action} ${key}: wiring ${want}, IAM ${got}`);
          }
        }
        for (const index of ['gsi1', 'gsi2'] as IndexName[]) {
          const want = matches(w.table?.query?.[index], key);
          const got = allows(statements, 'Query', `${TABLE}/index/${index}`, [key]);
          if (want !== got) mismatches.push(`${w.name} Query@${index} ${key}: wiring ${want}, IAM ${got}`);
        }
      }
    }
    // Assess
    expect(SAMPLES.length).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });

  it('refuse a batch or a transaction item that reaches one undeclared partition (ForAllValues)', () => {
    // Prepare: the relay reads events and the chain, never departments
    const relay = statementsOfRole(roleOf('platform-outbox-relay'));
    // Act + Assess
    expect(allows(relay, 'BatchGetItem', TABLE, ['EVENT#a', 'EVENT#b'])).toBe(true);
    expect(allows(relay, 'BatchGetItem', TABLE, ['EVENT#a', 'DEPT#psb'])).toBe(false);
  });

  it('put a LeadingKeys condition on every DynamoDB statement of every role, except the stream reads', () => {
    // Act
    const unconditioned = Object.values(resources)
      .filter((r: Json) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r: Json) => r.Properties.PolicyDocument.Statement as Statement[])
      .filter((st) => list(st.Action).some((a) => a.startsWith('dynamodb:')))
      .filter((st) => !st.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'])
      .flatMap((st) => list(st.Action));
    // Assess: only what the stream event source needs, on the stream (ListStreams has no resource)
    expect([...new Set(unconditioned)].sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
  });

  it('grant no Scan, no BatchWriteItem, no dynamodb:* and no index/* anywhere in the stack', () => {
    // Act
    const all = Object.values(resources)
      .filter((r: Json) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::Role')
      .flatMap((r: Json) => [
        ...(r.Properties.PolicyDocument?.Statement ?? []),
        ...(r.Properties.Policies ?? []).flatMap((p: Json) => p.PolicyDocument.Statement),
      ]) as Statement[];
    const actions = all.flatMap((st) => list(st.Action));
    // dynamodb:ListStreams supports no resource-level permission: its `*` is acknowledged (stream.ts).
    const dynamoResources = all
      .filter((st) => list(st.Action).some((a) => a.startsWith('dynamodb:') && a !== 'dynamodb:ListStreams'))
      .flatMap((st) => list(st.Resource).map(arnOf));
    // Assess
    expect(actions.filter((a) => /^dynamodb:(Scan|BatchWriteItem|\*)$/.test(a) || a === '*')).toEqual([]);
    expect(dynamoResources.filter((r) => r.endsWith('/index/*') || r === '*')).toEqual([]);
    expect(dynamoResources.filter((r) => r.startsWith(TABLE))).not.toHaveLength(0);
  });

  it('let only the relay (the stream relay and its safety sweep) write the evidence chain', () => {
    // Act
    const writers = allFunctions
      .filter((w) => {
        const st = statementsOfRole(roleOf(w.name));
        return ['PutItem', 'UpdateItem', 'DeleteItem'].some((a) => allows(st, a, TABLE, ['CHAIN']));
      })
      .map((w) => w.name);
    // Assess
    expect(writers.sort()).toEqual(['platform-outbox-relay', 'platform-outbox-sweep']);
  });

  it('let only key administration delete or write API key items, and nobody delete departments', () => {
    // Act
    const who = (actions: string[], key: string) =>
      allFunctions
        .filter((w) => actions.some((a) => allows(statementsOfRole(roleOf(w.name)), a, TABLE, [key])))
        .map((w) => w.name);
    // Assess
    // Rotation expires old keys (expiresAt) rather than deleting them, so today nobody deletes one.
    expect(who(['DeleteItem'], 'APIKEY#k1').filter((n) => n !== 'exchange-rotate-key')).toEqual([]);
    expect(who(['PutItem', 'UpdateItem'], 'APIKEY#k1')).toEqual(['exchange-rotate-key']);
    expect(who(['DeleteItem'], 'DEPT#psb')).toEqual([]);
  });

  it('deletes nothing but send claims, a mediation or transfer case’s own list entries and a used phone code', () => {
    // Act
    const deleters = allFunctions.flatMap((w) =>
      SAMPLES.filter((k) => allows(statementsOfRole(roleOf(w.name)), 'DeleteItem', TABLE, [k])).map(
        (k) => `${w.name} ${k}`,
      ),
    );
    // Assess
    expect(deleters).toEqual([
      'alerts-notify SENT#x1',
      'mediation-public MEDPUB#x1',
      'mediation-case-actions MEDCASE#x1',
      'mediation-on-events SENT#x1',
      'transfers-commands TRCASE#x1',
      'transfers-on-events TRCASE#x1',
    ]);
  });
});

describe('the webhook-secrets key', () => {
  const keyId = () => logicalIdOf(s.stack.webhookSecrets.key);
  const keyArn = () => `arn:${keyId()}.Arn`;
  const kmsAllowed = (fn: string, action: string) =>
    statementsOfRole(roleOf(fn)).some(
      (st) =>
        st.Effect === 'Allow' &&
        list(st.Action).some((a) => like(a, action)) &&
        list(st.Resource).some((r) => like(arnOf(r), keyArn())) &&
        st.Condition?.StringEquals?.['kms:EncryptionContext:fazhi:purpose'] === 'webhook-signing-secret',
    );

  it('may be decrypted with by the delivery alone and generated with by set-webhook alone', () => {
    // Act
    const decrypters = allFunctions.filter((w) => kmsAllowed(w.name, 'kms:Decrypt')).map((w) => w.name);
    const generators = allFunctions.filter((w) => kmsAllowed(w.name, 'kms:GenerateDataKey')).map((w) => w.name);
    const withKeyArn = allFunctions
      .filter((w) => {
        const fn = resources[logicalIdOf(s.stack.functions.get(w.name)!.fn)];
        return fn.Properties.Environment.Variables.FAZHI_WEBHOOK_SECRETS_KEY_ARN !== undefined;
      })
      .map((w) => w.name);
    // Assess
    expect(decrypters).toEqual(['exchange-deliver-webhook']);
    expect(generators).toEqual(['exchange-set-webhook']);
    expect(withKeyArn.sort()).toEqual(['exchange-deliver-webhook', 'exchange-set-webhook']);
  });

  it('denies decrypting to every principal but the delivery role in the key policy itself', () => {
    // Act
    const key = resources[keyId()];
    const deny = (key.Properties.KeyPolicy.Statement as Statement[]).find(
      (st) => st.Effect === 'Deny' && list(st.Action).includes('kms:Decrypt'),
    );
    // Assess
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(deny?.Condition).toEqual({
      ArnNotEquals: { 'aws:PrincipalArn': [{ 'Fn::GetAtt': [roleOf('exchange-deliver-webhook'), 'Arn'] }] },
    });
  });
});

describe('the link-token key and SMS', () => {
  const granted = (action: string, resource?: string) =>
    allFunctions
      .filter((w) =>
        statementsOfRole(roleOf(w.name)).some(
          (st) =>
            st.Effect === 'Allow' &&
            list(st.Action).includes(action) &&
            (resource === undefined || list(st.Resource).some((r) => like(arnOf(r), resource))),
        ),
      )
      .map((w) => w.name)
      .sort();

  it('signs links in the public function and at closure, verifies them in the public function alone', () => {
    // Act
    const keyArn = `arn:${logicalIdOf(s.stack.linkTokens.key)}.Arn`;
    const key = resources[logicalIdOf(s.stack.linkTokens.key)];
    // Assess
    expect(key.Properties.KeySpec).toBe('HMAC_256');
    expect(key.Properties.KeyUsage).toBe('GENERATE_VERIFY_MAC');
    expect(granted('kms:GenerateMac', keyArn)).toEqual(['mediation-on-events', 'mediation-public']);
    expect(granted('kms:VerifyMac', keyArn)).toEqual(['mediation-public']);
  });

  it('texts phones only from the functions whose wiring says sms:send, and never publishes to a topic that way', () => {
    // Act
    const texters = allFunctions
      .filter((w) =>
        statementsOfRole(roleOf(w.name)).some(
          (st) => list(st.Action).includes('sns:Publish') && list(st.NotResource).includes('arn:aws:sns:*:*:*'),
        ),
      )
      .map((w) => w.name)
      .sort();
    // Assess
    expect(texters).toEqual(
      allFunctions
        .filter((w) => w.permissions.includes('sms:send'))
        .map((w) => w.name)
        .sort(),
    );
    expect(texters).toEqual(['mediation-on-events', 'mediation-public']);
  });
});
