// Department API keys: `fz_<keyId>_<secret>`. Only a SHA-256 of the secret is stored (the secret is
// 256 random bits, so a slow hash adds nothing); the key is shown once, at creation or rotation.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PATTERN = /^fz_([0-9a-z]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  keyId: string;
  apiKey: string;
  secretHash: string;
}

function base36(bytes: Buffer, length: number): string {
  let out = '';
  for (const b of bytes) out += (b % 36).toString(36);
  return out.slice(0, length);
}

export function issueApiKey(): IssuedKey {
  const keyId = base36(randomBytes(12), 12);
  const secret = randomBytes(32).toString('base64url');
  return { keyId, apiKey: `fz_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function parseApiKey(raw: string): { keyId: string; secret: string } | undefined {
  const m = KEY_PATTERN.exec(raw);
  return m ? { keyId: m[1]!, secret: m[2]! } : undefined;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  return m?.[1]?.trim();
}
