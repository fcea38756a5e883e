// The local HTTP gateway: serves every wiring route as API Gateway's HTTP API does (payload 2.0
// events, the same Lambda authoriser), plus the local-only routes (/health, /_local/*, login,
// JWKS) and the web front end.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Duplex } from 'node:stream';
import { PlatformError } from '@fazhi/platform/errors';
import { checkHeaders, checkTarget, correlationIdOf } from '@fazhi/platform/http/edge';
import { PROBLEM_BASE, type Problem, problemOf, problemResponse } from '@fazhi/platform/http/problem';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routeNeedsAuthorizer } from '../stand-ins';
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

function sendProblem(res: ServerResponse, p: Problem, extra: Record<string, string> = {}): void {
  const r = problemResponse(p);
  send(res, r.statusCode, { ...r.headers, ...extra }, r.body);
}

class BodyTooLarge extends PlatformError {
  constructor() {
    super(
      413,
      'payload-too-large',
      'Request body too large',
      `The gateway accepts at most ${GATEWAY_MAX_BYTES} bytes.`,
    );
  }
}

/** How long a refused upload is still read (and thrown away) after the answer, so the client gets it. */
const LINGER_MS = 10_000;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > GATEWAY_MAX_BYTES) return fail(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > GATEWAY_MAX_BYTES) {
        req.off('data', onData);
        chunks.length = 0;
        fail(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/**
 * A refused upload: keep nothing of it, answer, then close without a reset. Closing a socket with
 * unread bytes makes the kernel send RST, and a client that is still writing then loses the answer
 * it had not read yet; so the answer goes out with `connection: close`, the socket is half-closed,
 * and what still arrives is read and dropped for at most LINGER_MS.
 */
function refuseUpload(req: IncomingMessage, res: ServerResponse, p: Problem): void {
  const socket = req.socket;
  req.on('data', () => undefined);
  req.resume();
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
  sendProblem(res, p, { connection: 'close' });
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

function problemLog(p: Problem, err: unknown, where: Record<string, unknown>): Record<string, unknown> {
  return {
    level: p.status >= 500 ? 'ERROR' : 'WARN',
    correlationId: p.correlationId,
    status: p.status,
    type: p.type,
    ...where,
    ...(p.status >= 500 ? { error: err instanceof Error ? err.stack : String(err) } : {}),
  };
}

/** A request the HTTP parser itself refused (bad framing, a header over Node's limit): still problem+json. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex, log: GatewayOptions['log']): void {
  const correlationId = randomUUID();
  const overflow = err.code === 'HPE_HEADER_OVERFLOW';
  const p: Problem = overflow
    ? {
        type: `${PROBLEM_BASE}header-too-large`,
        title: 'Headers too large',
        status: 431,
        detail: 'The request line and headers are too large.',
        correlationId,
      }
    : {
        type: `${PROBLEM_BASE}malformed-request`,
        title: 'Malformed request',
        status: 400,
        detail: 'The request is not valid HTTP/1.1.',
        correlationId,
      };
  log('gateway refused', problemLog(p, err, { code: err.code }));
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(p);
  socket.on('data', () => undefined);
  socket.end(
    `HTTP/1.1 ${p.status} ${overflow ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'content-type: application/problem+json\r\ncache-control: no-store\r\nconnection: close\r\n' +
      `x-correlation-id: ${correlationId}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

export function createGateway(opts: GatewayOptions): Server {
  const server = createServer(async (req, res) => {
    const requestId = randomUUID();
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = headersOf(req);
    const correlationId = correlationIdOf(headers, requestId);
    let rawPath = '';
    try {
      // Before anything else: a bounded, well-formed target and bounded headers.
      const target = checkTarget(req.url ?? '/');
      rawPath = target.path;
      checkHeaders(headers);
      const query = new URLSearchParams(target.query);
      const raw = await readBody(req);
      const local = await opts.localRoutes({
        method,
        path: target.path,
        query,
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
      const { hit, pathExists } = matchRoute(opts.routes, method, target.path);
      if (!hit) {
        if (method === 'GET' && opts.webDist && !pathExists && serveStatic(res, opts.webDist, target.path)) return;
        const p: Problem = {
          type: `${PROBLEM_BASE}not-found`,
          title: 'Not found',
          status: 404,
          detail: `No route ${method} ${target.path.slice(0, 200)}.`,
          correlationId,
        };
        // A scanner's probes show up here: logged as every refusal is, with the id the caller got.
        opts.log('gateway refused', problemLog(p, undefined, { method, path: target.path.slice(0, 200) }));
        sendProblem(res, p);
        return;
      }
      const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
        version: '2.0',
        routeKey: hit.r.routeKey,
        rawPath: target.path,
        rawQueryString: target.query,
        headers,
        ...(target.query ? { queryStringParameters: Object.fromEntries(query) } : {}),
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
            path: target.path,
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
      if (routeNeedsAuthorizer(hit.r.route) && opts.authorizer) {
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
      const out = (await handler(event)) as {
        statusCode: number;
        headers?: Record<string, string>;
        body?: string;
        isBase64Encoded?: boolean;
      };
      const body = out.isBase64Encoded ? Buffer.from(out.body ?? '', 'base64') : (out.body ?? '');
      send(res, out.statusCode, { 'x-amzn-requestid': requestId, ...(out.headers ?? {}) }, body);
      opts.log('request', { method, path: target.path, status: out.statusCode, ms: Date.now() - started });
    } catch (err) {
      const p = problemOf(err, correlationId);
      opts.log('gateway refused', problemLog(p, err, { method, path: rawPath.slice(0, 200) || '(malformed)' }));
      if (res.headersSent) res.end();
      else if (err instanceof BodyTooLarge) refuseUpload(req, res, p);
      else sendProblem(res, p);
    }
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => answerClientError(err, socket, opts.log));
  return server;
}
