import type { Audience, CatalogEntry, DepartmentKind } from '@fazhi/events/catalog';

// Who may publish a detail-type and who receives an event, decided from the catalog alone so the
// exchange handler, the webhook dispatcher and the docs all read the same rules.

export interface Department {
  id: string;
  name: string;
  nameEn?: string;
  kinds: DepartmentKind[];
}

export type RefusalReason = 'not-entitled' | 'unknown-department';

export interface Recipients {
  /** Department ids to deliver to, each once, never the sender. */
  deliver: string[];
  /** Addressed departments (data.targetDepartments) the event may not go to. */
  refused: { departmentId: string; reason: RefusalReason }[];
}

function inAudience(audience: Audience, department: Department): boolean {
  if (audience.departments?.includes(department.id)) return true;
  return department.kinds.some((kind) => audience.kinds?.includes(kind) ?? false);
}

/**
 * Whether a department may publish this detail-type. Platform-only types (no kinds, no
 * departments) are refused to every department. `fromData` is not a publishing right: a
 * department cannot entitle itself by naming itself in the data it sends.
 */
export function canPublish(entry: Pick<CatalogEntry, 'publishers'>, department: Department): boolean {
  return inAudience(entry.publishers, department);
}

/** Department ids named in the `fromData` fields of the event's data (string or string array values). */
function idsFromData(fields: readonly string[] | undefined, data: unknown): Set<string> {
  const ids = new Set<string>();
  if (!fields || typeof data !== 'object' || data === null) return ids;
  const record = data as Record<string, unknown>;
  for (const field of fields) {
    const value = record[field];
    if (typeof value === 'string') ids.add(value);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') ids.add(item);
  }
  return ids;
}

function targetsOf(data: unknown): string[] | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const targets = (data as Record<string, unknown>).targetDepartments;
  if (!Array.isArray(targets)) return undefined;
  return targets.filter((t): t is string => typeof t === 'string');
}

/**
 * The departments an event goes to. Entitled: a subscriber kind or id, or named in a `fromData`
 * field. When the data addresses `targetDepartments`, only the entitled targets receive it and the
 * others are listed in `refused` (the sender learns at once instead of assuming delivery). The
 * sender is never a recipient, and is neither refused when it addresses itself.
 */
export function recipientsOf(
  entry: Pick<CatalogEntry, 'subscribers'>,
  data: unknown,
  departments: readonly Department[],
  senderId?: string,
): Recipients {
  const named = idsFromData(entry.subscribers.fromData, data);
  const byId = new Map(departments.map((d) => [d.id, d]));
  const entitled = (d: Department) => named.has(d.id) || inAudience(entry.subscribers, d);

  const targets = targetsOf(data);
  if (targets === undefined) {
    const deliver: string[] = [];
    for (const d of byId.values()) if (d.id !== senderId && entitled(d)) deliver.push(d.id);
    return { deliver, refused: [] };
  }

  const deliver: string[] = [];
  const refused: Recipients['refused'] = [];
  for (const id of new Set(targets)) {
    if (id === senderId) continue;
    const department = byId.get(id);
    if (department === undefined) refused.push({ departmentId: id, reason: 'unknown-department' });
    else if (entitled(department)) deliver.push(id);
    else refused.push({ departmentId: id, reason: 'not-entitled' });
  }
  return { deliver, refused };
}
