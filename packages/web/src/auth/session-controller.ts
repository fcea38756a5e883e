// The session's life, whatever the provider: sign-in steps, saving, refreshing the token before it
// expires, and sign-out. No module state here so tests can drive it with a fake provider and clock.
import type { User } from '../api/types';
import type { Store } from '../store';
import { AuthError } from './auth-error';
import type { AuthProvider, AuthStep, Credentials, ProviderKind } from './provider';

export interface Session {
  token: string;
  user: User;
  provider: ProviderKind;
  /** Epoch ms on this browser's clock; absent where only the server judges expiry (local). */
  expiresAt?: number;
  refreshToken?: string;
}

/** What the login page walks through; `submit` may be called again after a refused answer (a wrong code). */
export type SignInStep =
  | { kind: 'signed-in'; session: Session }
  | { kind: 'new-password'; submit(newPassword: string): Promise<SignInStep> }
  | { kind: 'totp'; submit(code: string): Promise<SignInStep> }
  | { kind: 'totp-setup'; secret: string; otpauthUri: string; submit(code: string): Promise<SignInStep> };

export interface Timers {
  set(run: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export interface SessionControllerOptions {
  provider: AuthProvider;
  store: Store<Session | undefined>;
  /** Completes who a new token belongs to (GET /v1/me); `known` is what the provider's answer said. */
  describe(token: string, known: User | undefined): Promise<User>;
  persist(session: Session | undefined): void;
  now?: () => number;
  timers?: Timers;
  /** Called when the session ends by itself (the refresh was refused), so the page can say so. */
  onExpired?: () => void;
}

export interface SessionController {
  readonly provider: AuthProvider;
  signIn(username: string, password: string): Promise<SignInStep>;
  signOut(): void;
  /** The token for the next API request, refreshed first when it is about to expire. */
  bearer(): Promise<string | undefined>;
  /** Takes over a session restored from storage (schedules its refresh). */
  resume(session: Session | undefined): void;
  /** Renews the session on the person's request (the banner's 续期); rejects when it cannot. */
  renew(): Promise<void>;
  /** Whether `renew` can do anything with this provider and session. */
  renewable(): boolean;
  /** The controller's clock (injected in tests). */
  now(): number;
}

/** Refresh this long before the ID token expires (Cognito issues it for an hour here). */
export const REFRESH_BEFORE_MS = 5 * 60_000;
/** A request this close to expiry waits for a refresh instead of sending a token about to be refused. */
export const REFRESH_INLINE_MS = 30_000;
/** After a refresh failed for want of network, try again this much later while the token lasts. */
export const REFRESH_RETRY_MS = 30_000;

const browserTimers: Timers = {
  set: (run, delayMs) => setTimeout(run, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createSessionController(options: SessionControllerOptions): SessionController {
  const { provider, store } = options;
  const now = options.now ?? (() => Date.now());
  const timers = options.timers ?? browserTimers;
  let timer: unknown;
  let inflight: Promise<void> | undefined;

  const refreshable = (
    session: Session | undefined,
  ): session is Session & { expiresAt: number; refreshToken: string } =>
    !!session && session.expiresAt !== undefined && !!session.refreshToken && !!provider.refresh;

  function cancelTimer(): void {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  }

  function schedule(delayMs: number): void {
    cancelTimer();
    timer = timers.set(
      () => {
        timer = undefined;
        void refreshNow();
      },
      Math.max(0, delayMs),
    );
  }

  function scheduleFor(session: Session | undefined): void {
    cancelTimer();
    if (!refreshable(session)) return;
    const left = session.expiresAt - now();
    // A short-lived token is refreshed half-way rather than never.
    schedule(left - Math.min(REFRESH_BEFORE_MS, left / 2));
  }

  function save(session: Session | undefined): void {
    options.persist(session);
    store.set(session);
    scheduleFor(session);
  }

  function signOut(): void {
    const current = store.get();
    save(undefined);
    if (current?.refreshToken && provider.revoke) provider.revoke(current.refreshToken).catch(() => undefined);
  }

  function refreshNow(): Promise<void> {
    if (inflight) return inflight;
    const current = store.get();
    if (!refreshable(current) || !provider.refresh) return Promise.resolve();
    inflight = provider
      .refresh(current.refreshToken)
      .then(
        (fresh) => {
          // Signed out (or signed in again) while the refresh was under way: its answer is stale.
          if (store.get() !== current) return;
          save({
            ...current,
            token: fresh.token,
            ...(fresh.expiresAt !== undefined ? { expiresAt: fresh.expiresAt } : {}),
            refreshToken: fresh.refreshToken ?? current.refreshToken,
          });
        },
        (error: unknown) => {
          if (store.get() !== current) return;
          // Cognito refused the refresh token (expired after 12 h, or revoked): the session is over.
          if (error instanceof AuthError) {
            signOut();
            options.onExpired?.();
          } else if (current.expiresAt > now()) schedule(Math.min(REFRESH_RETRY_MS, current.expiresAt - now()));
        },
      )
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  }

  async function complete(credentials: Credentials): Promise<Session> {
    let user: User;
    try {
      user = await options.describe(credentials.token, credentials.user);
    } catch (error) {
      if (credentials.refreshToken && provider.revoke) provider.revoke(credentials.refreshToken).catch(() => undefined);
      throw error;
    }
    const session: Session = {
      token: credentials.token,
      user,
      provider: provider.kind,
      ...(credentials.expiresAt !== undefined ? { expiresAt: credentials.expiresAt } : {}),
      ...(credentials.refreshToken ? { refreshToken: credentials.refreshToken } : {}),
    };
    save(session);
    return session;
  }

  async function toSignInStep(step: AuthStep): Promise<SignInStep> {
    switch (step.kind) {
      case 'signed-in':
        return { kind: 'signed-in', session: await complete(step.credentials) };
      case 'new-password':
        return { kind: 'new-password', submit: async (newPassword) => toSignInStep(await step.submit(newPassword)) };
      case 'totp':
        return { kind: 'totp', submit: async (code) => toSignInStep(await step.submit(code)) };
      case 'totp-setup':
        return {
          kind: 'totp-setup',
          secret: step.secret,
          otpauthUri: step.otpauthUri,
          submit: async (code) => toSignInStep(await step.submit(code)),
        };
    }
  }

  return {
    provider,
    async signIn(username, password) {
      return toSignInStep(await provider.signIn(username, password));
    },
    signOut,
    async bearer() {
      const current = store.get();
      if (!current) return undefined;
      if (refreshable(current) && now() >= current.expiresAt - REFRESH_INLINE_MS) {
        await refreshNow();
        return store.get()?.token;
      }
      // An expired token is not sent: nothing on screen may look fetched under a session that is over.
      if (current.expiresAt !== undefined && current.expiresAt <= now()) {
        options.onExpired?.();
        return undefined;
      }
      return current.token;
    },
    now,
    renewable() {
      const current = store.get();
      return !!current && (refreshable(current) || !!provider.renew);
    },
    async renew() {
      const current = store.get();
      if (!current) return;
      if (refreshable(current)) {
        await refreshNow();
        if (store.get() === current) throw new AuthError('service');
        return;
      }
      if (!provider.renew) throw new AuthError('session-expired');
      try {
        const fresh = await provider.renew(current.token);
        if (store.get() !== current) return;
        save({
          ...current,
          token: fresh.token,
          ...(fresh.expiresAt !== undefined ? { expiresAt: fresh.expiresAt } : {}),
        });
      } catch (error) {
        if (error instanceof AuthError && store.get() === current) options.onExpired?.();
        throw error;
      }
    },
    resume(session) {
      store.set(session);
      scheduleFor(session);
    },
  };
}
