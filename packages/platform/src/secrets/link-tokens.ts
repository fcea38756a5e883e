// Signed link tokens for people without a login: a party's satisfaction link, an online
// applicant's status-check token. A token is `<payload>.<mac>`, both base64url: the payload is a
// small JSON (kind, case, party, expiry in epoch seconds), the MAC its HMAC-SHA-256. In AWS the
// MAC key is a KMS HMAC key (GenerateMac / VerifyMac; the key never leaves KMS); locally a
// 256-bit key file made at the runtime's first start. Nothing is stored per token: one use per
// party is the case's own rule (a party's satisfaction is recorded once).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { kms } from '../aws/clients';
import { keyFromFile } from './data-keys';

export interface LinkMac {
  sign(message: Uint8Array): Promise<Uint8Array>;
  verify(message: Uint8Array, mac: Uint8Array): Promise<boolean>;
}

export function kmsLinkMac(keyId: string): LinkMac {
  return {
    async sign(message) {
      const { sdk, client } = await kms();
      const out = await client.send(
        new sdk.GenerateMacCommand({ KeyId: keyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }),
      );
      if (!out.Mac) throw new Error('KMS returned no MAC');
      return out.Mac;
    },
    async verify(message, mac) {
      const { sdk, client } = await kms();
      try {
        const out = await client.send(
          new sdk.VerifyMacCommand({ KeyId: keyId, Message: message, Mac: mac, MacAlgorithm: 'HMAC_SHA_256' }),
        );
        return out.MacValid === true;
      } catch (e) {
        if ((e as Error).name === 'KMSInvalidMacException') return false;
        throw e;
      }
    },
  };
}

export function fileLinkMac(keyFile: string): LinkMac {
  const key = keyFromFile(keyFile);
  const mac = (m: Uint8Array) => createHmac('sha256', key()).update(m).digest();
  return {
    async sign(message) {
      return mac(message);
    },
    async verify(message, given) {
      const want = mac(message);
      return given.length === want.length && timingSafeEqual(want, given);
    },
  };
}

/** For processes that hold no link key: signing or verifying fails loudly. */
export const noLinkMac: LinkMac = {
  sign: () => Promise.reject(new Error('no link-token key is configured in this process')),
  verify: () => Promise.reject(new Error('no link-token key is configured in this process')),
};

export type LinkKeySource = { kind: 'kms'; keyId: string } | { kind: 'file'; keyFile: string };

/** The one place that picks where link tokens' MAC key lives. */
export function linkMacOf(source: LinkKeySource): LinkMac {
  return source.kind === 'kms' ? kmsLinkMac(source.keyId) : fileLinkMac(source.keyFile);
}

export interface LinkClaims {
  /** `s`: a party's satisfaction link; `a`: an online applicant's status check. */
  k: 's' | 'a';
  /** The case id. */
  c: string;
  /** The party id (satisfaction links). */
  p?: string;
  /** Expiry, epoch seconds. */
  e: number;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');

export async function signLink(mac: LinkMac, claims: LinkClaims): Promise<string> {
  const payload = b64(Buffer.from(JSON.stringify(claims), 'utf8'));
  return `${payload}.${b64(await mac.sign(Buffer.from(payload, 'ascii')))}`;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; why: 'forged' | 'expired' };

/** Forged (malformed, wrong MAC, wrong kind) or expired at `now`; never throws on hostile input. */
export async function openLink(mac: LinkMac, token: string, kind: LinkClaims['k'], now: number): Promise<LinkCheck> {
  const m = /^([A-Za-z0-9_-]{8,300})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, why: 'forged' };
  const [, payload, sig] = m as unknown as [string, string, string];
  if (!(await mac.verify(Buffer.from(payload, 'ascii'), Buffer.from(sig, 'base64url'))))
    return { ok: false, why: 'forged' };
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkClaims;
  } catch {
    return { ok: false, why: 'forged' };
  }
  if (claims?.k !== kind || typeof claims.c !== 'string' || typeof claims.e !== 'number')
    return { ok: false, why: 'forged' };
  if (now >= claims.e * 1000) return { ok: false, why: 'expired' };
  return { ok: true, claims };
}
