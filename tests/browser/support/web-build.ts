import { mkdir, readdir, rm, stat } from 'node:fs/promises';
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

async function isFresh(): Promise<boolean> {
  const built = await mtimeOf(join(webRoot, 'dist', 'index.html'));
  const sources = Math.max(
    await newestMtime(join(webRoot, 'src')),
    (await mtimeOf(join(webRoot, 'index.html'))) ?? 0,
    (await mtimeOf(join(webRoot, 'vite.config.ts'))) ?? 0,
  );
  return built !== undefined && built >= sources;
}

const LOCK = join(webRoot, '.build-lock');
/** A lock older than this was left by a killed test process. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Builds packages/web/dist when it is missing or older than the sources, so the test never runs a stale UI.
 * Browser test files run in parallel processes; on a clean clone each would otherwise build into the
 * same dist at once (vite empties it first), so one process builds while the others wait for it.
 */
export async function ensureWebBuilt(): Promise<void> {
  for (;;) {
    if (await isFresh()) return;
    try {
      await mkdir(LOCK);
    } catch {
      const since = await mtimeOf(LOCK);
      if (since !== undefined && Date.now() - since > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (await isFresh()) return;
      const { build } = await import('vite');
      await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
      return;
    } finally {
      await rm(LOCK, { recursive: true, force: true });
    }
  }
}
