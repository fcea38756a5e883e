// API Gateway HTTP API Lambda authoriser (payload 2.0, simple responses). The local gateway calls
// this same handler for `apiKey` and `either` routes.
//
// It never denies. An HTTP API answers a denial itself with a bare `{"message":"Forbidden"}` 403
// that cannot be customised, but a bad key must get a 401 problem+json. So an unknown caller passes
// with an empty principal and the route's own edge (platform/http/route.ts) answers 401. For that
// reason the authoriser is configured without an identity source and without result caching.
import { bearerOf, parseApiKey, secretMatches } from '@fazhi/platform/auth/api-keys';
import type { Principal } from '@fazhi/platform/auth/principal';
import { deps } from '@fazhi/platform/deps';
import { logger } from '@fazhi/platform/logger';
import { getApiKey } from '@fazhi/platform/repos/departments';

interface AuthorizerEvent {
  headers?: Record<string, string | undefined>;
  identitySource?: string[];
}

export interface AuthorizerResult {
  isAuthorized: boolean;
  context?: { principal: string };
}

const anonymous: AuthorizerResult = { isAuthorized: true, context: { principal: '' } };

async function principalFor(token: string): Promise<Principal | undefined> {
  const d = deps();
  if (token.startsWith('fz_')) {
    const parsed = parseApiKey(token);
    if (!parsed) return undefined;
    const key = await getApiKey(d, parsed.keyId);
    if (!key || !secretMatches(parsed.secret, key.secretHash)) return undefined;
    if (key.expiresAt !== undefined && key.expiresAt <= d.clock.now()) return undefined;
    return { kind: 'department', departmentId: key.departmentId, keyId: key.keyId };
  }
  return d.tokens.verify(token).catch(() => undefined);
}

export async function handler(event: AuthorizerEvent): Promise<AuthorizerResult> {
  const header = event.headers?.authorization ?? event.headers?.Authorization ?? event.identitySource?.[0];
  const token = bearerOf(header);
  if (!token) return anonymous;
  try {
    const principal = await principalFor(token);
    return principal ? { isAuthorized: true, context: { principal: JSON.stringify(principal) } } : anonymous;
  } catch (error) {
    logger.error('authoriser failed', { error: error as Error });
    return anonymous;
  }
}
