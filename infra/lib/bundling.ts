import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionWiring, Permission } from '@fazhi/platform/wiring';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

// ESM output so top-level await and `import.meta` work as on a laptop. Some bundled CommonJS
// dependencies call `require` for Node built-ins, which an ES module lacks: the banner gives them one.
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node22',
  platform: 'node',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // The AWS SDK is bundled, not taken from the runtime: tree-shaken and minified, the DynamoDB
  // client adds ~340 KB and initialises in a third of the time Node needs to load the runtime's
  // copy from node_modules (docs/BENCHMARKS.md, cold start), and the deployed SDK is the one the
  // tests ran against. SDKs other than DynamoDB are dynamic imports (platform/aws/clients.ts).
  externalModules: [],
  banner:
    "import { createRequire as __fazhiCreateRequire } from 'node:module'; const require = __fazhiCreateRequire(import.meta.url);",
};

/**
 * The SDKs loaded by dynamic import (platform/aws/clients.ts) and the permissions without which a
 * function cannot call that service anyway. A function lacking the permission gets the SDK left
 * out of its bundle (~50 KB each); should it ever load it, the runtime's own copy answers.
 */
const SDK_NEEDS: Record<string, Permission[]> = {
  '@aws-sdk/client-eventbridge': ['bus:put'],
  '@aws-sdk/client-sns': ['sns:publish', 'sms:send'],
  '@aws-sdk/client-kms': ['webhook-secret:seal', 'webhook-secret:open', 'link-token:sign', 'link-token:verify'],
};

const SHIP_BESIDE = fileURLToPath(new URL('../bin/ship-beside.mjs', import.meta.url));

/**
 * The bundling of one function: BUNDLING, minus the SDKs its wiring gives it no right to call, and
 * minus what its wiring ships `beside` the bundle: those packages stay external, and the
 * afterBundling hook (infra/bin/ship-beside.mjs) writes them, pre-bundled, and the files it names
 * into the asset's node_modules. The agreement PDF's pdfkit and CJK font go that way (mediation-read):
 * the bundle stays under 1 MB and its init does not load them.
 */
export function bundlingFor(w: Pick<FunctionWiring, 'permissions' | 'beside'>): BundlingOptions {
  const unused = Object.entries(SDK_NEEDS)
    .filter(([, permissions]) => !permissions.some((p) => w.permissions.includes(p)))
    .map(([sdk]) => sdk);
  const beside = w.beside;
  return {
    ...BUNDLING,
    externalModules: [...(BUNDLING.externalModules ?? []), ...unused, ...(beside?.bundled ?? [])],
    ...(beside
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (_inputDir: string, outputDir: string) => [
              `node ${JSON.stringify(SHIP_BESIDE)} ${JSON.stringify(outputDir)} '${JSON.stringify(beside)}'`,
            ],
          },
        }
      : {}),
  };
}

/**
 * NodejsFunction runs esbuild as `pnpm exec esbuild` because the lock file is pnpm's. The
 * bootstrap installs pnpm under `.fazhi/tools` rather than globally, so put it on PATH when no
 * pnpm is there already.
 */
export function ensurePnpmOnPath(repoRoot: string, env: NodeJS.ProcessEnv = process.env): void {
  const dirs = (env.PATH ?? '').split(delimiter);
  if (dirs.some((d) => d && existsSync(join(d, 'pnpm')))) return;
  const local = join(repoRoot, '.fazhi', 'tools', 'pnpm', 'node_modules', '.bin');
  if (existsSync(join(local, 'pnpm'))) env.PATH = [local, ...dirs].filter(Boolean).join(delimiter);
}
