import type * as z from 'zod';
import type { ZodType } from 'zod';
import type { DepartmentKind } from './department-kind';
import type { EventMeta } from './envelope';

/**
 * Who may publish or receive a detail-type. A department is in the audience when one of its kinds
 * is listed, its id is listed, or (receiving only) its id is the value of one of the `fromData`
 * fields of the event's data — e.g. the responsible department of an incident.
 */
export interface Audience {
  /** A platform service (source `fazhi.<service>`). */
  platform?: true;
  kinds?: DepartmentKind[];
  departments?: string[];
  /** Names of top-level data fields holding a department id (or an array of them). */
  fromData?: string[];
}

export interface CatalogEntry<D extends ZodType = ZodType> {
  /** `Aggregate.PastTenseVerb`, the EventBridge detail-type. */
  detailType: string;
  version: number;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn?: string;
  /** Schema of `detail.data`; the full detail is `detailSchemaFor(data, version)`. */
  data: D;
  publishers: Audience;
  subscribers: Audience;
  /** A complete, valid detail; published as `<DetailType>.example.json` and in the API reference. */
  example: { meta: EventMeta; data: z.input<D> };
}

/** Type-checks an entry's example against its own data schema; the entry keeps its data type. */
export function defineEntry<D extends ZodType>(entry: CatalogEntry<D>): CatalogEntry<D> {
  return entry;
}
