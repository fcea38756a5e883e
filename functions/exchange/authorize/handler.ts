// API Gateway HTTP API Lambda authoriser (payload 2.0, simple responses). The local gateway calls
// this same handler for `apiKey` and `either` routes.
//
// It never denies. An HTTP API answers a denial itself with a bare `{"message":"Forbidden"}` 403
// that cannot be customised, but a bad key must get a 401 problem+json. So an unknown caller passes
// with an empty principal and the route's own edge (platform/http/route.ts) answers 401. For that
// reason the authoriser is configured without an identity source and without result caching.
import { bearerOf, parseApiKey, secretMatches } from '@fazhi/platform/auth/api-keys';
import type { AuthRefusal, Principal } from '@fazhi/platform/auth/principal';
import { deps } from '@fazhi/platform/deps';
import { logger } from '@fazhi/platform/logger';
import { getApiKey } from '@fazhi/platform/repos/departments';

interface AuthorizerEvent {
  headers?: Record<string, string | undefined>;
  identitySource?: string[];
}

export interface AuthorizerResult {
  isAuthorized: boolean;
  context: { principal: string; refusal?: AuthRefusal };
}

/** Passed on (never the principal of somebody else) so the route can tell the caller what to fix. */
const refused = (refusal: AuthRefusal): AuthorizerResult => ({
  isAuthorized: true,
  context: { principal: '', refusal },
});

async function principalFor(token: string): Promise<Principal | AuthRefusal> {
  const d = deps();
  if (token.startsWith('fz_')) {
    const parsed = parseApiKey(token);
    if (!parsed) return 'malformed-key';
    const key = await getApiKey(d, parsed.keyId);
    if (!key || !secretMatches(parsed.secret, key.secretHash)) return 'unknown-key';
    if (key.expiresAt !== undefined && key.expiresAt <= d.clock.now()) return 'expired-key';
    return { kind: 'department', departmentId: key.departmentId, keyId: key.keyId };
  }
  return d.tokens.verify(token).catch((): AuthRefusal => 'invalid-token');
}

export async function handler(event: AuthorizerEvent): Promise<AuthorizerResult> {
  const header = event.headers?.authorization ?? event.headers?.Authorization ?? event.identitySource?.[0];
  const token = bearerOf(header);
  if (!token) return refused('missing');
  try {
    const principal = await principalFor(token);
    return typeof principal === 'string'
      ? refused(principal)
      : { isAuthorized: true, context: { principal: JSON.stringify(principal) } };
  } catch (error) {
    logger.error('authoriser failed', { error: error as Error });
    return refused('unavailable');
  }
}
