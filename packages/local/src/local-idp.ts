// The local identity provider: users with scrypt-hashed passwords in the table, RS256 tokens with
// Cognito's claim names, and a JWKS — so the platform verifies local tokens by exactly the path it
// uses for Cognito's (platform/auth/tokens.ts). The signing key is made at first start.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { jwksTokenVerifier, type TokenVerifier } from '@fazhi/platform/auth/tokens';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { LoginThrottle } from './login-throttle';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

export const LOCAL_ISSUER = 'https://fazhi.local/idp';
export const LOCAL_AUDIENCE = 'fazhi-web';
const TOKEN_HOURS = 12;

export interface LocalUser {
  username: string;
  displayName: string;
  roles: string[];
  departmentId: string;
  passwordHash: string;
}

export const userKey = (username: string) => ({ pk: `USER#${username}`, sk: 'USER' });

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const got = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(got, expected);
}

export interface LocalSession {
  token: string;
  expiresAt: string;
  /** Seconds the token lasts from now, as OAuth's expires_in: a browser counts it on its own clock. */
  expiresIn: number;
  user: Omit<LocalUser, 'passwordHash'>;
}

export type LoginResult =
  | { outcome: 'ok'; session: LocalSession }
  | { outcome: 'refused' }
  /** Too many failures for this username or address: wait `retryAfterMs` (the password was not checked). */
  | { outcome: 'throttled'; retryAfterMs: number };

export interface LocalIdp {
  verifier: TokenVerifier;
  jwks: { keys: JWK[] };
  /** `from` is the client's address, for per-address throttling. */
  login(d: PlatformDeps, username: string, password: string, from: string): Promise<LoginResult>;
  /**
   * A fresh token for the holder of one still valid (the board's 续期): the user is read again, so a
   * removed user or a changed role does not live on. Undefined when the token is expired or invalid.
   */
  renew(d: PlatformDeps, token: string): Promise<LocalSession | undefined>;
}

const MAX_USERNAME = 128;
const MAX_PASSWORD = 1024;

export async function loadLocalIdp(keyFile: string): Promise<LocalIdp> {
  let privateJwk: JWK;
  if (existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const jwks = { keys: [publicJwk] };
  const signingKey = await importJWK(privateJwk, 'RS256');
  let throttle: LoginThrottle | undefined;
  const verifier = jwksTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: createLocalJWKSet(jwks) });
  return {
    jwks,
    verifier,
    async login(d, username, password, from) {
      // Bounded before the lookup: a key over DynamoDB's limit is an error there, not a wrong password.
      if (username.length > MAX_USERNAME || password.length > MAX_PASSWORD) return { outcome: 'refused' };
      throttle ??= new LoginThrottle(d.clock);
      const wait = throttle.waitMs(username, from);
      if (wait > 0) return { outcome: 'throttled', retryAfterMs: wait };
      const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: userKey(username) }));
      const user = got.Item as LocalUser | undefined;
      // Hash anyway when the user is unknown, so timing does not reveal which usernames exist.
      const ok = await passwordMatches(
        password,
        user?.passwordHash ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      );
      if (!user || !ok) {
        throttle.failed(username, from);
        return { outcome: 'refused' };
      }
      throttle.succeeded(username);
      return { outcome: 'ok', session: await issue(user) };
    },
    async renew(d, token) {
      const principal = await verifier.verify(token).catch(() => undefined);
      if (!principal) return undefined;
      const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: userKey(principal.username) }));
      return got.Item ? issue(got.Item as LocalUser) : undefined;
    },
  };

  async function issue(user: LocalUser): Promise<LocalSession> {
    // Token lifetime is a real-world security matter: it runs on the real clock, not the virtual one.
    const exp = Math.floor(Date.now() / 1000) + TOKEN_HOURS * 3600;
    const token = await new SignJWT({
      'cognito:username': user.username,
      'cognito:groups': user.roles,
      'custom:departmentId': user.departmentId,
      name: user.displayName,
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid! })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(user.username)
      .setIssuedAt()
      .setExpirationTime(exp)
      // A renewal within the second of its login must still be a new token.
      .setJti(randomBytes(12).toString('hex'))
      .sign(signingKey);
    const { passwordHash: _h, ...visible } = user;
    return { token, expiresAt: new Date(exp * 1000).toISOString(), expiresIn: TOKEN_HOURS * 3600, user: visible };
  }
}
