// The generated catalog schemas are JSON Schema 2020-12 (zod's default); the EventBridge schema
// registry accepts JSONSchemaDraft4 or OpenApi3 only. The registry is documentation and code-binding
// input, not a validator, so keywords draft 4 cannot express are dropped rather than approximated.

export type JsonObject = { [key: string]: unknown };

export const DRAFT4_URI = 'http://json-schema.org/draft-04/schema#';

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value is a single schema (draft 4 allows a boolean only in the `additional*` ones). */
const SCHEMA_VALUES = new Set(['not', 'additionalProperties', 'additionalItems']);
/** Newer keywords with no draft 4 equivalent. */
const DROPPED = new Set([
  '$schema',
  '$id',
  '$anchor',
  '$comment',
  'propertyNames',
  'contains',
  'minContains',
  'maxContains',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  'dependentSchemas',
  'contentSchema',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

const BOUNDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

function hasNumericExclusive(schema: JsonObject): boolean {
  return typeof schema.exclusiveMinimum === 'number' || typeof schema.exclusiveMaximum === 'number';
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** Draft 6+ gives an exclusive bound as a number; draft 4 as the bound plus a boolean flag. The stricter bound wins. */
function draft4Bounds(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  const min = num(schema.minimum);
  const exMin = num(schema.exclusiveMinimum);
  if (exMin !== undefined && (min === undefined || exMin >= min))
    Object.assign(out, { minimum: exMin, exclusiveMinimum: true });
  else if (min !== undefined) out.minimum = min;
  const max = num(schema.maximum);
  const exMax = num(schema.exclusiveMaximum);
  if (exMax !== undefined && (max === undefined || exMax <= max))
    Object.assign(out, { maximum: exMax, exclusiveMaximum: true });
  else if (max !== undefined) out.maximum = max;
  return out;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function refToDraft4(ref: string): string {
  return ref.replace(/^#\/\$defs\//, '#/definitions/');
}

/** A subschema in a position where draft 4 wants an object: `true` → `{}`, `false` → `{ not: {} }`. */
function subschema(v: unknown): JsonObject {
  if (v === true) return {};
  if (v === false) return { not: {} };
  return convert(v);
}

function mapValues(v: unknown): JsonObject {
  if (!isObject(v)) return {};
  return Object.fromEntries(Object.entries(v).map(([k, s]) => [k, subschema(s)]));
}

function convert(schema: unknown): JsonObject {
  if (!isObject(schema)) return {};
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (SCHEMA_MAPS.has(key)) {
      const target = key === '$defs' ? 'definitions' : key;
      out[target] = { ...(out[target] as JsonObject | undefined), ...mapValues(value) };
    } else if (SCHEMA_LISTS.has(key)) {
      out[key] = Array.isArray(value) ? value.map(subschema) : value;
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = key !== 'not' && typeof value === 'boolean' ? value : subschema(value);
    } else if (key === 'items') {
      if (Array.isArray(schema.prefixItems)) {
        // 2020-12 `items` beside `prefixItems` describes the rest of a tuple.
        out.additionalItems = typeof value === 'boolean' ? value : subschema(value);
      } else {
        out.items = Array.isArray(value) ? value.map(subschema) : subschema(value);
      }
    } else if (key === 'prefixItems') {
      out.items = Array.isArray(value) ? value.map(subschema) : [];
    } else if (key === 'const') {
      if (!('enum' in schema)) out.enum = [value];
    } else if (BOUNDS.has(key) && hasNumericExclusive(schema)) {
      // handled below, as a pair
    } else if (key === 'dependentRequired' && isObject(value)) {
      out.dependencies = { ...(out.dependencies as JsonObject | undefined), ...value };
    } else if (key === 'dependencies' && isObject(value)) {
      const deps = Object.fromEntries(Object.entries(value).map(([k, d]) => [k, Array.isArray(d) ? d : subschema(d)]));
      out.dependencies = { ...(out.dependencies as JsonObject | undefined), ...deps };
    } else if (key === '$ref' && typeof value === 'string') {
      out.$ref = refToDraft4(value);
    } else if (key === 'examples') {
      // Not a draft 4 keyword; kept because unknown keywords are ignored and readers want examples.
      out.examples = value;
    } else {
      // Annotation or assertion with the same meaning in draft 4 (type, enum, required, pattern, …);
      // its value is data, not a schema, so it is copied untouched.
      out[key] = value;
    }
  }
  if (hasNumericExclusive(schema)) Object.assign(out, draft4Bounds(schema));
  return out;
}

/** Converts a JSON Schema (2020-12, 2019-09, 7 or 6) to draft 4, with the draft 4 `$schema` at the root. */
export function toDraft4(schema: unknown): JsonObject {
  return { $schema: DRAFT4_URI, ...convert(schema) };
}
