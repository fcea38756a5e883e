// The token verifier against tokens signed by a real key: only ID tokens with an expiry and an issue
// time pass; every other shape is refused as 401.
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../errors';
import { jwksTokenVerifier, type TokenVerifier } from './tokens';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'fazhi-web';
let sign: (claims: JWTPayload, opts?: { exp?: boolean; iat?: boolean }) => Promise<string>;
let verifier: TokenVerifier;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
  verifier = jwksTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: createLocalJWKSet({ keys: [jwk] }) });
  sign = async (claims, opts = {}) => {
    let jwt = new SignJWT({
      'cognito:username': 'propaganda.duty',
      'custom:departmentId': 'propaganda',
      'cognito:groups': ['duty'],
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE);
    if (opts.iat !== false) jwt = jwt.setIssuedAt();
    if (opts.exp !== false) jwt = jwt.setExpirationTime('1h');
    return jwt.sign(privateKey);
  };
});

describe('jwksTokenVerifier', () => {
  it('accepts an ID token with exp and iat', async () => {
    const p = await verifier.verify(await sign({ token_use: 'id' }));
    expect(p).toMatchObject({ kind: 'user', username: 'propaganda.duty', departmentId: 'propaganda' });
  });

  const refused: [string, () => Promise<string>][] = [
    ['without exp', () => sign({ token_use: 'id' }, { exp: false })],
    ['without iat', () => sign({ token_use: 'id' }, { iat: false })],
    ['without token_use', () => sign({})],
    ['an access token', () => sign({ token_use: 'access' })],
    ['a refresh-like token_use', () => sign({ token_use: 'refresh' })],
  ];
  for (const [name, token] of refused) {
    it(`refuses a token ${name}`, async () => {
      await expect(verifier.verify(await token())).rejects.toBeInstanceOf(UnauthorizedError);
    });
  }
});
