import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { catalog, detailSchemaOf, findCatalogEntry } from './catalog';
import { exampleFileName, generatedSchemaFiles, schemaFileName } from './schema-files';

const schemasDir = fileURLToPath(new URL('../schemas/', import.meta.url));

function readCommitted(name: string): string | undefined {
  try {
    return readFileSync(`${schemasDir}${name}`, 'utf8');
  } catch {
    return undefined;
  }
}

function committedJsonSchema(entry: (typeof catalog)[number]) {
  const text = readCommitted(schemaFileName(entry));
  if (text === undefined) throw new Error(`${schemaFileName(entry)} is missing: run \`pnpm gen\``);
  return z.fromJSONSchema(JSON.parse(text));
}

describe('committed events/schemas', () => {
  const expected = generatedSchemaFiles();

  it.each(expected.map((f) => [f.name, f.content] as const))('%s matches the catalog', (name, content) => {
    // Act
    const committed = readCommitted(name);
    // Assess
    expect(committed, `events/schemas/${name} differs from the catalog: run \`pnpm gen\``).toBe(content);
  });

  it('holds no file the catalog does not produce', () => {
    // Prepare
    const wanted = new Set(expected.map((f) => f.name));
    // Act
    const stale = readdirSync(schemasDir).filter((name) => name.endsWith('.json') && !wanted.has(name));
    // Assess
    expect(stale, 'stale files in events/schemas: run `pnpm gen`').toEqual([]);
  });
});

describe('catalog examples', () => {
  it.each(catalog.map((e) => [`${e.detailType} v${e.version}`, e] as const))(
    '%s example is valid against the zod schema and the committed JSON Schema',
    (_name, entry) => {
      // Prepare
      const jsonSchema = committedJsonSchema(entry);
      // Act
      const byZod = detailSchemaOf(entry).safeParse(entry.example);
      const byJsonSchema = jsonSchema.safeParse(entry.example);
      // Assess
      expect(byZod.error?.issues ?? []).toEqual([]);
      expect(byJsonSchema.error?.issues ?? []).toEqual([]);
    },
  );

  it.each(catalog.map((e) => [`${e.detailType} v${e.version}`, e] as const))(
    '%s JSON Schema refuses an unknown data field and a wrong schema version',
    (_name, entry) => {
      // Prepare
      const jsonSchema = committedJsonSchema(entry);
      const example = entry.example as { meta: Record<string, unknown>; data: Record<string, unknown> };
      const extraField = { ...example, data: { ...example.data, unexpected: true } };
      const wrongVersion = { ...example, meta: { ...example.meta, schemaVersion: entry.version + 1 } };
      // Act
      const results = [jsonSchema.safeParse(extraField).success, jsonSchema.safeParse(wrongVersion).success];
      // Assess
      expect(results).toEqual([false, false]);
    },
  );

  it('the example file is the latest version of each detail-type', () => {
    // Prepare
    const detailTypes = [...new Set(catalog.map((e) => e.detailType))];
    // Act
    const examples = detailTypes.map((t) => JSON.parse(readCommitted(exampleFileName({ detailType: t })) ?? 'null'));
    // Assess
    expect(examples).toEqual(detailTypes.map((t) => findCatalogEntry(t)?.example));
  });

  it('uses a different event id in every example', () => {
    // Act
    const ids = catalog.map((e) => e.example.meta.eventId);
    // Assess
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('catalog entries', () => {
  it('are unique by detail-type and version, named Aggregate.PastTenseVerb', () => {
    // Act
    const keys = catalog.map((e) => `${e.detailType}@${e.version}`);
    // Assess
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of catalog) {
      expect(entry.detailType).toMatch(/^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+$/);
      expect(Number.isInteger(entry.version) && entry.version >= 1).toBe(true);
      expect(entry.example.meta.schemaVersion).toBe(entry.version);
    }
  });

  it('name only top-level data fields in fromData', () => {
    for (const entry of catalog) {
      // Prepare
      const shape = entry.data instanceof z.ZodObject ? (entry.data.shape as Record<string, unknown>) : {};
      const fields = [...(entry.publishers.fromData ?? []), ...(entry.subscribers.fromData ?? [])];
      // Assess
      for (const field of fields) expect(Object.keys(shape), `${entry.detailType}.${field}`).toContain(field);
    }
  });

  it('each have at least one publisher and one subscriber', () => {
    for (const entry of catalog) {
      const hasPublisher =
        entry.publishers.platform || entry.publishers.kinds?.length || entry.publishers.departments?.length;
      const hasSubscriber =
        entry.subscribers.kinds?.length || entry.subscribers.departments?.length || entry.subscribers.fromData?.length;
      expect(Boolean(hasPublisher), entry.detailType).toBe(true);
      expect(Boolean(hasSubscriber), entry.detailType).toBe(true);
    }
  });

  it('grant the rights the exchange needs', () => {
    // Act
    const lead = findCatalogEntry('EnforcementLead.Shared');
    const opened = findCatalogEntry('OpinionIncident.Opened');
    const breached = findCatalogEntry('Clock.Breached');
    // Assess
    expect(lead?.publishers).toEqual({ kinds: ['enforcement', 'public-security', 'procuratorate'] });
    expect(lead?.subscribers).toEqual({ kinds: ['enforcement', 'public-security', 'procuratorate'] });
    expect(opened?.publishers).toEqual({ platform: true });
    expect(opened?.subscribers.fromData).toEqual(['responsibleDepartmentId']);
    expect(breached?.subscribers).toEqual({ fromData: ['departmentId'] });
  });
});

describe('findCatalogEntry', () => {
  const v1 = catalog[0]!;
  const v2 = { ...v1, version: 2 };
  const entries = [v1, v2];

  it('returns the latest version when none is asked for', () => {
    expect(findCatalogEntry(v1.detailType, undefined, entries)).toBe(v2);
  });

  it('returns the asked version, or undefined when it does not exist', () => {
    expect(findCatalogEntry(v1.detailType, 1, entries)).toBe(v1);
    expect(findCatalogEntry(v1.detailType, 3, entries)).toBeUndefined();
    expect(findCatalogEntry('No.Such')).toBeUndefined();
  });
});
