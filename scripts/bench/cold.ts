// npm run bench:cold — bundles every function with esbuild exactly as the CDK's NodejsFunction does
// (bundlingFor(wiring) in infra/lib/bundling.ts: ESM, node22, minified, the AWS SDK bundled except
// the SDKs the function has no permission to call),
// then, per function, prints the minified bundle size and the median module init of 5 fresh `node`
// processes. Init = `await import(bundle)`, timed inside each fresh process with performance.now()
// around the import (the Node start-up before it is the same for every function and not ours).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { allFunctions } from '../../functions/index';
import { BUNDLING, bundlingFor } from '../../infra/lib/bundling';
import { REPO_ROOT } from '../../infra/lib/paths';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MAX_BYTES = 1024 * 1024;
const MAX_INIT_MS = 150;
const only = process.argv[2];

const outRoot = join(REPO_ROOT, '.fazhi', 'bench', 'cold');
rmSync(outRoot, { recursive: true, force: true });
mkdirSync(outRoot, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The environment a deployed function sees (infra/lib/functions.ts), with values that resolve nowhere.
const lambdaEnv = {
  PATH: process.env.PATH,
  AWS_REGION: 'cn-north-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  FAZHI_RUNTIME: 'aws',
  FAZHI_TABLE_NAME: 'fazhi',
  FAZHI_BUS_NAME: 'fazhi',
  FAZHI_ALERTS_TOPIC_ARN: 'arn:aws-cn:sns:cn-north-1:111111111111:alerts',
  FAZHI_JWT_ISSUER: 'https://cognito-idp.cn-north-1.amazonaws.com.cn/pool',
  FAZHI_JWT_AUDIENCE: 'client',
  POWERTOOLS_SERVICE_NAME: 'bench',
};

function initOnce(file: string): number {
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const t0 = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(file).href)});
       if (typeof m.handler !== 'function') throw new Error('no handler');
       process.stdout.write(String(performance.now() - t0));`,
    ],
    { env: lambdaEnv, encoding: 'utf8' },
  );
  return Number(out);
}

interface Row {
  name: string;
  bytes: number;
  init: number;
  runs: number[];
}

const rows: Row[] = [];
for (const w of allFunctions) {
  if (only && !w.name.includes(only)) continue;
  const dir = join(outRoot, w.name);
  const outfile = join(dir, 'index.mjs');
  const b = bundlingFor(w);
  await build({
    entryPoints: [w.entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: b.target,
    mainFields: b.mainFields,
    minify: b.minify,
    sourcemap: b.sourceMap,
    sourcesContent: b.sourcesContent,
    external: b.externalModules,
    banner: { js: b.banner! },
    logLevel: 'warning',
  });
  initOnce(outfile); // warms the OS file cache, as a Lambda's image is warm on its disk
  const runs = Array.from({ length: RUNS }, () => initOnce(outfile));
  rows.push({ name: w.name, bytes: statSync(outfile).size, init: median(runs), runs });
}

const pad = (s: string, n: number) => s.padEnd(n);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const worstInit = Math.max(...rows.map((r) => r.init));
const worstSize = Math.max(...rows.map((r) => r.bytes));
console.log(
  `bench:cold — ${rows.length} functions bundled as NodejsFunction does (esbuild ${BUNDLING.target}, ESM, minified, AWS SDK bundled), Node ${process.version}`,
);
console.log(`  init = median of ${RUNS} fresh node processes importing the bundle (after one warm-up run)`);
console.log(`  ${pad('function', 34)} ${pad('bundle', 10)} init (runs)`);
for (const r of rows)
  console.log(
    `  ${pad(r.name, 34)} ${pad(kb(r.bytes), 10)} ${r.init.toFixed(0).padStart(4)} ms  (${r.runs.map((x) => x.toFixed(0)).join(' / ')})`,
  );
console.log(
  `  median init ${median(rows.map((r) => r.init)).toFixed(0)} ms, worst ${worstInit.toFixed(0)} ms (goal ≤ ${MAX_INIT_MS} ms: ${worstInit <= MAX_INIT_MS ? 'met' : 'NOT met'})`,
);
console.log(
  `  largest bundle ${kb(worstSize)} (goal ≤ ${kb(MAX_BYTES)}: ${worstSize <= MAX_BYTES ? 'met' : 'NOT met'})`,
);
