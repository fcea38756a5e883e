// What every browser test starts with: the built front end, a local runtime of its own (its own
// table in the suite's DynamoDB Local, its own data dir), a fresh Chromium and a page at the
// viewport the test is about. `stop` undoes all of it.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { LocalRuntime, LocalRuntimeOptions } from '../../../packages/local/src/runtime';
import { testDdbEndpoint } from '../../support/ddb-endpoint';
import { type Chromium, launchChromium } from './chromium';
import { ensureWebBuilt } from './web-build';

export const SHOTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));

export interface BrowserRig {
  runtime: LocalRuntime;
  chromium: Chromium;
  page: Page;
  stop(): Promise<void>;
}

export async function startBrowserRig(
  name: string,
  viewport: { width: number; height: number },
  opts: LocalRuntimeOptions = {},
): Promise<BrowserRig> {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  const { startLocalRuntime } = await import('../../../packages/local/src/runtime');
  const dataDir = await mkdtemp(join(tmpdir(), `fazhi-${name}-`));
  const runtime = await startLocalRuntime({
    port: 0,
    ddbEndpoint: testDdbEndpoint(),
    dropTablesOnStop: true,
    tableName: `${name}-${Date.now().toString(36)}`,
    dataDir,
    log: () => undefined,
    ...opts,
  });
  const chromium = await launchChromium();
  const page = await chromium.context.newPage();
  await page.setViewportSize(viewport);
  return {
    runtime,
    chromium,
    page,
    async stop() {
      await chromium.close();
      await runtime.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
