// Outbound webhook calls. Signed so a department can prove a delivery came from the platform and is
// fresh (docs/WEBHOOKS.md):
//   X-Fazhi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>
// and guarded so a registered URL cannot make the platform an SSRF channel: the host is resolved at
// registration and again at every delivery, every address it resolves to must be public unicast,
// the connection is pinned to the address that was checked (a second DNS answer cannot switch it),
// redirects are never followed, at most 64 KB of an answer is read, and the whole call has a deadline.
import { createHmac } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { type AddressClass, classifyAddress, ipLiteralOf, isLocalName } from './net-address';

export interface WebhookRequest {
  url: string;
  secret: string;
  body: string;
  eventId: string;
}

export interface WebhookResult {
  ok: boolean;
  status?: number;
  /** What went wrong, in words for the recipient department only (never shown to a sender). */
  error?: string;
  /** Bytes of the answer read: reading stops at the first chunk that reaches the cap. */
  bytesRead?: number;
}

export type UrlVerdict = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

export interface WebhookSender {
  /** The registration check: the same rules, and the same resolution, as a delivery. */
  check(url: string): Promise<UrlVerdict>;
  send(req: WebhookRequest): Promise<WebhookResult>;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** Host name → every address it has. The port tests inject to make a name resolve anywhere. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface WebhookSenderOptions {
  resolve?: Resolver;
  timeoutMs?: number;
  maxAnswerBytes?: number;
  /**
   * Plain http and loopback addresses (127/8, ::1) — for a department system on the same machine
   * as the local runtime. Only the local runtime's factory passes this; the AWS deps never do.
   */
  allowLoopback?: boolean;
  /**
   * The wall clock the signature is stamped with. Always real time, never the virtual clock of a demo:
   * a receiver checks it against its own clock (5 minutes' tolerance), like a token's expiry.
   */
  now?: () => number;
}

export const MAX_ANSWER_BYTES = 64 * 1024;

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** The signature header of a delivery: `t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

const refusedWords: Record<AddressClass, string> = {
  public: 'public',
  loopback: 'a loopback address',
  private: 'a private address',
  'link-local': 'a link-local address',
  cgnat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  'ipv4-mapped': 'an IPv4-mapped or -translated IPv6 address',
  'unique-local': 'a unique-local IPv6 address',
  reserved: 'a reserved address',
};

export function webhookSender(opts: WebhookSenderOptions = {}): WebhookSender {
  const resolve = opts.resolve ?? systemResolver;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const cap = opts.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  const allowLoopback = opts.allowLoopback === true;
  const now = opts.now ?? Date.now;

  const allowed = (address: string): string | undefined => {
    const cls = classifyAddress(address);
    if (cls === 'public' || (cls === 'loopback' && allowLoopback)) return undefined;
    return `${address} is ${refusedWords[cls]}`;
  };

  async function check(raw: string): Promise<UrlVerdict> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { ok: false, reason: 'not a URL' };
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowLoopback))
      return { ok: false, reason: 'the URL must be https' };
    if (url.username || url.password) return { ok: false, reason: 'the URL must not carry credentials' };
    const literal = ipLiteralOf(url.hostname);
    if (literal) {
      const why = allowed(literal);
      return why ? { ok: false, reason: why } : { ok: true, address: literal, family: literal.includes(':') ? 6 : 4 };
    }
    if (isLocalName(url.hostname) && !allowLoopback) return { ok: false, reason: `${url.hostname} is this machine` };
    let addresses: ResolvedAddress[];
    try {
      addresses = await resolve(url.hostname.replace(/\.$/, ''));
    } catch {
      return { ok: false, reason: `${url.hostname} does not resolve` };
    }
    if (addresses.length === 0) return { ok: false, reason: `${url.hostname} does not resolve` };
    // Every address must pass: a name with one public and one private record is refused.
    for (const a of addresses) {
      const why = allowed(a.address);
      if (why) return { ok: false, reason: `${url.hostname} resolves to ${why}` };
    }
    return { ok: true, address: addresses[0]!.address, family: addresses[0]!.family };
  }

  async function send(req: WebhookRequest): Promise<WebhookResult> {
    const verdict = await check(req.url);
    if (!verdict.ok) return { ok: false, error: `refused: ${verdict.reason}` };
    const url = new URL(req.url);
    // The connection goes to the address just checked, whatever a second lookup would say; the
    // name stays the Host header and the TLS server name (SNI), and the certificate is checked
    // against the name.
    const pinned: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all) callback(null, [{ address: verdict.address, family: verdict.family }]);
      else callback(null, verdict.address, verdict.family);
    };
    const sentAt = now();
    const unixSeconds = Math.floor(sentAt / 1000);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<WebhookResult>((done) => {
      let settled = false;
      const finish = (r: WebhookResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        done(r);
      };
      const r = request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          method: 'POST',
          lookup: pinned,
          agent: false,
          ...(url.protocol === 'https:' ? { servername: ipLiteralOf(url.hostname) ? undefined : url.hostname } : {}),
          headers: {
            host: url.host,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(req.body),
            'x-fazhi-signature': signatureHeader(req.secret, req.body, unixSeconds),
            'x-fazhi-event-id': req.eventId,
            'x-fazhi-timestamp': new Date(unixSeconds * 1000).toISOString(),
            'user-agent': 'fazhi-webhook/2',
          },
        },
        (res: IncomingMessage) => {
          const status = res.statusCode ?? 0;
          let read = 0;
          const settle = () => {
            res.destroy();
            r.destroy();
            if (status >= 200 && status < 300) finish({ ok: true, status, bytesRead: read });
            else if (status >= 300 && status < 400)
              finish({ ok: false, status, bytesRead: read, error: `HTTP ${status}: redirects are not followed` });
            else finish({ ok: false, status, bytesRead: read, error: `HTTP ${status}` });
          };
          res.on('data', (c: Buffer) => {
            read += c.length;
            if (read >= cap) settle();
          });
          res.on('end', settle);
          res.on('error', settle);
        },
      );
      const timer = setTimeout(() => {
        r.destroy();
        finish({ ok: false, error: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
      r.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, error: e.code ?? e.message }));
      r.end(req.body);
    });
  }

  return { check, send };
}

/** The AWS build's sender: public https only, system DNS. */
export function fetchWebhookSender(timeoutMs = 5000): WebhookSender {
  return webhookSender({ timeoutMs });
}
