// Routes that exist only in the local runtime: health, the virtual clock, the dead-letter store,
// evidence verification jobs for the CLI, and the local login with its JWKS.
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Clock } from '@fazhi/domain/clock';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { readVerification, startVerification, verificationView } from '@fazhi/platform/evidence/verification';
import type { FunctionWiring } from '@fazhi/platform/wiring';
import type { LocalBus } from './bus/local-bus';
import type { LocalRoute, LocalRouteResult } from './gateway/server';
import type { LocalIdp } from './local-idp';
import { durationMs, type VirtualClock } from './virtual-clock';

interface Ctx {
  d: PlatformDeps;
  bus: LocalBus;
  idp: LocalIdp;
  virtualClock: VirtualClock | undefined;
  clock: Clock;
  endpoint: string;
  tableName: string;
  functions: FunctionWiring[];
  /** False until the demo data is seeded and what a crash left pending is relayed. */
  isReady: () => boolean;
}

const problem = (
  status: number,
  slug: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): LocalRouteResult => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: JSON.stringify({ type: `https://fazhi.gov.cn/problems/${slug}`, title, status, detail }),
});

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(body || '{}');
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function localRoutes(ctx: Ctx): LocalRoute {
  const raw = new DynamoDBClient({
    endpoint: ctx.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const clockBody = () => ({
    mode: ctx.virtualClock ? 'virtual' : 'system',
    now: toCityIso(ctx.clock.now()),
    nowMs: ctx.clock.now(),
    offsetMs: ctx.virtualClock?.offset ?? 0,
  });

  return async ({ method, path, body, headers, sourceIp }) => {
    if (method === 'GET' && path === '/health') {
      const started = Date.now();
      let storage: Record<string, unknown>;
      try {
        const t = await raw.send(new DescribeTableCommand({ TableName: ctx.tableName }));
        storage = {
          ok: t.Table?.TableStatus === 'ACTIVE',
          engine: 'DynamoDB Local',
          table: ctx.tableName,
          latencyMs: Date.now() - started,
        };
      } catch (e) {
        storage = { ok: false, engine: 'DynamoDB Local', table: ctx.tableName, error: (e as Error).message };
      }
      const deadLetters = storage.ok ? (await ctx.bus.deadLetters()).length : undefined;
      const rules = ctx.functions.flatMap((f) => f.subscriptions ?? []).length;
      const ok = storage.ok === true;
      const ready = ctx.isReady();
      return {
        status: ok && ready ? 200 : 503,
        body: {
          status: !ok ? 'degraded' : ready ? 'ok' : 'starting',
          storage,
          bus: { ok, rules, deadLetters },
          clock: clockBody(),
        },
      };
    }
    if (path === '/_local/clock' && method === 'GET') return { status: 200, body: clockBody() };
    if (path === '/_local/clock/advance' && method === 'POST') {
      if (!ctx.virtualClock)
        return problem(
          409,
          'clock-not-virtual',
          'The clock is real',
          'Start the runtime with FAZHI_CLOCK=virtual to move time.',
        );
      const by = parseJson(body)?.by;
      if (typeof by !== 'string')
        return problem(
          422,
          'validation-failed',
          'Request failed validation',
          'Send {"by": "PT4H"} (an ISO 8601 duration).',
        );
      let ms: number;
      try {
        ms = durationMs(by);
      } catch (e) {
        return problem(422, 'validation-failed', 'Request failed validation', (e as Error).message);
      }
      ctx.virtualClock.advance(ms);
      return { status: 200, body: clockBody() };
    }
    if (path === '/_local/dlq' && method === 'GET')
      return { status: 200, body: { items: await ctx.bus.deadLetters() } };
    if (path === '/_local/dlq/replay' && method === 'POST') {
      const f = parseJson(body) ?? {};
      return {
        status: 200,
        body: await ctx.bus.replay({
          ...(typeof f.rule === 'string' ? { rule: f.rule } : {}),
          ...(typeof f.id === 'string' ? { id: f.id } : {}),
        }),
      };
    }
    // The CLI's way to the same verification job as POST/GET /v1/evidence/verifications, without a login.
    if (path === '/_local/evidence/verifications' && method === 'POST') {
      const from = parseJson(body)?.from === 'genesis' ? 'genesis' : 'checkpoint';
      return { status: 202, body: verificationView(await startVerification(ctx.d, from, 'local-cli')) };
    }
    const job = /^\/_local\/evidence\/verifications\/([0-9A-Z]+)$/.exec(path);
    if (job && method === 'GET') {
      const found = await readVerification(ctx.d, job[1]!);
      return found
        ? { status: 200, body: verificationView(found) }
        : problem(404, 'not-found', 'Not found', `No verification ${job[1]}.`);
    }
    if (path === '/.well-known/jwks.json' && method === 'GET') return { status: 200, body: ctx.idp.jwks };
    if (path === '/v1/auth/login' && method === 'POST') {
      const f = parseJson(body);
      if (!f || typeof f.username !== 'string' || typeof f.password !== 'string') {
        return problem(
          422,
          'validation-failed',
          'Request failed validation',
          'Send {"username": "...", "password": "..."}.',
        );
      }
      // Checked before any lookup: a username longer than a key may be, or a password long enough
      // to make the hash slow, is malformed input, not a failed sign-in.
      if (!/^[\x21-\x7e]{1,128}$/.test(f.username) || f.password.length > 1024) {
        return problem(
          400,
          'malformed-login',
          'Malformed sign-in',
          'A username is 1–128 visible ASCII characters and a password at most 1024 characters.',
        );
      }
      const r = await ctx.idp.login(ctx.d, f.username, f.password, sourceIp ?? 'unknown');
      if (r.outcome === 'throttled') {
        const seconds = Math.ceil(r.retryAfterMs / 1000);
        return problem(
          429,
          'too-many-login-attempts',
          'Too many sign-in attempts',
          `Too many failed sign-ins for this username or from this address; try again in ${seconds} s.`,
          { 'retry-after': String(seconds) },
        );
      }
      if (r.outcome === 'refused')
        return problem(401, 'invalid-credentials', 'Sign-in failed', 'Unknown username or wrong password.');
      return { status: 200, body: r.session };
    }
    // The local runtime's session renewal (in AWS, Cognito's refresh token does this): the bearer of a
    // token still valid gets a new one; an expired token must sign in again.
    if (path === '/v1/auth/refresh' && method === 'POST') {
      const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
      const session = bearer ? await ctx.idp.renew(ctx.d, bearer) : undefined;
      if (!session)
        return problem(
          401,
          'unauthorized',
          'Unauthorized',
          'The session has expired or the token is invalid; sign in again.',
        );
      return { status: 200, body: session };
    }
    if (path.startsWith('/_local/')) return problem(404, 'not-found', 'Not found', `No local route ${method} ${path}.`);
    return undefined;
  };
}
