import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAFT4_URI, type JsonObject, toDraft4 } from './json-schema-draft4';

const NEWER_KEYWORDS = ['$defs', 'const', 'prefixItems', 'propertyNames', 'if', 'unevaluatedProperties', '$id'];

/** Every subschema of a draft 4 schema, with the keyword that holds it. */
function* subschemas(schema: unknown, holder = '(root)'): Generator<[string, unknown]> {
  yield [holder, schema];
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
  const s = schema as JsonObject;
  for (const key of ['properties', 'patternProperties', 'definitions']) {
    for (const v of Object.values((s[key] as JsonObject | undefined) ?? {})) yield* subschemas(v, key);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const v of (s[key] as unknown[] | undefined) ?? []) yield* subschemas(v, key);
  }
  for (const key of ['not', 'additionalProperties', 'additionalItems']) if (key in s) yield* subschemas(s[key], key);
  if (Array.isArray(s.items)) for (const v of s.items) yield* subschemas(v, 'items');
  else if ('items' in s) yield* subschemas(s.items, 'items');
}

const leaf = fc.oneof(
  fc.record({ type: fc.constantFrom('string', 'integer', 'number', 'boolean', 'null') }),
  fc.record({ const: fc.oneof(fc.string(), fc.integer(), fc.boolean()) }),
  fc.record(
    {
      type: fc.constant('integer'),
      exclusiveMinimum: fc.integer(),
      minimum: fc.integer(),
      exclusiveMaximum: fc.integer(),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record({ $ref: fc.constantFrom('#/$defs/A', '#/$defs/B', '#/definitions/C') }),
  fc.record({ type: fc.constant('string'), enum: fc.array(fc.string(), { minLength: 1 }), const: fc.string() }),
  fc.boolean(),
);

const schemaArb = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record(
      {
        type: fc.constant('object'),
        properties: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), tie('schema')),
        additionalProperties: fc.oneof(fc.boolean(), tie('schema')),
        propertyNames: fc.record({ pattern: fc.constant('^[a-z]+$') }),
        $defs: fc.dictionary(fc.constantFrom('A', 'B'), tie('schema')),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      { type: fc.constant('array'), prefixItems: fc.array(tie('schema'), { maxLength: 3 }), items: tie('schema') },
      { requiredKeys: ['type'] },
    ),
    fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('schema') }),
  ),
})).schema;

describe('toDraft4', () => {
  it('rewrites the 2020-12 spellings zod emits into draft 4', () => {
    // Prepare
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        id: { $ref: '#/$defs/Id' },
        version: { type: 'number', const: 2 },
        level: { type: 'integer', exclusiveMinimum: 0, maximum: 4 },
        tuple: { type: 'array', prefixItems: [{ type: 'string' }], items: false },
        tags: { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: { type: 'string' } },
        never: false,
      },
      required: ['id'],
      additionalProperties: false,
      $defs: { Id: { type: 'string', pattern: '^[0-9A-Z]{26}$' } },
    };

    // Act
    const out = toDraft4(schema);

    // Assess
    expect(out).toEqual({
      $schema: DRAFT4_URI,
      type: 'object',
      properties: {
        id: { $ref: '#/definitions/Id' },
        version: { type: 'number', enum: [2] },
        level: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 4 },
        tuple: { type: 'array', items: [{ type: 'string' }], additionalItems: false },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
        never: { not: {} },
      },
      required: ['id'],
      additionalProperties: false,
      definitions: { Id: { type: 'string', pattern: '^[0-9A-Z]{26}$' } },
    });
  });

  it('keeps the stricter of an inclusive and an exclusive bound', () => {
    // Prepare
    const looser = { type: 'number', minimum: 5, exclusiveMinimum: 3, maximum: 1, exclusiveMaximum: 9 };

    // Act
    const out = toDraft4(looser);

    // Assess
    expect(out).toEqual({ $schema: DRAFT4_URI, type: 'number', minimum: 5, maximum: 1 });
  });

  it('leaves data values (enum, default, examples) untouched even when they look like schemas', () => {
    // Prepare
    const schema = { enum: [{ const: 1 }, { $defs: {} }], default: { const: 'x' }, examples: [{ prefixItems: [] }] };

    // Act
    const out = toDraft4(schema);

    // Assess
    expect(out.enum).toEqual([{ const: 1 }, { $defs: {} }]);
    expect(out.default).toEqual({ const: 'x' });
    expect(out.examples).toEqual([{ prefixItems: [] }]);
  });

  it('never leaves a newer keyword, a numeric exclusive bound or a misplaced boolean schema', () => {
    fc.assert(
      fc.property(schemaArb, (schema) => {
        // Act
        const out = toDraft4(schema);

        // Assess
        expect(out.$schema).toBe(DRAFT4_URI);
        for (const [holder, sub] of subschemas(out)) {
          if (typeof sub === 'boolean') {
            expect(['additionalProperties', 'additionalItems']).toContain(holder);
            continue;
          }
          const s = sub as JsonObject;
          for (const k of NEWER_KEYWORDS) expect(s).not.toHaveProperty(k);
          for (const k of ['exclusiveMinimum', 'exclusiveMaximum']) if (k in s) expect(s[k]).toBe(true);
          if (typeof s.$ref === 'string') expect(s.$ref.startsWith('#/$defs/')).toBe(false);
        }
      }),
    );
  });

  it('is idempotent: a draft 4 schema converts to itself', () => {
    fc.assert(
      fc.property(schemaArb, (schema) => {
        // Prepare
        const once = toDraft4(schema);

        // Act
        const twice = toDraft4(once);

        // Assess
        expect(twice).toEqual(once);
      }),
    );
  });
});
