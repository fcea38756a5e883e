#!/usr/bin/env node
// Entry point of `npm start` and `npm test` on a fresh clone: it needs nothing but Node ≥ 20 and
// Java 17. It installs a pinned pnpm under .fazhi/tools (no global install, no corepack: corepack
// needs COREPACK_INTEGRITY_KEYS=0 on these machines), installs the workspace, fetches the official
// DynamoDB Local jar, then hands over. Plain JavaScript on purpose: it runs before tsx exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '10.34.9';
const DYNAMODB_SIMULATOR = 'amplify-dynamodb-simulator@2.9.30';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, '.fazhi', 'tools');
const log = (msg) => process.stderr.write(`[fazhi] ${msg}\n`);

// The AWS SDK warns on Node 20 that releases after January 2027 need Node 22 (STACK.md records
// the pins); the notice is known, so it is silenced (the SDK reads exactly the string 'true').
const baseEnv = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: baseEnv, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function must(cmd, args, opts) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    log(`failed (${status}): ${cmd} ${args.join(' ')}`);
    process.exit(status);
  }
}

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) {
    log(`Node ${process.versions.node} is too old: Fazhi needs Node 20 to 24.`);
    process.exit(1);
  }
}

function ensurePnpm() {
  const bin = join(tools, 'pnpm', 'node_modules', '.bin', 'pnpm');
  if (!existsSync(bin)) {
    log(`installing pnpm ${PNPM_VERSION} into .fazhi/tools (first run only)`);
    mkdirSync(join(tools, 'pnpm'), { recursive: true });
    must('npm', [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      join(tools, 'pnpm'),
      `pnpm@${PNPM_VERSION}`,
    ]);
  }
  return bin;
}

function newerThan(a, b) {
  return existsSync(a) && existsSync(b) && statSync(a).mtimeMs > statSync(b).mtimeMs;
}

function ensureInstalled(pnpm) {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && !newerThan(lock, marker)) return;
  log('installing dependencies with pnpm (first run takes a minute or two)');
  const args = ['install', '--prefer-offline', '--reporter=append-only'];
  if (existsSync(lock)) args.push('--frozen-lockfile');
  must(pnpm, args);
}

// The official DynamoDB Local jar ships inside amplify-dynamodb-simulator. Installing that package
// drags in 283 dependencies, so we take only its emulator folder out of the packed tarball.
function ensureDynamoDbLocal() {
  const dir = join(tools, 'dynamodb-local');
  if (existsSync(join(dir, 'DynamoDBLocal.jar'))) return;
  log('fetching the official DynamoDB Local jar (first run only)');
  const tmp = join(tools, 'tmp-ddb');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  must('npm', ['pack', DYNAMODB_SIMULATOR, '--silent', '--pack-destination', tmp]);
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tgz) {
    log('npm pack produced no tarball');
    process.exit(1);
  }
  must('tar', ['-xzf', join(tmp, tgz), '-C', tmp, 'package/emulator']);
  rmSync(dir, { recursive: true, force: true });
  renameSync(join(tmp, 'package', 'emulator'), dir);
  rmSync(tmp, { recursive: true, force: true });
}

function checkJava() {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    log(
      'Java 17 or newer is needed to run DynamoDB Local: install it (Debian: apt-get install openjdk-17-jre-headless).',
    );
    process.exit(1);
  }
}

// Browser tests drive Debian's Chromium. Where we are root with apt, install it; elsewhere say how.
function ensureChromium() {
  if (process.env.FAZHI_CHROMIUM && existsSync(process.env.FAZHI_CHROMIUM)) return;
  if (existsSync('/usr/bin/chromium')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log('installing Chromium and Chinese fonts for the browser tests (first run only)');
    const env = { ...baseEnv, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    must('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-wqy-zenhei'], { env });
    return;
  }
  log(
    'Chromium is missing: install it (Debian: apt-get install chromium fonts-wqy-zenhei) or set FAZHI_CHROMIUM to its path.',
  );
  process.exit(1);
}

function ensureWebBuilt(pnpm) {
  // Always rebuilt: a few seconds, and a stale bundle would test or serve yesterday's front end.
  log('building the web front end');
  must(pnpm, ['--filter', '@fazhi/web', 'run', 'build']);
}

const [mode, ...rest] = process.argv.slice(2);
checkNode();
const pnpm = ensurePnpm();
ensureInstalled(pnpm);
ensureDynamoDbLocal();

switch (mode) {
  case 'start': {
    checkJava();
    ensureWebBuilt(pnpm);
    process.exit(run(pnpm, ['exec', 'tsx', 'packages/local/src/main.ts', ...rest]));
    break;
  }
  case 'test': {
    checkJava();
    ensureChromium();
    ensureWebBuilt(pnpm);
    let status = run(pnpm, ['run', 'check']);
    // The counts line of .ci/run counts a failed lint/type check as one failure.
    const marker = join(root, '.fazhi', 'check-failed');
    rmSync(marker, { force: true });
    if (status !== 0) writeFileSync(marker, 'biome check or tsc --noEmit failed\n');
    const vitest = run(pnpm, ['exec', 'vitest', 'run', ...rest]);
    if (vitest !== 0) status = vitest;
    process.exit(status);
    break;
  }
  case 'exec': {
    checkJava();
    process.exit(run(pnpm, ['exec', ...rest]));
    break;
  }
  default:
    log('usage: bootstrap.mjs start|test|exec <cmd>');
    process.exit(2);
}
