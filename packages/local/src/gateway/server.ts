// The local HTTP gateway: serves every wiring route as API Gateway's HTTP API does (payload 2.0
// events, the same Lambda authoriser), plus the local-only routes (/health, /_local/*, login,
// JWKS) and the web front end.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { PlatformError } from '@fazhi/platform/errors';
import { type Problem, problemOf, problemResponse } from '@fazhi/platform/http/problem';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type CompiledRoute, matchRoute } from './routes';

/** API Gateway's own payload limit; the routes enforce their smaller limits and answer 413 themselves. */
const GATEWAY_MAX_BYTES = 10 * 1024 * 1024;

export type LambdaLike = (event: unknown) => Promise<unknown>;

export interface LocalRouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export type LocalRoute = (req: {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  headers: Record<string, string>;
  /** The client's address (the local login throttles by it). */
  sourceIp?: string;
}) => Promise<LocalRouteResult | undefined>;

export interface GatewayOptions {
  routes: CompiledRoute[];
  loadHandler: (fnName: string) => Promise<LambdaLike>;
  authorizer: LambdaLike | undefined;
  localRoutes: LocalRoute;
  webDist?: string;
  log: (msg: string, extra?: Record<string, unknown>) => void;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { date: new Date().toUTCString(), ...headers });
  res.end(body);
}

function sendProblem(res: ServerResponse, p: Problem): void {
  const r = problemResponse(p);
  send(res, r.statusCode, r.headers, r.body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > GATEWAY_MAX_BYTES) {
        fail(
          new PlatformError(
            413,
            'payload-too-large',
            'Request body too large',
            `The gateway accepts at most ${GATEWAY_MAX_BYTES} bytes.`,
          ),
        );
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  return out;
}

function serveStatic(res: ServerResponse, dist: string, path: string): boolean {
  const clean = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dist, clean);
  if (!file.startsWith(dist)) return false;
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  if (!existsSync(file)) return false;
  const immutable = file.includes(`${join(dist, 'assets')}`);
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
  return true;
}

export function createGateway(opts: GatewayOptions): Server {
  return createServer(async (req, res) => {
    const requestId = randomUUID();
    const started = Date.now();
    try {
      const url = new URL(req.url ?? '/', 'http://local');
      const method = (req.method ?? 'GET').toUpperCase();
      const headers = headersOf(req);
      const raw = await readBody(req);
      const local = await opts.localRoutes({
        method,
        path: url.pathname,
        query: url.searchParams,
        body: raw.toString('utf8'),
        headers,
        sourceIp: req.socket.remoteAddress ?? 'unknown',
      });
      if (local) {
        const isJson = local.body !== undefined && typeof local.body !== 'string';
        send(
          res,
          local.status,
          { ...(isJson ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...(local.headers ?? {}) },
          local.body === undefined ? '' : isJson ? JSON.stringify(local.body) : String(local.body),
        );
        return;
      }
      const { hit, pathExists } = matchRoute(opts.routes, method, url.pathname);
      if (!hit) {
        if (method === 'GET' && opts.webDist && !pathExists && serveStatic(res, opts.webDist, url.pathname)) return;
        sendProblem(res, {
          type: 'https://fazhi.gov.cn/problems/not-found',
          title: 'Not found',
          status: 404,
          detail: `No route ${method} ${url.pathname}.`,
        });
        return;
      }
      const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
        version: '2.0',
        routeKey: hit.r.routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
        ...(hit.r.params.length ? { pathParameters: hit.params } : {}),
        body: raw.length ? raw.toString('utf8') : undefined,
        isBase64Encoded: false,
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: headers.host ?? 'localhost',
          domainPrefix: 'local',
          http: {
            method,
            path: url.pathname,
            protocol: 'HTTP/1.1',
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: headers['user-agent'] ?? '',
          },
          requestId,
          routeKey: hit.r.routeKey,
          stage: '$default',
          time: new Date().toISOString(),
          timeEpoch: Date.now(),
        },
      };
      if (hit.r.route.auth !== 'none' && opts.authorizer) {
        const result = (await opts.authorizer({
          type: 'REQUEST',
          routeArn: hit.r.routeKey,
          headers,
          identitySource: [headers.authorization ?? ''],
        })) as {
          isAuthorized: boolean;
          context?: Record<string, unknown>;
        };
        if (!result.isAuthorized) {
          send(res, 403, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Forbidden' }));
          return;
        }
        event.requestContext.authorizer = { lambda: result.context ?? {} };
      }
      const handler = await opts.loadHandler(hit.r.fn.name);
      const out = (await handler(event)) as { statusCode: number; headers?: Record<string, string>; body?: string };
      send(res, out.statusCode, { 'x-amzn-requestid': requestId, ...(out.headers ?? {}) }, out.body ?? '');
      opts.log('request', { method, path: url.pathname, status: out.statusCode, ms: Date.now() - started });
    } catch (err) {
      if (!(err instanceof PlatformError)) opts.log('gateway error', { error: (err as Error).stack });
      if (!res.headersSent) sendProblem(res, problemOf(err, requestId));
      else res.end();
    }
  });
}
