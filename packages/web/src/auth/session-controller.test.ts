import { describe, expect, it } from 'vitest';
import { networkError } from '../api/problem';
import type { User } from '../api/types';
import { createStore } from '../store';
import { AuthError } from './auth-error';
import type { AuthProvider, Credentials } from './provider';
import {
  createSessionController,
  REFRESH_BEFORE_MS,
  REFRESH_RETRY_MS,
  type Session,
  type Timers,
} from './session-controller';

const T0 = Date.UTC(2026, 10, 22, 6, 0, 0);
const HOUR = 3600_000;
const PERSON: User = { username: 'li.wei', displayName: '李伟', roles: ['duty-officer'], departmentId: 'propaganda' };

/** Timers run by hand: `fire` runs whatever is due by the given time. */
function manualTimers(clock: { now: number }) {
  const pending = new Map<number, { at: number; run: () => void }>();
  let id = 0;
  const timers: Timers = {
    set(run, delayMs) {
      id += 1;
      pending.set(id, { at: clock.now + delayMs, run });
      return id;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    timers,
    dueTimes: () => [...pending.values()].map((p) => p.at),
    fire(at: number) {
      clock.now = at;
      for (const [key, timer] of [...pending]) {
        if (timer.at > at) continue;
        pending.delete(key);
        timer.run();
      }
    },
  };
}

interface Harness {
  clock: { now: number };
  provider: AuthProvider;
  refreshes: string[];
  revoked: string[];
  stored: (Session | undefined)[];
}

function setUp(refresh: (token: string, n: number) => Promise<Credentials>, kind: 'cognito' | 'local' = 'cognito') {
  const clock = { now: T0 };
  const h: Harness = { clock, provider: undefined as never, refreshes: [], revoked: [], stored: [] };
  h.provider = {
    kind,
    signIn: async () => ({
      kind: 'totp',
      submit: async (code) => {
        if (code !== '123456') throw new AuthError('code-mismatch');
        return {
          kind: 'signed-in',
          credentials: { token: 'id-1', expiresAt: clock.now + HOUR, refreshToken: 'refresh-1', user: PERSON },
        };
      },
    }),
    ...(kind === 'cognito'
      ? {
          refresh: (token: string) => {
            h.refreshes.push(token);
            return refresh(token, h.refreshes.length);
          },
          revoke: async (token: string) => void h.revoked.push(token),
        }
      : {}),
  };
  const manual = manualTimers(clock);
  const store = createStore<Session | undefined>(undefined);
  const controller = createSessionController({
    provider: h.provider,
    store,
    describe: async (token, known) => ({ ...(known ?? PERSON), departmentName: `市委宣传部 (${token})` }),
    persist: (session) => void h.stored.push(session),
    now: () => clock.now,
    timers: manual.timers,
  });
  return { h, manual, store, controller };
}

const renewed = (n: number, at: number): Credentials => ({ token: `id-${n + 1}`, expiresAt: at + HOUR });

async function signedIn(controller: ReturnType<typeof setUp>['controller']): Promise<Session> {
  const step = await controller.signIn('li.wei', 'pw');
  if (step.kind !== 'totp') throw new Error(`unexpected step ${step.kind}`);
  const done = await step.submit('123456');
  if (done.kind !== 'signed-in') throw new Error(`unexpected step ${done.kind}`);
  return done.session;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('session controller', () => {
  it('saves the session once the last challenge is answered, with /v1/me display fields', async () => {
    // Prepare
    const { h, store, controller } = setUp(async () => renewed(1, T0));
    const step = await controller.signIn('li.wei', 'pw');
    if (step.kind !== 'totp') throw new Error('expected the TOTP step');

    // Act
    const wrong = await step.submit('000000').catch((e: unknown) => e);
    const storedAfterWrong = store.get();
    const done = await step.submit('123456');

    // Assess
    expect((wrong as AuthError).code).toBe('code-mismatch');
    expect(storedAfterWrong).toBeUndefined();
    expect(done.kind).toBe('signed-in');
    expect(store.get()).toMatchObject({
      token: 'id-1',
      provider: 'cognito',
      refreshToken: 'refresh-1',
      user: { username: 'li.wei', departmentName: '市委宣传部 (id-1)' },
    });
    expect(h.stored.at(-1)).toBe(store.get());
  });

  it('refreshes five minutes before the ID token expires, and again before the next one does', async () => {
    // Prepare
    const { h, manual, store, controller } = setUp(async (_token, n) => renewed(n, h.clock.now));
    await signedIn(controller);

    // Act
    const firstDue = manual.dueTimes();
    manual.fire(T0 + HOUR - REFRESH_BEFORE_MS);
    await settle();

    // Assess
    expect(firstDue).toEqual([T0 + HOUR - REFRESH_BEFORE_MS]);
    expect(h.refreshes).toEqual(['refresh-1']);
    expect(store.get()).toMatchObject({ token: 'id-2', refreshToken: 'refresh-1', user: { username: 'li.wei' } });
    expect(manual.dueTimes()).toEqual([T0 + 2 * HOUR - 2 * REFRESH_BEFORE_MS]);
  });

  it('makes a request that comes too close to expiry wait for one refresh', async () => {
    // Prepare: the tab slept through the timer.
    const { h, controller } = setUp(async (_token, n) => renewed(n, h.clock.now));
    await signedIn(controller);
    h.clock.now = T0 + HOUR - 10_000;

    // Act
    const [a, b] = await Promise.all([controller.bearer(), controller.bearer()]);

    // Assess
    expect([a, b]).toEqual(['id-2', 'id-2']);
    expect(h.refreshes).toHaveLength(1);
  });

  it('ends the session when Cognito refuses the refresh token', async () => {
    // Prepare
    const { h, manual, store, controller } = setUp(async () => {
      throw new AuthError('session-expired');
    });
    await signedIn(controller);

    // Act
    manual.fire(T0 + HOUR - REFRESH_BEFORE_MS);
    await settle();

    // Assess
    expect(store.get()).toBeUndefined();
    expect(h.stored.at(-1)).toBeUndefined();
    expect(manual.dueTimes()).toEqual([]);
  });

  it('retries a refresh that failed for want of network while the token lasts', async () => {
    // Prepare
    const { h, manual, store, controller } = setUp(async (_token, n) => {
      if (n === 1) throw networkError();
      return renewed(n, h.clock.now);
    });
    await signedIn(controller);
    const at = T0 + HOUR - REFRESH_BEFORE_MS;

    // Act
    manual.fire(at);
    await settle();
    const retryDue = manual.dueTimes();
    manual.fire(at + REFRESH_RETRY_MS);
    await settle();

    // Assess
    expect(retryDue).toEqual([at + REFRESH_RETRY_MS]);
    expect(h.refreshes).toEqual(['refresh-1', 'refresh-1']);
    expect(store.get()?.token).toBe('id-3');
  });

  it('revokes the refresh token on sign-out and forgets the session', async () => {
    // Prepare
    const { h, manual, store, controller } = setUp(async () => renewed(1, T0));
    await signedIn(controller);

    // Act
    controller.signOut();
    await settle();

    // Assess
    expect(store.get()).toBeUndefined();
    expect(h.revoked).toEqual(['refresh-1']);
    expect(manual.dueTimes()).toEqual([]);
  });

  it('schedules nothing for the local runtime, whose server judges expiry', async () => {
    // Prepare
    const { manual, controller } = setUp(async () => renewed(1, T0), 'local');

    // Act
    await signedIn(controller);

    // Assess: the fake's credentials carry a deadline, but a provider without refresh never schedules one.
    expect(manual.dueTimes()).toEqual([]);
    expect(await controller.bearer()).toBe('id-1');
  });

  it('refreshes a restored session whose token expired while the browser was closed', async () => {
    // Prepare
    const { h, manual, store, controller } = setUp(async (_token, n) => renewed(n, h.clock.now));
    h.clock.now = T0 + 3 * HOUR;
    const restored: Session = {
      token: 'id-old',
      user: PERSON,
      provider: 'cognito',
      expiresAt: T0,
      refreshToken: 'refresh-1',
    };

    // Act
    controller.resume(restored);
    manual.fire(h.clock.now);
    await settle();

    // Assess
    expect(h.refreshes).toEqual(['refresh-1']);
    expect(store.get()?.token).toBe('id-2');
  });
});
