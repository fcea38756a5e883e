#!/usr/bin/env node
// Run by NodejsFunction's afterBundling hook (infra/lib/bundling.ts) for a function whose wiring
// declares `beside`: ships what it loads lazily next to its bundle instead of inside it.
//   node infra/bin/ship-beside.mjs <outputDir> '<{"bundled":[...],"files":[...]}>'
// Each `bundled` package is bundled (minified, CommonJS, its dependencies inside) into
// <outputDir>/node_modules/<name>/index.cjs with a package.json, so `import(name)` from the
// function's index.mjs finds it as it finds the workspace's copy locally. Each `files` entry
// (`<package>/<path>`) is copied to <outputDir>/node_modules/<package>/<path>, for require.resolve.
// Plain JavaScript: it runs in the CDK's bundling shell, before any TypeScript loader.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const [outputDir, spec] = process.argv.slice(2);
if (!outputDir || !spec) throw new Error('usage: ship-beside.mjs <outputDir> <json>');
const { bundled = [], files = [] } = JSON.parse(spec);
const require = createRequire(new URL('../../package.json', import.meta.url));

for (const name of bundled) {
  const dir = join(outputDir, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [require.resolve(name)],
    outfile: join(dir, 'index.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, main: 'index.cjs' })}\n`);
}
for (const file of files) {
  const to = join(outputDir, 'node_modules', file);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(require.resolve(file), to);
}
