// The local runtime's session renewal (the board's 续期): a valid token gets a fresh one for the same
// person with its lifetime; an invalid or expired token is refused as problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, startTestRuntime } from '../support/runtime';

describe('POST /v1/auth/refresh', () => {
  let rt: LocalRuntime;
  let api: Api;
  beforeAll(async () => {
    rt = await startTestRuntime();
    api = apiOf(rt.baseUrl);
  }, 120_000);
  afterAll(() => rt?.stop());

  it('renews a valid token: a new token for the same person, accepted by the API, with its lifetime', async () => {
    // Prepare
    const login = await api('POST', '/v1/auth/login', {
      body: { username: 'propaganda.duty', password: 'Fazhi@2026' },
    });
    expect(login.status, login.text).toBe(200);
    expect(login.json.expiresIn).toBe(12 * 3600);
    await new Promise((r) => setTimeout(r, 1100)); // a token's iat/exp are in whole seconds
    // Act
    const renewed = await api('POST', '/v1/auth/refresh', { token: login.json.token });
    // Assess
    expect(renewed.status, renewed.text).toBe(200);
    expect(renewed.json.token).not.toBe(login.json.token);
    expect(renewed.json.user.username).toBe('propaganda.duty');
    expect(Date.parse(renewed.json.expiresAt)).toBeGreaterThan(Date.parse(login.json.expiresAt));
    const me = await api('GET', '/v1/me', { token: renewed.json.token });
    expect(me.status, me.text).toBe(200);
  });

  it('refuses a forged or missing token with a 401 problem', async () => {
    // Prepare
    const login = await api('POST', '/v1/auth/login', { body: { username: 'admin', password: 'Fazhi@2026' } });
    const [head, body] = String(login.json.token).split('.');
    const forged = `${head}.${body}.${'A'.repeat(40)}`;
    // Act
    const refused = await api('POST', '/v1/auth/refresh', { token: forged });
    const anonymous = await api('POST', '/v1/auth/refresh');
    // Assess
    for (const r of [refused, anonymous]) {
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.json.token).toBeUndefined();
    }
  });
});
