import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventSchemaFor, readCatalogSchemas } from './catalog-schemas';
import { DRAFT4_URI } from './json-schema-draft4';

const fixtures = fileURLToPath(new URL('../../tests/infra/fixtures/schemas', import.meta.url));

describe('readCatalogSchemas', () => {
  it('reads one schema per <DetailType>.v<N>.json, sorted, and ignores examples', () => {
    // Act
    const schemas = readCatalogSchemas(fixtures);

    // Assess
    expect(schemas.map((s) => [s.detailType, s.version, s.schemaName])).toEqual([
      ['Fixture.Closed', 1, 'fazhi@Fixture.Closed.v1'],
      ['Fixture.Opened', 1, 'fazhi@Fixture.Opened.v1'],
      ['Fixture.Opened', 2, 'fazhi@Fixture.Opened.v2'],
    ]);
  });

  it('answers an empty list for a missing folder', () => {
    // Act
    const schemas = readCatalogSchemas(fileURLToPath(new URL('./no-such-folder', import.meta.url)));

    // Assess
    expect(schemas).toEqual([]);
  });
});

describe('eventSchemaFor', () => {
  it('puts a generated full detail under `detail` and hoists its definitions to the root', () => {
    // Prepare
    const detail = {
      type: 'object',
      properties: { meta: { type: 'object' }, data: { $ref: '#/$defs/Data' } },
      $defs: { Data: { type: 'object' } },
    };

    // Act
    const schema = eventSchemaFor('Case.Opened', 3, detail) as {
      $schema: string;
      properties: Record<string, { enum?: string[]; properties?: Record<string, unknown> }>;
      definitions: Record<string, unknown>;
    };

    // Assess
    expect(schema.$schema).toBe(DRAFT4_URI);
    expect(schema.properties['detail-type']?.enum).toEqual(['Case.Opened']);
    expect(schema.properties.detail?.properties?.data).toEqual({ $ref: '#/definitions/Data' });
    expect(schema.definitions).toEqual({ Data: { type: 'object' } });
    expect(schema).toHaveProperty('x-amazon-events-detail-type', 'Case.Opened');
  });

  it('wraps a data-only schema in the platform envelope with the version pinned', () => {
    // Prepare
    const data = { type: 'object', properties: { caseId: { type: 'string' } } };

    // Act
    const schema = eventSchemaFor('Case.Closed', 2, data) as {
      properties: {
        detail: { required: string[]; properties: Record<string, { properties?: Record<string, unknown> }> };
      };
    };

    // Assess
    const detail = schema.properties.detail;
    expect(detail.required).toEqual(['meta', 'data']);
    expect(detail.properties.data).toEqual({ type: 'object', properties: { caseId: { type: 'string' } } });
    expect(detail.properties.meta?.properties?.schemaVersion).toEqual({ type: 'integer', enum: [2] });
  });
});
