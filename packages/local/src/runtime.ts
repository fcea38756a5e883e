// The whole platform in one Node process, wired from the same declarations as the CDK app:
// DynamoDB Local, the HTTP gateway with the same authoriser, the event bus with the same rules,
// the stream relay, the schedules, the virtual clock, the demo city.
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Clock } from '@fazhi/domain/clock';
import { allFunctions } from '@fazhi/functions';
import { recordingNotifier } from '@fazhi/platform/alert-notifier';
import { setCacheScope } from '@fazhi/platform/cache-scope';
import { configureDeps, documentClient, idFactory, type PlatformDeps, systemClock } from '@fazhi/platform/deps';
import { pendingEvents, relayEvents } from '@fazhi/platform/events/relay';
import { webhookSecretSealer } from '@fazhi/platform/secrets/data-keys';
import { linkMacOf } from '@fazhi/platform/secrets/link-tokens';
import { sealLegacyWebhookSecrets } from '@fazhi/platform/secrets/seal-legacy';
import { logSmsSender } from '@fazhi/platform/sms';
import { DEFAULT_TABLE_NAME } from '@fazhi/platform/table-definition';
import { type WebhookSender, webhookSender } from '@fazhi/platform/webhook-sender';
import type { FunctionWiring } from '@fazhi/platform/wiring';
import {
  type AccessDenial,
  asFunction,
  guardClient,
  guardLinks,
  guardSecrets,
  guardSms,
  runningFunction,
} from './access-guard';
import { buildTargets, LocalBus } from './bus/local-bus';
import type { DemoHistoryOptions } from './demo-history';
import { type DynamoDbLocal, REPO_ROOT, startDynamoDbLocal } from './dynamodb-local';
import { compileRoutes } from './gateway/routes';
import { createGateway, type LambdaLike } from './gateway/server';
import { loadLocalIdp } from './local-idp';
import { localRoutes } from './local-routes';
import { Scheduler } from './scheduler';
import { type Credentials, seedDemo } from './seed';
import { LOCAL_WEB_DIST, localStreamMapping } from './stand-ins';
import { StreamPoller } from './stream-poller';
import { ensureQueueTable, ensureTable } from './tables';
import { VirtualClock } from './virtual-clock';

/** The function whose invocation is running (set only with `onInvoke`), for per-function metering. */
export const invocation = new AsyncLocalStorage<string>();

export interface LocalRuntimeOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  host?: string;
  /** Holds the DynamoDB Local files, the signing key and the credentials file. */
  dataDir?: string;
  /** Use this DynamoDB Local instead of starting one (tests share one in-memory instance). */
  ddbEndpoint?: string;
  tableName?: string;
  /**
   * Delete this runtime's tables at stop (tests: a run makes hundreds, and DynamoDB Local keeps
   * every one in one process, where the pile slows each request until they time out on its locks).
   */
  dropTablesOnStop?: boolean;
  clock?: 'system' | 'virtual';
  seed?: boolean;
  /** Also make the demo city's 90 days of past history (first start only; `npm start` does). */
  history?: boolean | DemoHistoryOptions;
  /** Folder of the built front end; false serves none. */
  webDist?: string | false;
  busRetryBaseMs?: number;
  /** Lambda's waits before its asynchronous retries (default about 1 and 2 minutes, as in AWS). */
  asyncRetryDelaysMs?: readonly number[];
  inboxSettleMs?: number;
  outboxStaleMs?: number;
  /** Default 750: just under the one-second local tick, so no clock fires a tick late. */
  clockLookaheadMs?: number;
  functions?: FunctionWiring[];
  webhooks?: WebhookSender;
  /**
   * Let webhooks use plain http and loopback addresses (a department system on this machine). Off
   * unless asked (main.ts: FAZHI_WEBHOOKS_ALLOW_LOOPBACK=1); the AWS build has no such switch.
   */
  allowLoopbackWebhooks?: boolean;
  /** Told of every function invocation with its wall time (the cost script counts Lambda invocations). */
  onInvoke?: (functionName: string, ms: number) => void;
  /** Told of every DynamoDB request a function sent that its wiring's `table` does not grant. */
  onAccessDenied?: (denial: AccessDenial) => void;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

export interface LocalRuntime {
  baseUrl: string;
  port: number;
  credentials: Credentials | undefined;
  credentialsFile: string;
  clock: Clock;
  virtualClock: VirtualClock | undefined;
  bus: LocalBus;
  deps: PlatformDeps;
  ddbEndpoint: string;
  tableName: string;
  stop(): Promise<void>;
}

async function dropTables(client: DynamoDBClient, names: string[]): Promise<void> {
  for (const TableName of names) {
    try {
      await client.send(new DeleteTableCommand({ TableName }));
    } catch (e) {
      if ((e as { name?: string }).name !== 'ResourceNotFoundException') throw e;
    }
  }
}

function killStaleJava(pidFile: string, log: (m: string, e?: Record<string, unknown>) => void): Promise<void> {
  if (!existsSync(pidFile)) return Promise.resolve();
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  try {
    process.kill(pid, 0);
  } catch {
    return Promise.resolve();
  }
  // A previous runtime died without stopping its DynamoDB Local; it still holds our files.
  log('stopping a DynamoDB Local left running by a previous crash', { pid });
  process.kill(pid, 'SIGTERM');
  return new Promise((ok) => {
    const started = Date.now();
    const timer = setInterval(() => {
      try {
        process.kill(pid, 0);
        if (Date.now() - started > 5000) process.kill(pid, 'SIGKILL');
      } catch {
        clearInterval(timer);
        ok();
      }
    }, 50);
  });
}

export async function startLocalRuntime(opts: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const log = opts.log ?? ((msg, extra) => console.log(JSON.stringify({ level: 'INFO', msg, ...extra })));
  const dataDir = opts.dataDir ?? join(REPO_ROOT, '.fazhi', 'local');
  mkdirSync(dataDir, { recursive: true });
  const functions = opts.functions ?? allFunctions;
  const tableName = opts.tableName ?? DEFAULT_TABLE_NAME;

  let ddbLocal: DynamoDbLocal | undefined;
  const pidFile = join(dataDir, 'dynamodb-local.pid');
  let endpoint = opts.ddbEndpoint;
  if (!endpoint) {
    await killStaleJava(pidFile, log);
    ddbLocal = await startDynamoDbLocal({ dbPath: join(dataDir, 'ddb') });
    writeFileSync(pidFile, String(ddbLocal.pid));
    endpoint = ddbLocal.endpoint;
  }
  const stopDdb = async () => {
    await ddbLocal?.stop();
    if (ddbLocal) rmSync(pidFile, { force: true });
  };

  try {
    const rawClient = new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { streamArn } = await ensureTable(rawClient, tableName);
    const idp = await loadLocalIdp(join(dataDir, 'jwt-key.json'));
    // The virtual offset survives a restart, so a demo moved five hours ahead stays there.
    const clockFile = join(dataDir, 'virtual-clock.json');
    const savedOffset = existsSync(clockFile) ? Number(JSON.parse(readFileSync(clockFile, 'utf8')).offsetMs) || 0 : 0;
    const virtualClock =
      (opts.clock ?? process.env.FAZHI_CLOCK) === 'virtual'
        ? new VirtualClock(savedOffset, (offsetMs) => writeFileSync(clockFile, JSON.stringify({ offsetMs })))
        : undefined;
    const clock: Clock = virtualClock ?? systemClock;

    let bus: LocalBus | undefined;
    const d: PlatformDeps = {
      clock,
      ddb: documentClient(rawClient),
      tableName,
      publisher: { put: (events) => bus!.put(events) },
      tokens: idp.verifier,
      webhooks: opts.webhooks ?? webhookSender({ allowLoopback: opts.allowLoopbackWebhooks === true }),
      notifier: recordingNotifier(),
      // Webhook signing secrets are sealed with a key file made at first start (data-keys.ts).
      secrets: webhookSecretSealer({ kind: 'file', keyFile: join(dataDir, 'webhook-secrets.key') }),
      // Text messages are printed to the log (and kept in memory: `(rt.deps.sms as …).sent` in tests).
      sms: logSmsSender(log),
      links: linkMacOf({ kind: 'file', keyFile: join(dataDir, 'link-tokens.key') }),
      webUrl: '', // the gateway's address, once it listens
      newId: idFactory(clock),
      inboxSettleMs: opts.inboxSettleMs ?? 1000,
      outboxStaleMs: opts.outboxStaleMs ?? 5000,
      clockLookaheadMs: opts.clockLookaheadMs ?? 750,
    };
    // What handlers get from deps() (and tests as `rt.deps`): their DynamoDB requests pass the
    // access guard, which refuses what the running function's wiring does not grant
    // (access-guard.ts). The runtime's own parts (seed, bus, start-up relay, local routes) use
    // `internal`, whose client is not guarded, as AWS services are not bound by a function's role.
    const functionClient = new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const onDenied = (denial: AccessDenial) => {
      log('access denied', { function: denial.functionName, action: denial.action, resource: denial.resource });
      opts.onAccessDenied?.(denial);
    };
    guardClient(functionClient, {
      tableName,
      onDenied,
      ...(process.env.FAZHI_ACCESS_LOG ? { logFile: process.env.FAZHI_ACCESS_LOG } : {}),
      enforce: process.env.FAZHI_ACCESS_GUARD !== 'survey',
    });
    const internal: PlatformDeps = { ...d, ddb: d.ddb };
    d.ddb = documentClient(functionClient);
    d.secrets = guardSecrets(internal.secrets, onDenied);
    d.links = guardLinks(internal.links, onDenied);
    d.sms = guardSms(internal.sms, onDenied);
    configureDeps(d);
    setCacheScope(() => runningFunction() ?? '');

    const handlers = new Map<string, Promise<LambdaLike>>();
    const loadHandler = (name: string): Promise<LambdaLike> => {
      let h = handlers.get(name);
      if (!h) {
        const w = functions.find((f) => f.name === name);
        if (!w) throw new Error(`no function ${name}`);
        h = import(w.entry).then((m: { handler: LambdaLike }) => {
          if (typeof m.handler !== 'function') throw new Error(`${w.entry} exports no handler`);
          const onInvoke = opts.onInvoke;
          if (!onInvoke) return (event: unknown) => asFunction(w, () => m.handler(event));
          return async (event: unknown) => {
            const started = performance.now();
            try {
              return await invocation.run(name, () => asFunction(w, () => m.handler(event)));
            } finally {
              onInvoke(name, performance.now() - started);
            }
          };
        });
        handlers.set(name, h);
      }
      return h;
    };

    // Patterns are compiled here: a pattern outside the supported subset stops the start.
    const targets = buildTargets(functions, async (w) => {
      const h = await loadHandler(w.name);
      return (e: Record<string, unknown>) => h(e);
    });
    // The bus's queue and dead letters go to a table and through a client of their own: in AWS they
    // are EventBridge's, Lambda's and SQS's, neither table writes of any function (the cost script
    // meters the functions' client) nor records on the table's stream.
    const busTableName = `${tableName}-bus`;
    await ensureQueueTable(rawClient, busTableName);
    const busClient = new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    bus = new LocalBus(internal, targets, {
      retryBaseMs: opts.busRetryBaseMs ?? 1000,
      ...(opts.asyncRetryDelaysMs ? { asyncRetryDelaysMs: opts.asyncRetryDelaysMs } : {}),
      store: { ddb: documentClient(busClient), tableName: busTableName },
      log,
    });

    const authorizerFn = functions.find((f) => f.authorizer);
    const authorizer = authorizerFn ? await loadHandler(authorizerFn.name) : undefined;

    let ready = false;
    const server = createGateway({
      routes: compileRoutes(functions),
      loadHandler,
      authorizer,
      localRoutes: localRoutes({
        d: internal,
        bus,
        idp,
        virtualClock,
        clock,
        endpoint,
        tableName,
        functions,
        isReady: () => ready,
      }),
      webDist: opts.webDist === false ? undefined : (opts.webDist ?? LOCAL_WEB_DIST),
      // Every refusal and failure of the gateway itself, with its correlation id; not every request.
      log: (msg, extra) => (msg === 'request' ? undefined : log(msg, extra)),
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 3000, opts.host ?? '127.0.0.1', () => ok());
    });
    const port = (server.address() as AddressInfo).port;
    const baseUrl = `http://${opts.host ?? '127.0.0.1'}:${port}`;
    d.webUrl = baseUrl;

    const credentialsFile = join(dataDir, 'credentials.json');
    const settle = () => bus!.settle();
    const history = opts.history === true ? { log, settle } : opts.history ? { log, settle, ...opts.history } : false;
    const credentials =
      opts.seed === false ? undefined : await seedDemo(internal, credentialsFile, baseUrl, history, d);

    // Webhook secrets stored in plain text by an earlier version: sealed now (secrets/seal-legacy.ts).
    const sealed = await sealLegacyWebhookSecrets(internal);
    if (sealed > 0) log('sealed webhook secrets stored in plain text', { sealed });

    // What committed before a crash and was never published: relay it now.
    const relayed = await relayEvents(internal, await pendingEvents(internal, 999_999_999_999_999));
    if (relayed > 0) log('relayed events left pending by the previous run', { relayed });
    await bus.runRetries();

    const mapping = localStreamMapping(functions);
    const poller = new StreamPoller({
      endpoint,
      streamArn,
      log,
      filter: mapping.filter,
      batchSize: mapping.batchSize,
      retryAttempts: mapping.retryAttempts,
      handler: async (event) => {
        for (const name of mapping.functions) await (await loadHandler(name))(event);
      },
    });
    await poller.start();

    const scheduler = new Scheduler(log);
    // Each tick goes through the bus as its rule's invocation: the same retries and dead letters as AWS.
    for (const f of functions) {
      for (const s of f.schedules ?? []) scheduler.every(s.name, s.localEveryMs, () => bus!.invokeScheduled(s.name));
    }

    ready = true;
    let stopping: Promise<void> | undefined;
    return {
      baseUrl,
      port,
      credentials,
      credentialsFile,
      clock,
      virtualClock,
      bus,
      deps: d,
      ddbEndpoint: endpoint,
      tableName,
      stop() {
        stopping ??= (async () => {
          scheduler.stop();
          await poller.stop();
          await new Promise<void>((ok) => {
            server.close(() => ok());
            server.closeAllConnections();
          });
          await scheduler.idle();
          await bus!.stop();
          if (opts.dropTablesOnStop) await dropTables(rawClient, [tableName, busTableName]);
          await stopDdb();
        })();
        return stopping;
      },
    };
  } catch (e) {
    await stopDdb();
    throw e;
  }
}
