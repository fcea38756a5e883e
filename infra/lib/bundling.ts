import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
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
  // The nodejs22.x runtime ships AWS SDK v3; bundling it would add megabytes for nothing.
  externalModules: ['@aws-sdk/*'],
  banner:
    "import { createRequire as __fazhiCreateRequire } from 'node:module'; const require = __fazhiCreateRequire(import.meta.url);",
};

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
