// Runs `npm start`'s entry point (packages/local/src/main.ts) as a real child process, for tests
// that kill it or stop it with a signal.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, REPO_ROOT } from '../../packages/local/src/dynamodb-local';
import { eventually } from './runtime';

export interface ChildRuntime {
  child: ChildProcess;
  baseUrl: string;
  credentials: { departments: { id: string; apiKey: string }[] };
  javaPid(): number;
  exited: Promise<number | null>;
}

export async function startChildRuntime(dataDir: string, extraEnv: Record<string, string> = {}): Promise<ChildRuntime> {
  const port = await freePort();
  // Node itself runs the runtime (tsx as a loader), not the tsx CLI: that wrapper would take a
  // kill -9 in place of the runtime and leave the real process running behind it.
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'packages', 'local', 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      FAZHI_PORT: String(port),
      FAZHI_DATA_DIR: dataDir,
      FAZHI_QUIET: '1',
      FAZHI_WEBHOOKS_ALLOW_LOOPBACK: '1',
      // The lifecycle tests start and kill many times; the 90 days of demo history would only slow them.
      FAZHI_DEMO_HISTORY: '0',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-3000);
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`runtime exited: ${stderr}`);
      const r = await fetch(`${baseUrl}/health`).catch(() => undefined);
      return r?.status === 200;
    },
    'runtime health',
    120_000,
  );
  // The credentials file is written after the server listens; wait for this run's copy.
  const credentials = await eventually(async () => {
    try {
      const c = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8'));
      return c.baseUrl === baseUrl ? c : undefined;
    } catch {
      return undefined;
    }
  }, 'credentials file');
  return {
    child,
    baseUrl,
    credentials,
    exited,
    javaPid: () => Number(readFileSync(join(dataDir, 'dynamodb-local.pid'), 'utf8')),
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
