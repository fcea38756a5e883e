// The city's "1+4+N" structure and its dispatch rules, one item each: pk MEDIATION#CONFIG, sk
// STRUCTURE / RULES. A city edits them at run time through the config routes (no release).
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { MediationStructure } from '@fazhi/domain/mediation/structure';
import type { DispatchRule } from '@fazhi/domain/mediation/suggest';
import { putVersioned, type TransactItem } from '@fazhi/platform/ddb/commit';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { ConflictError } from '@fazhi/platform/errors';

const key = (sk: 'STRUCTURE' | 'RULES') => ({ pk: 'MEDIATION#CONFIG', sk });

export interface Stored<T> {
  value: T;
  version: number;
  updatedAt: number;
  updatedBy: string;
}

async function read<T>(d: PlatformDeps, sk: 'STRUCTURE' | 'RULES'): Promise<Stored<T> | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: key(sk), ConsistentRead: true }));
  if (!got.Item) return undefined;
  const { value, version, updatedAt, updatedBy } = got.Item as Stored<T>;
  return { value, version, updatedAt, updatedBy };
}

export const getStructure = (d: PlatformDeps) => read<MediationStructure>(d, 'STRUCTURE');
export const getRules = (d: PlatformDeps) => read<DispatchRule[]>(d, 'RULES');

/** The structure, or 409 when the city has not configured mediation yet. */
export async function requireStructure(d: PlatformDeps): Promise<MediationStructure> {
  const s = await getStructure(d);
  if (!s) throw new ConflictError('mediation-not-configured', 'The mediation structure is not configured yet.');
  return s.value;
}

export function putConfig<T>(
  d: PlatformDeps,
  sk: 'STRUCTURE' | 'RULES',
  prior: Stored<T> | undefined,
  value: T,
  by: string,
): TransactItem {
  return putVersioned(d, {
    ...key(sk),
    type: 'mediation-config',
    value,
    version: (prior?.version ?? 0) + 1,
    updatedAt: d.clock.now(),
    updatedBy: by,
  });
}
export const putStructure = (
  d: PlatformDeps,
  prior: Stored<MediationStructure> | undefined,
  s: MediationStructure,
  by: string,
) => putConfig(d, 'STRUCTURE', prior, s, by);
export const putRules = (d: PlatformDeps, prior: Stored<DispatchRule[]> | undefined, r: DispatchRule[], by: string) =>
  putConfig(d, 'RULES', prior, r, by);
