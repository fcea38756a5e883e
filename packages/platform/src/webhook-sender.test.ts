// The webhook sender against real local HTTP servers: refused address classes in every spelling,
// the resolved address pinned, no redirect followed, an answer cut at 64 KB, the signature format.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { REFUSED_SAMPLES } from '../../../tests/support/refused-addresses';
import { classifyAddress } from './net-address';
import { fetchWebhookSender, type Resolver, signatureHeader, webhookSender } from './webhook-sender';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const hits: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    hits.push(req);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return { port: (server.address() as AddressInfo).port, hits, server };
}

const resolvesTo =
  (address: string): Resolver =>
  async () => [{ address, family: address.includes(':') ? 6 : 4 }];

describe('address classes', () => {
  it.each(REFUSED_SAMPLES)('%s: %s is not public', (cls, address) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('keeps public addresses public, next to every refused range', () => {
    for (const a of [
      '8.8.8.8',
      '100.63.255.255',
      '100.128.0.0',
      '172.15.255.255',
      '172.32.0.0',
      '11.0.0.0',
      '2001:4860::8888',
      '203.0.113.7',
    ])
      expect(classifyAddress(a), a).toBe('public');
  });
});

describe('webhookSender.check, at registration', () => {
  const strict = webhookSender({ resolve: resolvesTo('203.0.113.7') });

  it.each([
    'https://127.1/hook',
    'https://2130706433/hook',
    'https://0x7f000001/hook',
    'https://0177.0.0.1/hook',
    'https://0x7f.1/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:7f00:1]/hook',
    'https://[::1]/hook',
    'https://[0:0:0:0:0:0:0:1]/hook',
    'https://0.0.0.0/hook',
    'https://0/hook',
    'https://localhost/hook',
    'https://localhost./hook',
    'https://LOCALHOST/hook',
    'https://api.localhost/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[fe80::1]/hook',
    'https://[fd00::1]/hook',
    'https://100.64.0.1/hook',
    'https://10.0.0.1/hook',
    'https://012.0.0.1/hook',
    'https://192.168.0.1/hook',
    'https://224.0.0.1/hook',
    'http://example.org/hook',
    'https://user:pw@example.org/hook',
    'ftp://example.org/hook',
  ])('refuses %s', async (url) => {
    expect(await strict.check(url)).toMatchObject({ ok: false });
  });

  it.each(REFUSED_SAMPLES)('refuses a name that resolves to %s (%s)', async (_, address) => {
    const s = webhookSender({ resolve: resolvesTo(address) });
    expect(await s.check('https://hook.example.org/x')).toMatchObject({ ok: false });
  });

  it('refuses a name with one public and one private record', async () => {
    const s = webhookSender({
      resolve: async () => [
        { address: '203.0.113.7', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ],
    });
    expect(await s.check('https://hook.example.org/x')).toMatchObject({ ok: false });
  });

  it('accepts a public name, and loopback http only with the local flag', async () => {
    expect(await strict.check('https://hook.example.org/x')).toMatchObject({ ok: true, address: '203.0.113.7' });
    const local = webhookSender({ allowLoopback: true });
    expect(await local.check('http://127.0.0.1:9/x')).toMatchObject({ ok: true });
    expect(await local.check('http://10.0.0.1/x')).toMatchObject({ ok: false });
  });
});

describe('fetchWebhookSender, the sender the AWS build wires', () => {
  it.each(['http://127.0.0.1:9/x', 'http://hook.example.org/x', 'https://127.0.0.1/x', 'https://[::1]/x'])(
    'refuses %s: no loopback flag, https only',
    async (url) => {
      expect(await fetchWebhookSender().check(url)).toMatchObject({ ok: false });
    },
  );
});

describe('webhookSender.send, at every delivery', () => {
  it.each(REFUSED_SAMPLES)('refuses to connect when the name now resolves to %s (%s)', async (_, address) => {
    // Prepare: a name that would reach a real server on loopback
    const target = await serve((_, res) => res.writeHead(204).end());
    const s = webhookSender({ resolve: resolvesTo(address) });

    // Act
    const r = await s.send({ url: `https://hook.example.org:${target.port}/x`, secret: 's', body: '{}', eventId: 'e' });

    // Assess
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^refused: /);
    expect(target.hits).toHaveLength(0);
  });

  it('dials the address it checked, with the name as Host', async () => {
    // Prepare: the name resolves once to loopback (allowed here); a second lookup would fail
    const target = await serve((_, res) => res.writeHead(204).end());
    let lookups = 0;
    const s = webhookSender({
      allowLoopback: true,
      resolve: async () => (lookups++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : []),
    });

    // Act
    const r = await s.send({ url: `http://receiver.test:${target.port}/x`, secret: 's', body: '{}', eventId: 'e' });

    // Assess
    expect(r).toMatchObject({ ok: true, status: 204 });
    expect(lookups).toBe(1);
    expect(target.hits[0]?.headers.host).toBe(`receiver.test:${target.port}`);
  });

  it('does not follow a redirect: a 302 is a failed delivery and its target is never called', async () => {
    // Prepare
    const elsewhere = await serve((_, res) => res.writeHead(204).end());
    const bouncer = await serve((_, res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/steal` }).end(),
    );
    const s = webhookSender({ allowLoopback: true });

    // Act
    const r = await s.send({ url: `http://127.0.0.1:${bouncer.port}/x`, secret: 's', body: '{}', eventId: 'e' });

    // Assess
    expect(r).toMatchObject({ ok: false, status: 302 });
    expect(bouncer.hits).toHaveLength(1);
    expect(elsewhere.hits).toHaveLength(0);
  });

  it('reads at most 64 KB of a 32 MiB answer and does not wait for the rest', async () => {
    // Prepare: an endpoint that answers 200 with 32 MiB
    let finished = false;
    const big = await serve((_, res) => {
      res.writeHead(200, { 'content-length': String(32 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let left = 512;
      const pump = () => {
        while (left > 0) {
          left--;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end(() => {
          finished = true;
        });
      };
      res.on('error', () => undefined);
      pump();
    });
    const s = webhookSender({ allowLoopback: true });

    // Act
    const r = await s.send({ url: `http://127.0.0.1:${big.port}/x`, secret: 's', body: '{}', eventId: 'e' });

    // Assess: one read may straddle the cap; nothing near 32 MiB is read
    expect(r.ok).toBe(true);
    expect(r.bytesRead).toBeGreaterThan(0);
    expect(r.bytesRead).toBeLessThan(128 * 1024);
    expect(finished).toBe(false);
  });

  it('signs "<t>.<body>" as t=<unix>,v1=<hex>, with t from the wall clock', async () => {
    // Prepare
    const got: { sig?: string; body?: string; ts?: string } = {};
    const target = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        got.sig = String(req.headers['x-fazhi-signature']);
        got.ts = String(req.headers['x-fazhi-timestamp']);
        got.body = Buffer.concat(chunks).toString('utf8');
        res.writeHead(204).end();
      });
    });
    const s = webhookSender({ allowLoopback: true, now: () => 1_800_000_000_123 });
    const body = JSON.stringify({ id: '01KJP4C580PPCE3J2ZETH2AT29', 名: '值' });

    // Act
    await s.send({ url: `http://127.0.0.1:${target.port}/x`, secret: 'whsec', body, eventId: 'e' });

    // Assess: recomputed here from the documented format, not with the sender's own function
    const v1 = createHmac('sha256', 'whsec').update(`1800000000.${body}`).digest('hex');
    expect(got.sig).toBe(`t=1800000000,v1=${v1}`);
    expect(got.body).toBe(body);
    expect(got.ts).toBe('2027-01-15T08:00:00.000Z');
  });

  it('signatureHeader binds the timestamp: any other t gives another v1', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat({ max: 4_000_000_000 }), fc.nat({ max: 4_000_000_000 }), (body, t1, t2) => {
        fc.pre(t1 !== t2);
        expect(signatureHeader('k', body, t1).split('v1=')[1]).not.toBe(signatureHeader('k', body, t2).split('v1=')[1]);
      }),
    );
  });
});
