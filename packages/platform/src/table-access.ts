// What a function may do to the one table, declared in its wiring (`table`), and the IAM that
// grants exactly that. The CDK app turns `tableStatements(access)` into the function's policy
// (infra/lib/table-grants.ts); the local runtime checks every DynamoDB request a function sends
// against the same statements with `isAllowed` (packages/local/src/access-guard.ts), so a laptop
// refuses what AWS would refuse, with the same AccessDeniedException.
//
// A partition key in a declaration is either a prefix ending in `#` (`DEPT#`: every item whose
// partition key starts so) or one exact key (`CHAIN`). In IAM each becomes a
// `ForAllValues:StringLike` pattern on `dynamodb:LeadingKeys` (`DEPT#*`, `CHAIN`). For a Query
// of a GSI the leading key is the value of that index's partition key (gsi1pk, gsi2pk).
//
// Mapping to DynamoDB actions (transactions are authorised item by item, as the underlying
// single-item actions — DynamoDB developer guide, "Using IAM with DynamoDB transactions"):
//   read    GetItem, BatchGetItem, ConditionCheckItem, and Query of the table by partition key
//   write   PutItem, UpdateItem (a Put or Update inside TransactWriteItems counts as one)
//   delete  DeleteItem
//   query   Query of the named index by its partition key (the index ARN is named, not index/*)
// Never granted: Scan (no request or event path scans), BatchWriteItem (its one action covers
// puts and deletes alike), and every table-management action.
import { TABLE_INDEXES, TABLE_KEYS } from './table-definition';

export type IndexName = 'gsi1' | 'gsi2';

/** A partition key prefix ending in `#` (`DEPT#`), or one exact partition key (`CHAIN`). */
export type PartitionKeySpec = string;

export interface TableAccess {
  /** Items read by key, by batch or by a Query of the table (`pk = :pk`), and condition checks. */
  read?: readonly PartitionKeySpec[];
  /** Items put or updated, alone or in a transaction. */
  write?: readonly PartitionKeySpec[];
  /** Items deleted. */
  delete?: readonly PartitionKeySpec[];
  /** Queries of an index, by the index's partition key. */
  query?: Partial<Record<IndexName, readonly PartitionKeySpec[]>>;
}

export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'ConditionCheckItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchWriteItem'
  | 'Scan'
  | (string & {});

export const READ_ACTIONS = ['GetItem', 'BatchGetItem', 'ConditionCheckItem', 'Query'] as const;
export const WRITE_ACTIONS = ['PutItem', 'UpdateItem'] as const;
export const DELETE_ACTIONS = ['DeleteItem'] as const;
export const INDEX_QUERY_ACTIONS = ['Query'] as const;

/** One allow statement on the table (`index` undefined) or on one of its indexes. */
export interface TableStatement {
  sid: string;
  actions: readonly TableAction[];
  index?: IndexName;
  /** `ForAllValues:StringLike` patterns on `dynamodb:LeadingKeys`. */
  leadingKeys: readonly string[];
}

/** `DEPT#` → `DEPT#*`; `CHAIN` → `CHAIN`. */
export function leadingKeyPattern(spec: PartitionKeySpec): string {
  if (!/^[A-Z][A-Z0-9-]*(#[A-Za-z0-9-]+)*#?$/.test(spec)) {
    throw new Error(`not a partition key or prefix: ${JSON.stringify(spec)} (e.g. 'DEPT#' or 'CHAIN')`);
  }
  return spec.endsWith('#') ? `${spec}*` : spec;
}

const patterns = (specs: readonly PartitionKeySpec[] | undefined) => [...new Set((specs ?? []).map(leadingKeyPattern))];

/** The statements that grant exactly `access`, in a stable order. */
export function tableStatements(access: TableAccess | undefined): TableStatement[] {
  if (!access) return [];
  const out: TableStatement[] = [];
  const add = (
    sid: string,
    actions: readonly TableAction[],
    specs: readonly string[] | undefined,
    index?: IndexName,
  ) => {
    const leadingKeys = patterns(specs);
    if (leadingKeys.length > 0) out.push({ sid, actions, leadingKeys, ...(index ? { index } : {}) });
  };
  add('TableRead', READ_ACTIONS, access.read);
  add('TableWrite', WRITE_ACTIONS, access.write);
  add('TableDelete', DELETE_ACTIONS, access.delete);
  for (const index of TABLE_INDEXES) {
    const name = index.indexName as IndexName;
    add(`Query${name[0]!.toUpperCase()}${name.slice(1)}`, INDEX_QUERY_ACTIONS, access.query?.[name], name);
  }
  return out;
}

/** One authorisation DynamoDB makes for a request: an action on the table or an index, with its leading keys. */
export interface AccessRequest {
  action: TableAction;
  table: string;
  index?: string;
  /** The partition key values the request touches (undefined: none can be named, as for a Scan). */
  leadingKeys: string[];
}

type Attr = { S?: string; N?: string; B?: unknown } & Record<string, unknown>;
type Marshalled = Record<string, Attr>;

const pkOf = (item: Marshalled | undefined, attribute: string = TABLE_KEYS.partitionKey): string[] => {
  const v = item?.[attribute];
  return v?.S !== undefined ? [v.S] : v?.N !== undefined ? [v.N] : [];
};

/** The partition key value a Query names in its key condition (`pk = :pk`, `#k = :v`). */
export function queryLeadingKey(input: {
  IndexName?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Marshalled;
}): string[] {
  const attribute = input.IndexName
    ? (TABLE_INDEXES.find((i) => i.indexName === input.IndexName)?.partitionKey ?? '')
    : TABLE_KEYS.partitionKey;
  const expr = input.KeyConditionExpression ?? '';
  for (const m of expr.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    const name = m[1]!.startsWith('#') ? input.ExpressionAttributeNames?.[m[1]!] : m[1];
    if (name === attribute) return pkOf({ v: input.ExpressionAttributeValues?.[m[2]!] ?? {} } as Marshalled, 'v');
  }
  return [];
}

/**
 * The authorisations a low-level (marshalled) DynamoDB request needs, as IAM evaluates them:
 * a transaction item by item, a batch as one action over all its keys.
 */
export interface LowLevelInput {
  TableName?: string;
  IndexName?: string;
  Key?: Marshalled;
  Item?: Marshalled;
  KeyConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Marshalled;
  RequestItems?: unknown;
  TransactItems?: unknown;
}

export function accessRequests(operation: string, input: LowLevelInput): AccessRequest[] {
  const table = input.TableName ?? '';
  const op = operation.replace(/Command$/, '');
  switch (op) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [{ action: op, table, leadingKeys: pkOf(input.Key) }];
    case 'PutItem':
      return [{ action: op, table, leadingKeys: pkOf(input.Item) }];
    case 'Query':
      return [
        {
          action: 'Query',
          table,
          ...(input.IndexName ? { index: input.IndexName } : {}),
          leadingKeys: queryLeadingKey(input),
        },
      ];
    case 'Scan':
      return [
        {
          action: 'Scan',
          table,
          ...(input.IndexName ? { index: input.IndexName } : {}),
          leadingKeys: [],
        },
      ];
    case 'BatchGetItem':
      return Object.entries((input.RequestItems ?? {}) as Record<string, { Keys?: Marshalled[] }>).map(
        ([table, r]) => ({ action: 'BatchGetItem', table, leadingKeys: (r.Keys ?? []).flatMap((k) => pkOf(k)) }),
      );
    case 'BatchWriteItem':
      return Object.entries(
        (input.RequestItems ?? {}) as Record<
          string,
          { PutRequest?: { Item: Marshalled }; DeleteRequest?: { Key: Marshalled } }[]
        >,
      ).map(([table, rs]) => ({
        action: 'BatchWriteItem',
        table,
        leadingKeys: rs.flatMap((r) => pkOf(r.PutRequest?.Item ?? r.DeleteRequest?.Key)),
      }));
    case 'TransactGetItems':
      return ((input.TransactItems ?? []) as { Get: { TableName: string; Key: Marshalled } }[]).map((t) => ({
        action: 'GetItem',
        table: t.Get.TableName,
        leadingKeys: pkOf(t.Get.Key),
      }));
    case 'TransactWriteItems':
      return (
        (input.TransactItems ?? []) as Record<string, { TableName: string; Key?: Marshalled; Item?: Marshalled }>[]
      )
        .flatMap((t) => Object.entries(t))
        .map(([kind, x]) => ({
          action:
            kind === 'Put'
              ? 'PutItem'
              : kind === 'Update'
                ? 'UpdateItem'
                : kind === 'Delete'
                  ? 'DeleteItem'
                  : 'ConditionCheckItem',
          table: x.TableName,
          leadingKeys: pkOf(x.Item ?? x.Key),
        }));
    default:
      return [{ action: op, table, leadingKeys: [] }];
  }
}

const likeCache = new Map<string, RegExp>();

/** IAM's StringLike: `*` any run of characters, `?` any one character, case-sensitive. */
export function stringLike(pattern: string, value: string): boolean {
  let re = likeCache.get(pattern);
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 's');
    likeCache.set(pattern, re);
  }
  return re.test(value);
}

/**
 * Whether the statements (granted on `tableName` and its indexes) allow the request. As IAM:
 * the action and the resource (table, or that one index) must match, and every leading key must
 * match one of the statement's patterns (ForAllValues).
 */
export function isAllowed(statements: readonly TableStatement[], tableName: string, request: AccessRequest): boolean {
  if (request.table !== tableName) return false;
  // A request naming no partition key (a Scan, or a key this parser cannot read) is refused: in AWS
  // every item action and every Query names one, so an empty set would only hide a parsing gap.
  if (request.leadingKeys.length === 0) return false;
  return statements.some(
    (s) =>
      s.actions.includes(request.action) &&
      (s.index ?? undefined) === (request.index ?? undefined) &&
      request.leadingKeys.every((k) => s.leadingKeys.some((p) => stringLike(p, k))),
  );
}

/** The union of several declarations (each key list deduplicated, order kept). */
export function combineAccess(...parts: readonly TableAccess[]): TableAccess {
  const merge = (lists: (readonly string[] | undefined)[]) => {
    const all = [...new Set(lists.flatMap((l) => l ?? []))];
    return all.length > 0 ? all : undefined;
  };
  const query: Partial<Record<IndexName, readonly string[]>> = {};
  for (const index of TABLE_INDEXES) {
    const name = index.indexName as IndexName;
    const keys = merge(parts.map((p) => p.query?.[name]));
    if (keys) query[name] = keys;
  }
  const read = merge(parts.map((p) => p.read));
  const write = merge(parts.map((p) => p.write));
  const del = merge(parts.map((p) => p.delete));
  return {
    ...(read ? { read } : {}),
    ...(write ? { write } : {}),
    ...(del ? { delete: del } : {}),
    ...(Object.keys(query).length > 0 ? { query } : {}),
  };
}

/**
 * The access the platform's shared write paths need, for wirings to combine with their own: what
 * a function calls decides what it declares, and the local access guard refuses anything missing.
 */
export const PLATFORM_ACCESS = {
  /** `commit(d, writes, events)`: every event is an outbox item `EVENT#<id>`. */
  outbox: { write: ['EVENT#'] },
  /** `runIdempotent` / `runCommand` under scope `<scope>#…`: the record `IDEM#<scope>#…`, read back on a replay. */
  idempotency: (scope: string): TableAccess => ({ read: [`IDEM#${scope}#`], write: [`IDEM#${scope}#`] }),
  /** `getDepartment`, the department's roster and people (all under `DEPT#<id>`). */
  department: { read: ['DEPT#'] },
  /** `listDepartments`: gsi1 `DEPT`. */
  departmentList: { query: { gsi1: ['DEPT'] } },
  /** `loadClockRegistry`: policies and calendars under `CONFIG`. */
  clockRegistry: { read: ['CONFIG'] },
  /** `planClocks` + `clockWrites`: reads and writes clocks, moves the on-time counters (`ONTIME`). */
  clockWrites: { read: ['CLOCK#', 'CONFIG'], write: ['CLOCK#', 'ONTIME'] },
} as const satisfies Record<string, TableAccess | ((scope: string) => TableAccess)>;
