import * as z from 'zod';
import { type CatalogEntry, catalog as defaultCatalog, detailSchemaOf, findCatalogEntry } from './catalog';

// What `pnpm gen` writes into events/schemas/, computed in one place so the generator and the
// test that guards the committed files cannot disagree.

export function schemaFileName(entry: Pick<CatalogEntry, 'detailType' | 'version'>): string {
  return `${entry.detailType}.v${entry.version}.json`;
}

/** One example per detail-type (its latest version); the name has no `.v` so `*.v*.json` finds schemas only. */
export function exampleFileName(entry: Pick<CatalogEntry, 'detailType'>): string {
  return `${entry.detailType}.example.json`;
}

/** JSON Schema (draft 2020-12) of an entry's full detail. */
export function detailJsonSchema(entry: CatalogEntry): Record<string, unknown> {
  const generated = z.toJSONSchema(detailSchemaOf(entry), { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `${entry.detailType} v${entry.version} — ${entry.title} / ${entry.titleEn}`,
    description: entry.descriptionEn ? `${entry.description}\n${entry.descriptionEn}` : entry.description,
    ...rest,
  };
}

export interface GeneratedFile {
  name: string;
  content: string;
}

function asJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function generatedSchemaFiles(entries: readonly CatalogEntry[] = defaultCatalog): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const entry of entries) {
    files.push({ name: schemaFileName(entry), content: asJsonFile(detailJsonSchema(entry)) });
    if (findCatalogEntry(entry.detailType, undefined, entries) === entry) {
      files.push({ name: exampleFileName(entry), content: asJsonFile(entry.example) });
    }
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
