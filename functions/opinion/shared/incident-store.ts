// Incidents in the one table: pk INCIDENT#<id>, sk INCIDENT, listed through
// gsi1 INCIDENTS#<status> / <createdAt>#<id>.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IncidentState } from '@fazhi/domain/opinion/incident-state';
import { padMs } from '@fazhi/platform/clocks/keys';
import { putVersioned, type TransactItem } from '@fazhi/platform/ddb/commit';
import { queryPages } from '@fazhi/platform/ddb/query-pages';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { NotFoundError } from '@fazhi/platform/errors';

export const incidentKey = (id: string) => ({ pk: `INCIDENT#${id}`, sk: 'INCIDENT' });
const listPartition = (status: IncidentState['status']) => `INCIDENTS#${status}`;

/** Creates the incident (version 1) or replaces the version before `s.version`. */
export function putIncident(d: PlatformDeps, s: IncidentState): TransactItem {
  return putVersioned(d, {
    ...incidentKey(s.id),
    type: 'incident',
    ...s,
    gsi1pk: listPartition(s.status),
    gsi1sk: `${padMs(s.createdAt)}#${s.id}`,
  });
}

const ITEM_ONLY = new Set(['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk']);

function incidentOf(item: Record<string, unknown>): IncidentState {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !ITEM_ONLY.has(k))) as unknown as IncidentState;
}

export async function getIncident(d: PlatformDeps, id: string): Promise<IncidentState> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: incidentKey(id), ConsistentRead: true }));
  if (!got.Item) throw new NotFoundError(`Incident ${id}`);
  return incidentOf(got.Item);
}

/** Newest first; `responsibleDepartmentId` narrows the list to one department's incidents. */
export async function listIncidents(
  d: PlatformDeps,
  status: IncidentState['status'],
  opts: { responsibleDepartmentId?: string; max?: number } = {},
): Promise<IncidentState[]> {
  const pk = listPartition(status);
  return queryPages(
    d,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ...(opts.responsibleDepartmentId
        ? {
            FilterExpression: 'responsibleDepartmentId = :dept',
            ExpressionAttributeValues: { ':pk': pk, ':dept': opts.responsibleDepartmentId },
          }
        : { ExpressionAttributeValues: { ':pk': pk } }),
      ScanIndexForward: false,
    },
    incidentOf,
    opts.max ?? 200,
  );
}
