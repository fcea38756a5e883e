import type { EventPattern } from '@fazhi/platform/wiring';
import type { EventPattern as CdkEventPattern } from 'aws-cdk-lib/aws-events';

// Wirings carry patterns in EventBridge's own JSON (`detail-type`), which the local bus reads
// directly. The CDK's EventPattern spells that one key `detailType` and renders it back, so this
// renames it and refuses keys EventBridge would reject, at synth rather than at deploy.
const TOP_LEVEL: Record<string, keyof CdkEventPattern> = {
  version: 'version',
  id: 'id',
  'detail-type': 'detailType',
  source: 'source',
  account: 'account',
  time: 'time',
  region: 'region',
  resources: 'resources',
  detail: 'detail',
};

/** EventBridge's default quota on a rule's pattern, in characters. */
export const MAX_PATTERN_CHARS = 2048;

function checkNoEmptyArrays(value: unknown, path: string, where: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0)
      throw new Error(`${where}: event pattern field ${path} is an empty array, which EventBridge rejects`);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) checkNoEmptyArrays(v, `${path}.${k}`, where);
  }
}

export function toCdkEventPattern(pattern: EventPattern, where: string): CdkEventPattern {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pattern)) {
    const target = TOP_LEVEL[key];
    if (!target) throw new Error(`${where}: event pattern key "${key}" is not an EventBridge event field`);
    if (typeof value !== 'object' || value === null) {
      throw new Error(`${where}: event pattern field "${key}" must be an array or an object`);
    }
    out[target] = value;
  }
  if (Object.keys(out).length === 0) throw new Error(`${where}: an empty event pattern would match every event`);
  checkNoEmptyArrays(pattern, 'pattern', where);
  const size = JSON.stringify(pattern).length;
  if (size > MAX_PATTERN_CHARS) {
    throw new Error(
      `${where}: event pattern is ${size} characters, over EventBridge's ${MAX_PATTERN_CHARS}; match on source or a prefix instead of listing every value`,
    );
  }
  return out as CdkEventPattern;
}
