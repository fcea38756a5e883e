// `pnpm gen`: writes the JSON Schema and example of every catalog entry into events/schemas/ and
// removes files there that no entry produces any more. catalog.test.ts fails until this has run.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedSchemaFiles } from '../src/schema-files';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });

const files = generatedSchemaFiles();
const wanted = new Set(files.map((f) => f.name));
let written = 0;
let removed = 0;

for (const file of files) {
  const path = join(dir, file.name);
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== file.content) {
    writeFileSync(path, file.content);
    written++;
  }
}
for (const name of readdirSync(dir)) {
  if (name.endsWith('.json') && !wanted.has(name)) {
    rmSync(join(dir, name));
    removed++;
  }
}
console.log(`events/schemas: ${files.length} files, ${written} written, ${removed} removed`);
