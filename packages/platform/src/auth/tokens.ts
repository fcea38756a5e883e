// One verification path for people's tokens, in AWS (Cognito's JWKS) and locally (the local login's
// JWKS): the same jose verification against an issuer, an audience and a key set.
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { UnauthorizedError } from '../errors';
import { type PersonClaims, principalFromClaims, type UserPrincipal } from './principal';

export interface TokenVerifier {
  verify(token: string): Promise<UserPrincipal>;
}

export function jwksTokenVerifier(opts: {
  issuer: string;
  audience?: string;
  keys: JWTVerifyGetKey;
  /** Cognito's `token_use` the platform accepts: ID tokens (they carry the department claim). */
  tokenUse?: 'id' | 'access';
}): TokenVerifier {
  const tokenUse = opts.tokenUse ?? 'id';
  return {
    async verify(token) {
      try {
        // A token without an expiry or an issue time would be good forever; one of another use
        // (an access or refresh token) does not carry what the platform authorises by.
        const { payload } = await jwtVerify(token, opts.keys, {
          issuer: opts.issuer,
          ...(opts.audience ? { audience: opts.audience } : {}),
          requiredClaims: ['exp', 'iat', 'token_use'],
          algorithms: ['RS256'],
        });
        if (payload.token_use !== tokenUse) throw new Error(`token_use ${String(payload.token_use)}`);
        // Cognito ID tokens carry `aud`; access tokens carry `client_id` instead.
        return principalFromClaims(payload as PersonClaims);
      } catch (cause) {
        if (cause instanceof UnauthorizedError) throw cause;
        throw new UnauthorizedError('The token is invalid or expired; sign in again.');
      }
    },
  };
}

export function remoteTokenVerifier(issuer: string, audience?: string): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(`${issuer.replace(/\/$/, '')}/.well-known/jwks.json`));
  return jwksTokenVerifier({ issuer, ...(audience ? { audience } : {}), keys });
}
