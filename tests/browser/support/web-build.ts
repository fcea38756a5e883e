import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('../../../packages/web/', import.meta.url));

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(path) : (await stat(path)).mtimeMs);
  }
  return newest;
}

async function mtimeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Builds packages/web/dist when it is missing or older than the sources, so the test never runs a stale UI. */
export async function ensureWebBuilt(): Promise<void> {
  const built = await mtimeOf(join(webRoot, 'dist', 'index.html'));
  const sources = Math.max(
    await newestMtime(join(webRoot, 'src')),
    (await mtimeOf(join(webRoot, 'index.html'))) ?? 0,
    (await mtimeOf(join(webRoot, 'vite.config.ts'))) ?? 0,
  );
  if (built !== undefined && built >= sources) return;
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
}
