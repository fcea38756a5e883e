// One verification path for people's tokens, in AWS (Cognito's JWKS) and locally (the local login's
// JWKS): the same jose verification against an issuer, an audience and a key set.
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { UnauthorizedError } from '../errors';
import { type PersonClaims, principalFromClaims, type UserPrincipal } from './principal';

export interface TokenVerifier {
  verify(token: string): Promise<UserPrincipal>;
}

export function jwksTokenVerifier(opts: { issuer: string; audience?: string; keys: JWTVerifyGetKey }): TokenVerifier {
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, opts.keys, {
          issuer: opts.issuer,
          ...(opts.audience ? { audience: opts.audience } : {}),
        });
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
