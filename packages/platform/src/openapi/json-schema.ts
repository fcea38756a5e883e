import type { ZodType } from 'zod';
import * as z from 'zod';
import type { JsonSchema } from './types';

// z.toJSONSchema returns one self-contained document: shared or recursive parts sit in its own
// `$defs` and are referenced as `#/$defs/…` or `#`. Inside an OpenAPI document those pointers would
// resolve against the document root, so every such part is moved to `components.schemas` and its
// references rewritten.

export const COMPONENT_REF_PREFIX = '#/components/schemas/';

export function componentRef(name: string): { $ref: string } {
  return { $ref: `${COMPONENT_REF_PREFIX}${name}` };
}

/** Component names may hold only A-Z a-z 0-9 . _ - (OpenAPI 3.1 §4.8.7.1). */
export function componentName(raw: string): string {
  return raw.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** Adds a component, refusing two different schemas under one name (two zod schemas sharing a meta id). */
export function addComponent(components: Record<string, JsonSchema>, name: string, schema: JsonSchema): void {
  const existing = components[name];
  if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(schema)) {
    throw new Error(`OpenAPI component "${name}" is defined twice with different schemas`);
  }
  components[name] = schema;
}

function mapRefs(node: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => mapRefs(item, rewrite));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? rewrite(value) : mapRefs(value, rewrite);
  }
  return out;
}

/**
 * Moves a standalone JSON Schema's `$defs` into `components` and returns the schema to embed.
 * `name` names the root if it refers to itself, and prefixes zod's anonymous `__schemaN` parts.
 */
export function hoistJsonSchema(
  document: JsonSchema,
  name: string,
  components: Record<string, JsonSchema>,
): JsonSchema {
  const { $schema: _dialect, $defs, ...root } = document;
  const defs = ($defs ?? {}) as Record<string, JsonSchema>;
  const names = new Map<string, string>();
  for (const key of Object.keys(defs)) {
    names.set(key, componentName(key.startsWith('__') ? `${name}.${key.replace(/^_+/, '')}` : key));
  }
  let rootReferenced = false;
  const rewrite = (ref: string): string => {
    if (ref === '#') {
      rootReferenced = true;
      return `${COMPONENT_REF_PREFIX}${name}`;
    }
    const def = ref.startsWith('#/$defs/') ? names.get(ref.slice('#/$defs/'.length)) : undefined;
    return def === undefined ? ref : `${COMPONENT_REF_PREFIX}${def}`;
  };
  for (const [key, def] of Object.entries(defs)) {
    addComponent(components, names.get(key) ?? key, mapRefs(def, rewrite) as JsonSchema);
  }
  const embedded = mapRefs(root, rewrite) as JsonSchema;
  if (!rootReferenced) return embedded;
  addComponent(components, name, embedded);
  return componentRef(name);
}

/**
 * JSON Schema of a zod schema for embedding in the OpenAPI document. `input` for what a client
 * sends (defaults make fields optional), `output` for what the API answers. Parts JSON Schema
 * cannot express (transforms, custom checks) become `{}` rather than failing the whole document.
 */
export function zodToOpenApiSchema(
  schema: ZodType,
  io: 'input' | 'output',
  name: string,
  components: Record<string, JsonSchema>,
): JsonSchema {
  const document = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return hoistJsonSchema(document, componentName(name), components);
}
