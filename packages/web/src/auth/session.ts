// The one module the rest of the app signs in through. At start it picks the provider: the deployed
// config.json names a Cognito user pool client (AWS) or there is none and the local runtime issues the
// JWT at /v1/auth/login. Pages see the same session and sign-in steps either way.
import { configureApi, request, setBearerSource, setUnauthorizedHandler } from '../api/http';
import { ApiError } from '../api/problem';
import type { Department, Items, User } from '../api/types';
import { cognitoConfigOf, type LoadOptions, loadRuntimeConfig } from '../config/runtime-config';
import { createStore, persisted } from '../store';
import { createCognitoProvider } from './cognito-provider';
import { createLocalProvider } from './local-provider';
import type { AuthProvider, ProviderKind } from './provider';
import { createSessionController, type Session, type SessionController, type SignInStep } from './session-controller';

export type { ProviderKind, Session, SignInStep };

const KEY = 'fazhi.session';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored session, if it belongs to this provider and is still of use. */
export function restoreSession(raw: string | undefined, provider: ProviderKind, now: number): Session | undefined {
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value.token !== 'string' || !isRecord(value.user)) return undefined;
  // Sessions saved before there were two providers are the local runtime's.
  const kind = value.provider === 'cognito' ? 'cognito' : 'local';
  if (kind !== provider) return undefined;
  const expiresAt = typeof value.expiresAt === 'number' ? value.expiresAt : undefined;
  const refreshToken = typeof value.refreshToken === 'string' ? value.refreshToken : undefined;
  if (expiresAt !== undefined && expiresAt <= now && !refreshToken) return undefined;
  return {
    token: value.token,
    user: value.user as unknown as User,
    provider: kind,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    ...(refreshToken ? { refreshToken } : {}),
  };
}

export const sessionStore = createStore<Session | undefined>(undefined);

/** Display fields come from GET /v1/me; the department's English name from /v1/departments. */
async function describeUser(token: string, known: User | undefined): Promise<User> {
  const [me, departments] = await Promise.allSettled([
    request<User & { departmentName?: string }>('GET', '/v1/me', { bearer: token }),
    request<Items<Department>>('GET', '/v1/departments', { bearer: token }),
  ]);
  // A token the API refuses is no sign-in; any other failure still leaves the provider's word to work with.
  let user: User;
  if (me.status === 'fulfilled') user = { ...known, ...me.value };
  else if (known && !(me.reason instanceof ApiError && me.reason.status === 401)) user = known;
  else throw me.reason;
  if (departments.status === 'fulfilled') {
    const department = departments.value.items.find((d) => d.id === user.departmentId);
    if (department)
      user = {
        ...user,
        departmentName: user.departmentName ?? department.name,
        departmentNameEn: department.nameEn,
        departmentKinds: department.kinds,
      };
  }
  return user;
}

/**
 * Why the last session ended, when it ended by itself: the login page says so, so an officer whose
 * board went quiet knows it did and why (a silent return to the login page reads as "all calm").
 */
export const sessionEndStore = createStore<'expired' | undefined>(undefined);

function controllerFor(provider: AuthProvider): SessionController {
  return createSessionController({
    provider,
    store: sessionStore,
    describe: describeUser,
    onExpired: () => {
      if (sessionEndStore.get() !== 'expired') sessionEndStore.set('expired');
    },
    persist: (session) => persisted.write(KEY, session ? JSON.stringify(session) : undefined),
  });
}

let controller: SessionController | undefined;
const active = (): SessionController => {
  controller ??= controllerFor(createLocalProvider());
  return controller;
};

setBearerSource(() => active().bearer());
// A token the server refuses ends the session as its expiry does: the page stays, says so, and the
// board shows its data as stale (not silently old, not silently gone) until the person signs in again.
setUnauthorizedHandler(() => {
  if (sessionStore.get()) sessionEndStore.set('expired');
});

/** 续期: a new token for the signed-in person; rejects (AuthError) when the session is already over. */
export function renewSession(): Promise<void> {
  return active().renew();
}

export const sessionRenewable = (): boolean => active().renewable();

/** The clock the session's expiry is judged by (the controller's, injectable in tests). */
export const sessionNow = (): number => active().now();

/**
 * Chooses the provider and the API base from config.json, and takes over a stored session. Call once
 * before rendering; it never throws (no readable config means the local runtime).
 */
export async function startAuth(options: LoadOptions = {}): Promise<ProviderKind> {
  const config = await loadRuntimeConfig(options);
  const cognito = cognitoConfigOf(config);
  if (config?.apiUrl) configureApi({ baseUrl: config.apiUrl, localClock: !cognito });
  const provider = cognito
    ? createCognitoProvider({
        region: cognito.region,
        clientId: cognito.userPoolClientId,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
    : createLocalProvider();
  controller = controllerFor(provider);
  const restored = restoreSession(persisted.read(KEY), provider.kind, Date.now());
  if (!restored) persisted.write(KEY, undefined);
  controller.resume(restored);
  return provider.kind;
}

/** The provider in use: the login page shows the second-factor hint only for Cognito. */
export const providerKind = (): ProviderKind => active().provider.kind;

export async function signIn(username: string, password: string): Promise<SignInStep> {
  const step = await active().signIn(username, password);
  if (step.kind === 'signed-in') sessionEndStore.set(undefined);
  return step;
}

/** Signing out on purpose clears any "expired" notice: the person knows. */
export function signOut(): void {
  active().signOut();
}

export function signOutByHand(): void {
  sessionEndStore.set(undefined);
  active().signOut();
}

export const hasRole = (session: Session | undefined, ...roles: string[]): boolean =>
  !!session && session.user.roles.some((role) => roles.includes(role));

/** The signed-in person's department as a reader of `lang` expects it. */
export function departmentLabel(session: Session, lang: string): string {
  const { departmentName, departmentNameEn, departmentId } = session.user;
  return (lang === 'en' ? departmentNameEn || departmentName : departmentName) ?? departmentId;
}
