// The local login's throttling on the runtime: per-username backoff and lockout, per-address
// backoff, 429 problem+json with Retry-After, and malformed input as 400. The runtime's clock is
// replaced by one that moves only when the test says, so a slow machine cannot let a backoff run
// out between two attempts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;
// The runtime's virtual clock: the one every part of the runtime reads, the login routes included.
const advance = (ms: number) => {
  rt.virtualClock!.advance(ms);
};

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
});
afterAll(async () => rt?.stop());

const signIn = (username: string, password: string) => api('POST', '/v1/auth/login', { body: { username, password } });

describe('local login throttling', () => {
  it('locks a username after repeated failures: even the right password gets 429 until Retry-After has passed', async () => {
    // Prepare
    const statuses: number[] = [];

    // Act: 30 wrong passwords as fast as the server answers, then the right one.
    for (let i = 0; i < 30; i++) statuses.push((await signIn('finance.duty', `wrong-${i}`)).status);
    const right = await signIn('finance.duty', 'Fazhi@2026');

    // Assess
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4).every((s) => s === 429)).toBe(true);
    expect(right.status).toBe(429);
    expect(right.headers.get('content-type')).toContain('application/problem+json');
    expect(right.json.type).toMatch(/too-many-login-attempts$/);
    const retryAfter = Number(right.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);

    // Act: time passes (the failures that counted were few: a backoff, not a lockout).
    advance(retryAfter * 1000);
    const later = await signIn('finance.duty', 'Fazhi@2026');

    // Assess
    expect(later.status, later.text).toBe(200);
  });

  it('locks out after ten failures that each waited their turn, for fifteen minutes', async () => {
    // Prepare: every failure waits out the backoff before it, so all ten count.
    for (let i = 0; i < 10; i++) {
      const r = await signIn('court.duty', `wrong-${i}`);
      expect(r.status, r.text).toBe(401);
      advance(60_000);
    }

    // Act
    const locked = await signIn('court.duty', 'Fazhi@2026');

    // Assess
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(13 * 60);
    advance(15 * 60_000);
    expect((await signIn('court.duty', 'Fazhi@2026')).status).toBe(200);
  });

  it('backs off per address: many usernames guessed from one address hold up the next sign-in from it', async () => {
    // Prepare: wait out any earlier state of this address.
    advance(30 * 60_000);
    for (let i = 0; i < 11; i++) expect((await signIn(`guess${i}.duty`, 'x')).status).toBe(401);

    // Act
    const held = await signIn('petition.duty', 'Fazhi@2026');

    // Assess
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('1');
    advance(1000);
    expect((await signIn('petition.duty', 'Fazhi@2026')).status).toBe(200);
  });

  it('answers an over-long or malformed username with 400, not 500', async () => {
    for (const username of ['a'.repeat(2048), 'a'.repeat(129), '', 'two words', '值班员']) {
      const r = await signIn(username, 'whatever');
      expect(r.status, username.slice(0, 20)).toBe(400);
      expect(r.json.type).toMatch(/malformed-login$/);
    }
    expect((await signIn('propaganda.duty', 'p'.repeat(5000))).status).toBe(400);
  });
});
