// A department's webhook endpoint for tests: records what arrives, checks the signature, and can be
// told to fail (a real HTTP server answering 500, not a mock).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  body: any;
  signatureValid: boolean;
  headers: Record<string, string | string[] | undefined>;
}

export async function startWebhookReceiver() {
  const received: Received[] = [];
  let secret = '';
  let failWith: number | undefined;
  let delayMs = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      // A sender that died meanwhile delivered nothing: do not count it.
      if (req.socket.destroyed) return;
      const raw = Buffer.concat(chunks).toString('utf8');
      if (failWith) {
        res.writeHead(failWith).end('down');
        return;
      }
      // docs/WEBHOOKS.md: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">, within 5 minutes.
      const sig = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-fazhi-signature'] ?? ''));
      const expected = sig ? createHmac('sha256', secret).update(`${sig[1]}.${raw}`).digest('hex') : '';
      const fresh = sig ? Math.abs(Date.now() / 1000 - Number(sig[1])) <= 300 : false;
      received.push({
        body: JSON.parse(raw),
        signatureValid: sig?.[2] === expected && fresh,
        headers: req.headers,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    setSecret(s: string) {
      secret = s;
    },
    delay(ms: number) {
      delayMs = ms;
    },
    fail(status: number | undefined) {
      failWith = status;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
