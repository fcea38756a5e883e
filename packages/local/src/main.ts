// `npm start`: the whole platform on this machine. Ctrl-C or SIGTERM stops everything, DynamoDB
// Local's java process included.
import { startLocalRuntime } from './runtime';

const port = Number(process.env.FAZHI_PORT ?? process.env.PORT ?? 3000);
const quiet = process.env.FAZHI_QUIET === '1';
// FAZHI_DEMO_CASES: how many mediation cases the first start's history makes (default 300, ≈ 1.6 s each).
const demoCases = process.env.FAZHI_DEMO_CASES;
if (demoCases !== undefined && !/^\d{1,4}$/.test(demoCases)) {
  console.error(`Fazhi could not start: FAZHI_DEMO_CASES must be a whole number from 0 to 9999, not "${demoCases}"`);
  process.exit(1);
}

const runtime = await startLocalRuntime({
  port,
  ...(process.env.FAZHI_DATA_DIR ? { dataDir: process.env.FAZHI_DATA_DIR } : {}),
  ...(process.env.FAZHI_CLOCK === 'virtual' ? { clock: 'virtual' as const } : {}),
  ...(process.env.FAZHI_WEBHOOKS_ALLOW_LOOPBACK === '1' ? { allowLoopbackWebhooks: true } : {}),
  // 90 days of past incidents, clocks and alerts, made once at first start (FAZHI_DEMO_HISTORY=0: none).
  history:
    process.env.FAZHI_DEMO_HISTORY !== '0' && (demoCases === undefined ? true : { mediationCases: Number(demoCases) }),
  log: quiet ? () => undefined : undefined,
}).catch((e: Error) => {
  console.error(`Fazhi could not start: ${e.message}`);
  process.exit(1);
});

const c = runtime.credentials;
const lines = [
  '',
  '  法治协同 Fazhi is running locally',
  '',
  `  Web front end      ${runtime.baseUrl}/`,
  `  API reference      ${runtime.baseUrl}/docs   (OpenAPI: ${runtime.baseUrl}/openapi.json)`,
  `  Health             ${runtime.baseUrl}/health`,
  `  Clock              ${runtime.virtualClock ? `virtual — POST ${runtime.baseUrl}/_local/clock/advance {"by":"PT1H"}` : 'system (FAZHI_CLOCK=virtual to move time)'}`,
  `  Credentials file   ${runtime.credentialsFile}`,
  '',
  '  Sign in (password for all demo users: Fazhi@2026):',
  ...(c?.users ?? [])
    .filter(
      (u) =>
        ['admin', 'auditor'].includes(u.username) || u.departmentId === 'propaganda' || u.departmentId === 'emergency',
    )
    .map((u) => `    ${u.username.padEnd(22)} ${u.roles.join(', ')}`),
  `    … and <dept>.duty / <dept>.leader / <dept>.head for every department (see the credentials file)`,
  '',
  '  Department API keys (Authorization: Bearer <key>):',
  ...(c?.departments ?? []).map((d) => `    ${d.id.padEnd(14)} ${d.name.padEnd(7, '　')} ${d.apiKey}`),
  '',
  '  Ctrl-C stops everything.',
  '',
];
console.log(lines.join('\n'));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n  ${signal}: stopping Fazhi…`);
  await runtime.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
