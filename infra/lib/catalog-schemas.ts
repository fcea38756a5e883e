import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRAFT4_URI, type JsonObject, toDraft4 } from './json-schema-draft4';

// The registry entry describes the whole EventBridge event (what a department's code binding
// receives), with the catalog's schema as `detail`. `events/scripts/generate.ts` writes either the
// full detail `{ meta, data }` or the data alone; both are accepted so the generator can change.

export interface CatalogSchema {
  detailType: string;
  version: number;
  /** Registry name of the schema, e.g. `fazhi@OpinionIncident.Opened.v1`. */
  schemaName: string;
  /** Draft 4 JSON Schema of the full event, ready for `AWS::EventSchemas::Schema.Content`. */
  content: JsonObject;
}

const FILE_NAME = /^(?<detailType>[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+)\.v(?<version>[1-9]\d*)\.json$/;

function metaSchema(version: number): JsonObject {
  return {
    type: 'object',
    required: ['eventId', 'occurredAt', 'correlationId', 'schemaVersion'],
    properties: {
      eventId: { type: 'string', description: 'ULID, unique per event; subscribers deduplicate on it' },
      occurredAt: { type: 'string', format: 'date-time' },
      correlationId: { type: 'string' },
      schemaVersion: { type: 'integer', enum: [version] },
    },
    additionalProperties: false,
  };
}

function isDetailSchema(schema: JsonObject): boolean {
  const props = schema.properties as JsonObject | undefined;
  return props !== undefined && 'meta' in props && 'data' in props;
}

/** The draft 4 schema of a full EventBridge event whose detail (or detail.data) is `generated`. */
export function eventSchemaFor(detailType: string, version: number, generated: unknown): JsonObject {
  const { $schema: _ignored, definitions, title, description, ...converted } = toDraft4(generated);
  const detail = isDetailSchema(converted)
    ? converted
    : {
        type: 'object',
        required: ['meta', 'data'],
        properties: { meta: metaSchema(version), data: converted },
        additionalProperties: false,
      };
  return {
    $schema: DRAFT4_URI,
    title: typeof title === 'string' ? title : `${detailType} v${version}`,
    ...(typeof description === 'string' ? { description } : {}),
    type: 'object',
    required: ['detail-type', 'source', 'detail'],
    properties: {
      version: { type: 'string' },
      id: { type: 'string' },
      'detail-type': { type: 'string', enum: [detailType] },
      source: { type: 'string', pattern: '^(fazhi|dept)\\.' },
      account: { type: 'string' },
      time: { type: 'string', format: 'date-time' },
      region: { type: 'string' },
      resources: { type: 'array', items: { type: 'string' } },
      detail,
    },
    // `$ref`s inside the detail point at `#/definitions/…`, so the definitions stay at the root.
    ...(definitions !== undefined ? { definitions } : {}),
    'x-amazon-events-detail-type': detailType,
  };
}

/** Every `<DetailType>.v<N>.json` in `dir`, sorted; none when the folder is missing or empty. */
export function readCatalogSchemas(dir: string): CatalogSchema[] {
  if (!existsSync(dir)) return [];
  const schemas: CatalogSchema[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match?.groups) continue;
    const detailType = match.groups.detailType!;
    const version = Number(match.groups.version);
    const generated: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    schemas.push({
      detailType,
      version,
      schemaName: `fazhi@${detailType}.v${version}`,
      content: eventSchemaFor(detailType, version, generated),
    });
  }
  return schemas;
}
