// Times a first start with and without the demo history (file-backed DynamoDB Local, as `npm start`):
//   node scripts/bootstrap.mjs exec tsx scripts/bench/demo-history.ts (npm run bench:history)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime } from '../../packages/local/src/runtime';

for (const history of [false, true]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-history-'));
  const started = performance.now();
  let generated: Record<string, unknown> | undefined;
  const rt = await startLocalRuntime({
    port: 0,
    dataDir,
    webDist: false,
    history,
    log: (msg, extra) => {
      if (msg === 'demo history generated') generated = extra;
    },
  });
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ history, firstStartMs: ms, ...(generated ?? {}) }));
  await rt.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
