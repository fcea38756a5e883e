// The gateway's edge against hostile input, over real sockets: malformed escapes, over-long paths,
// parameters and headers are 400 problem+json before authentication; an 11 MB body is 413 with the
// answer read whole (no reset); every refusal's correlation id is the one in the log line.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;
let admin: string;
const logged: { msg: string; extra: Record<string, unknown> }[] = [];

beforeAll(async () => {
  rt = await startTestRuntime({ log: (msg, extra) => logged.push({ msg, extra: extra ?? {} }) });
  api = apiOf(rt.baseUrl);
  admin = await login(api, 'admin');
});
afterAll(async () => rt?.stop());

/** One raw HTTP/1.1 exchange: what the server wrote before it closed, and whether it reset. */
function rawExchange(head: string, body?: { bytes: number }): Promise<{ text: string; reset: boolean }> {
  return new Promise((ok) => {
    const socket = connect(rt.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let reset = false;
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNRESET') reset = true;
    });
    socket.on('close', () => ok({ text: Buffer.concat(chunks).toString('utf8'), reset }));
    socket.write(head);
    if (body) {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let left = body.bytes;
      const pump = () => {
        while (left > 0) {
          left -= chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
        socket.end();
      };
      pump();
    }
  });
}

function expectProblem(r: Awaited<ReturnType<Api>>, status: number, slug?: string) {
  expect(r.status, r.text).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  if (slug) expect(r.json.type).toBe(`https://fazhi.gov.cn/problems/${slug}`);
  expect(r.json.correlationId).toBe(r.headers.get('x-correlation-id'));
}

describe('the gateway edge', () => {
  it('answers a malformed percent-escape 400 before authentication, logged with the same correlation id', async () => {
    // Act
    const r = await api('POST', '/v1/alerts/%zz/ack', { body: {} });

    // Assess
    expectProblem(r, 400, 'malformed-uri');
    const line = logged.find((l) => l.extra.correlationId === r.json.correlationId);
    expect(line?.msg).toBe('gateway refused');
    expect(line?.extra).toMatchObject({ status: 400, type: 'https://fazhi.gov.cn/problems/malformed-uri' });
  });

  it('answers a path no route has 404, logged with the same correlation id', async () => {
    // Act
    const r = await api('GET', '/v1/../../etc/passwd-probe');
    // Assess
    expectProblem(r, 404, 'not-found');
    const line = logged.find((l) => l.extra.correlationId === r.json.correlationId);
    expect(line?.msg).toBe('gateway refused');
    expect(line?.extra).toMatchObject({ status: 404, method: 'GET' });
  });

  it.each([
    ['an escape that is not UTF-8', '/v1/alerts/%C0%AF/ack', 'malformed-uri'],
    ['a truncated escape', '/v1/opinion-incidents/abc%4', 'malformed-uri'],
    ['a malformed escape in the query', '/v1/alerts?state=%E4%', 'malformed-uri'],
    ['a path of 3 KB', `/v1/opinion-incidents/${'A'.repeat(3000)}`, 'uri-too-long'],
    ['a query of 5 KB', `/v1/alerts?x=${'a'.repeat(5000)}`, 'uri-too-long'],
  ])('%s → 400', async (_, path, slug) => {
    expectProblem(await api('GET', path, { token: admin }), 400, slug);
  });

  it('refuses a path id of 2000 bytes at the route edge with 400, not a DynamoDB error', async () => {
    // Act
    const r = await api('GET', `/v1/opinion-incidents/${'0'.repeat(2000)}`, { token: admin });

    // Assess
    expectProblem(r, 400, 'invalid-path-parameter');
  });

  it('refuses an id that is not a ULID, and a department id with capitals, naming the parameter', async () => {
    const a = await api('GET', '/v1/events/not-a-ulid/receipts', { token: admin });
    expectProblem(a, 400, 'invalid-path-parameter');
    expect(a.json.errors[0].path).toBe('eventId');
    expectProblem(await api('GET', '/v1/departments/PSB/roster', { token: admin }), 400, 'invalid-path-parameter');
  });

  it('refuses a 9 KB header with 400 and a 20 KB one (over the HTTP parser limit) with 431, both problem+json', async () => {
    expectProblem(await api('GET', '/v1/me', { token: admin, headers: { 'x-pad': 'a'.repeat(9000) } }), 400);
    const big = await rawExchange(`GET /v1/me HTTP/1.1\r\nhost: x\r\nx-pad: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big.text).toMatch(/^HTTP\/1\.1 431 /);
    expect(big.text).toContain('application/problem+json');
    const id = /x-correlation-id: (\S+)/.exec(big.text)?.[1];
    expect(logged.some((l) => l.extra.correlationId === id && l.extra.status === 431)).toBe(true);
  });

  it('answers an unparseable request line 400 problem+json', async () => {
    const r = await rawExchange('GET /v1/me HTTP/1.1\r\ncontent-length: abc\r\n\r\n');
    expect(r.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(r.text).toContain('"status":400');
  });

  it('answers an 11 MB body 413 over a real socket, read whole, without a connection reset', async () => {
    // Prepare: no content-length, so the gateway only learns the size by reading
    const head =
      'POST /v1/opinion-incidents HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n' +
      `authorization: Bearer ${admin}\r\ntransfer-encoding: chunked\r\n\r\n`;
    const size = 11 * 1024 * 1024;

    // Act: the body as one chunk of 11 MB
    const r = await rawExchange(`${head}${size.toString(16)}\r\n`, { bytes: size });

    // Assess
    expect(r.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(r.text).toContain('"type":"https://fazhi.gov.cn/problems/payload-too-large"');
    expect(r.reset).toBe(false);
  });

  it('answers a declared content-length of 11 MB 413 at once', async () => {
    const head =
      'PUT /v1/departments/psb HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n' +
      `content-length: ${11 * 1024 * 1024}\r\n\r\n`;
    const r = await rawExchange(head, { bytes: 11 * 1024 * 1024 });
    expect(r.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(r.reset).toBe(false);
  });

  it('answers an over-long username at login 400 or 401, never 500', async () => {
    const r = await api('POST', '/v1/auth/login', { body: { username: 'u'.repeat(5000), password: 'x' } });
    expect([400, 401]).toContain(r.status);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });
});
