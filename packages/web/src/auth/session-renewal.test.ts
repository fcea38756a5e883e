// The local session's end on the browser's clock: the warning window, 续期, and expiry that stops
// the token from being sent. The clock is injected; nothing waits in real time.
import { describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { createStore } from '../store';
import { AuthError } from './auth-error';
import type { AuthProvider, Credentials } from './provider';
import { createSessionController, type Session } from './session-controller';
import { minutesSeconds, sessionStatus, WARN_BEFORE_MS } from './session-status';

const T0 = Date.UTC(2026, 10, 22, 6, 0, 0);
const MIN = 60_000;
const PERSON: User = { username: 'li.wei', displayName: '李伟', roles: ['duty-officer'], departmentId: 'propaganda' };
const SESSION: Session = { token: 't1', user: PERSON, provider: 'local', expiresAt: T0 + 60 * MIN };

describe('sessionStatus', () => {
  it('is live until five minutes before expiry, then expiring, then expired at the instant', () => {
    // Act / Assess
    expect(sessionStatus(SESSION, undefined, T0, true)).toEqual({ state: 'live' });
    expect(sessionStatus(SESSION, undefined, T0 + 55 * MIN - 1, true)).toEqual({ state: 'live' });
    expect(sessionStatus(SESSION, undefined, T0 + 55 * MIN, true)).toEqual({
      state: 'expiring',
      leftMs: WARN_BEFORE_MS,
      renewable: true,
    });
    expect(sessionStatus(SESSION, undefined, T0 + 60 * MIN - 1, false)).toMatchObject({ state: 'expiring', leftMs: 1 });
    expect(sessionStatus(SESSION, undefined, T0 + 60 * MIN, true)).toEqual({ state: 'expired' });
  });

  it('is expired whenever the server refused the session, and never without a session or a known expiry', () => {
    expect(sessionStatus(SESSION, 'expired', T0, true)).toEqual({ state: 'expired' });
    expect(sessionStatus(undefined, undefined, T0, true)).toEqual({ state: 'live' });
    const { expiresAt: _e, ...noExpiry } = SESSION;
    expect(sessionStatus(noExpiry, undefined, T0 + 100 * 60 * MIN, true)).toEqual({ state: 'live' });
  });

  it('keeps a Cognito session past its token expiry expiring (its refresh may still come), not expired', () => {
    const cognito: Session = { ...SESSION, provider: 'cognito', refreshToken: 'r' };
    // Its own refresh is due 5 minutes before: the banner waits until 2 minutes before.
    expect(sessionStatus(cognito, undefined, T0 + 55 * MIN, true)).toEqual({ state: 'live' });
    expect(sessionStatus(cognito, undefined, T0 + 58 * MIN, true)).toMatchObject({ state: 'expiring' });
    expect(sessionStatus(cognito, undefined, T0 + 61 * MIN, true)).toEqual({
      state: 'expiring',
      leftMs: 0,
      renewable: true,
    });
  });

  it('writes minutes and two-digit seconds, rounding up', () => {
    expect(minutesSeconds(4 * MIN + 5_000)).toEqual({ minutes: 4, seconds: '05' });
    expect(minutesSeconds(1)).toEqual({ minutes: 0, seconds: '01' });
    expect(minutesSeconds(-5)).toEqual({ minutes: 0, seconds: '00' });
  });
});

function localController(renew: (token: string) => Promise<Credentials>) {
  const clock = { now: T0 };
  const store = createStore<Session | undefined>(undefined);
  const expired: number[] = [];
  const provider: AuthProvider = {
    kind: 'local',
    signIn: async () => ({ kind: 'signed-in', credentials: { token: 't1', user: PERSON, expiresAt: T0 + 60 * MIN } }),
    renew,
  };
  const controller = createSessionController({
    provider,
    store,
    describe: async (_t, known) => known ?? PERSON,
    persist: () => undefined,
    now: () => clock.now,
    timers: { set: () => 0, clear: () => undefined },
    onExpired: () => expired.push(clock.now),
  });
  return { clock, store, controller, expired };
}

describe('a local session', () => {
  it('is never refreshed behind the person’s back, and 续期 gives it a new token and a new expiry', async () => {
    // Prepare
    const asked: string[] = [];
    const h = localController(async (token) => {
      asked.push(token);
      return { token: 't2', expiresAt: h.clock.now + 60 * MIN };
    });
    await h.controller.signIn('li.wei', 'x');
    h.clock.now = T0 + 56 * MIN;
    // Act
    expect(await h.controller.bearer()).toBe('t1');
    expect(asked).toEqual([]);
    expect(h.controller.renewable()).toBe(true);
    await h.controller.renew();
    // Assess
    expect(asked).toEqual(['t1']);
    expect(h.store.get()).toMatchObject({ token: 't2', expiresAt: T0 + 116 * MIN });
    h.clock.now = T0 + 70 * MIN;
    expect(await h.controller.bearer()).toBe('t2');
  });

  it('sends no token once expired, and says so', async () => {
    // Prepare
    const h = localController(async () => {
      throw new Error('not asked');
    });
    await h.controller.signIn('li.wei', 'x');
    // Act
    h.clock.now = T0 + 60 * MIN;
    const bearer = await h.controller.bearer();
    // Assess
    expect(bearer).toBeUndefined();
    expect(h.expired).toEqual([T0 + 60 * MIN]);
    expect(h.store.get()).toBeDefined();
  });

  it('ends when the renewal is refused, and keeps the session when the network failed', async () => {
    // Prepare
    let answer: Error = new Error('offline');
    const h = localController(async () => {
      throw answer;
    });
    await h.controller.signIn('li.wei', 'x');
    h.clock.now = T0 + 57 * MIN;
    // Act / Assess: a network failure may be tried again
    await expect(h.controller.renew()).rejects.toThrow('offline');
    expect(h.expired).toEqual([]);
    answer = new AuthError('session-expired');
    await expect(h.controller.renew()).rejects.toBeInstanceOf(AuthError);
    expect(h.expired).toEqual([T0 + 57 * MIN]);
  });
});
