// The city's "1+4+N" structure, its dispatch rules and its 人民调解协议书 template, one item each: pk
// MEDIATION#CONFIG, sk STRUCTURE / RULES / AGREEMENT_TEMPLATE. A city edits them at run time through
// the config routes (no release).
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type AgreementTemplate, DEFAULT_AGREEMENT_TEMPLATE } from '@fazhi/domain/mediation/agreement-template';
import type { MediationStructure } from '@fazhi/domain/mediation/structure';
import type { DispatchRule } from '@fazhi/domain/mediation/suggest';
import { putVersioned, type TransactItem } from '@fazhi/platform/ddb/commit';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { ConflictError } from '@fazhi/platform/errors';

// Each saved template version is also kept as AGREEMENT_TEMPLATE#<version>, so an agreement prints
// from the version it was recorded under, whatever the city changed since.
type ConfigKey = 'STRUCTURE' | 'RULES' | 'AGREEMENT_TEMPLATE' | `AGREEMENT_TEMPLATE#${number}`;
const key = (sk: ConfigKey) => ({ pk: 'MEDIATION#CONFIG', sk });

export interface Stored<T> {
  value: T;
  version: number;
  updatedAt: number;
  updatedBy: string;
}

async function read<T>(d: PlatformDeps, sk: ConfigKey): Promise<Stored<T> | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: key(sk), ConsistentRead: true }));
  if (!got.Item) return undefined;
  const { value, version, updatedAt, updatedBy } = got.Item as Stored<T>;
  return { value, version, updatedAt, updatedBy };
}

export const getStructure = (d: PlatformDeps) => read<MediationStructure>(d, 'STRUCTURE');
export const getRules = (d: PlatformDeps) => read<DispatchRule[]>(d, 'RULES');
export const getStoredTemplate = (d: PlatformDeps) => read<AgreementTemplate>(d, 'AGREEMENT_TEMPLATE');

/**
 * The template of `version` (0: the default), or the one in force when no version is named (the
 * city's, or the default until it saves one).
 */
export async function getAgreementTemplate(d: PlatformDeps, version?: number): Promise<AgreementTemplate> {
  if (version === 0) return DEFAULT_AGREEMENT_TEMPLATE;
  const t = await read<AgreementTemplate>(
    d,
    version === undefined ? 'AGREEMENT_TEMPLATE' : `AGREEMENT_TEMPLATE#${version}`,
  );
  return t?.value ?? DEFAULT_AGREEMENT_TEMPLATE;
}

/** The structure, or 409 when the city has not configured mediation yet. */
export async function requireStructure(d: PlatformDeps): Promise<MediationStructure> {
  const s = await getStructure(d);
  if (!s) throw new ConflictError('mediation-not-configured', 'The mediation structure is not configured yet.');
  return s.value;
}

export function putConfig<T>(
  d: PlatformDeps,
  sk: ConfigKey,
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
/** The template in force (versioned: a save that raced another fails) and its kept copy. */
export function putAgreementTemplate(
  d: PlatformDeps,
  prior: Stored<AgreementTemplate> | undefined,
  t: AgreementTemplate,
  by: string,
): TransactItem[] {
  const version = (prior?.version ?? 0) + 1;
  return [
    putConfig(d, 'AGREEMENT_TEMPLATE', prior, t, by),
    putConfig(d, `AGREEMENT_TEMPLATE#${version}`, undefined, t, by),
  ];
}
