import { tableStatements } from '@fazhi/platform/table-access';
import type { FunctionWiring } from '@fazhi/platform/wiring';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';

// The table grant of one function, exactly as its wiring's `table` declares it
// (platform/table-access.ts): one statement per kind of access, on the table ARN or on the one
// index it queries (named, never `index/*`), each limited by `dynamodb:LeadingKeys` to the
// partition keys it declared. No Scan, no BatchWriteItem, no table management. The local runtime
// checks every request against the same statements (packages/local/src/access-guard.ts).

export const LEADING_KEYS_CONDITION = 'ForAllValues:StringLike';

export function tableGrantStatements(table: ITable, w: Pick<FunctionWiring, 'table'>): PolicyStatement[] {
  return tableStatements(w.table).map(
    (s) =>
      new PolicyStatement({
        sid: s.sid,
        actions: s.actions.map((a) => `dynamodb:${a}`),
        resources: [s.index ? `${table.tableArn}/index/${s.index}` : table.tableArn],
        conditions: { [LEADING_KEYS_CONDITION]: { 'dynamodb:LeadingKeys': [...s.leadingKeys] } },
      }),
  );
}

export function grantTableAccess(role: IRole, table: ITable, w: Pick<FunctionWiring, 'table'>): void {
  for (const statement of tableGrantStatements(table, w)) role.addToPrincipalPolicy(statement);
}
