// Which runtime the CLI talks to: the one the developer started. FAZHI_URL names it outright;
// FAZHI_PORT is the port `npm start` was given; otherwise the credentials file the runtime wrote
// (in FAZHI_DATA_DIR, default .fazhi/local) records its baseUrl; otherwise the default port.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:3000';

export interface CliTarget {
  baseUrl: string;
  /** Where the address came from, for the error message when nothing answers there. */
  from: string;
}

function baseUrlInCredentials(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const url = (JSON.parse(readFileSync(file, 'utf8')) as { baseUrl?: unknown }).baseUrl;
    return typeof url === 'string' && /^https?:\/\//.test(url) ? url.replace(/\/$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** `cwd` resolves a relative FAZHI_DATA_DIR (as the runtime does); the default folder is under `repoRoot`. */
export function cliTarget(env: Record<string, string | undefined>, cwd: string, repoRoot = cwd): CliTarget {
  if (env.FAZHI_URL) return { baseUrl: env.FAZHI_URL.replace(/\/$/, ''), from: 'FAZHI_URL' };
  const port = env.FAZHI_PORT ? Number(env.FAZHI_PORT) : undefined;
  if (port !== undefined && Number.isInteger(port) && port > 0 && port < 65_536) {
    return { baseUrl: `http://127.0.0.1:${port}`, from: 'FAZHI_PORT' };
  }
  const dataDir = env.FAZHI_DATA_DIR ? resolve(cwd, env.FAZHI_DATA_DIR) : join(repoRoot, '.fazhi', 'local');
  const file = join(dataDir, 'credentials.json');
  const recorded = baseUrlInCredentials(file);
  if (recorded) return { baseUrl: recorded, from: file };
  return { baseUrl: DEFAULT_BASE_URL, from: 'the default address' };
}
