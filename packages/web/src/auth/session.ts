// The one module that knows how a person signs in. Locally the runtime issues the JWT at /v1/auth/login;
// in AWS this module is where the Cognito hosted-UI / SRP flow plugs in, and nothing else changes.
import { api } from '../api/endpoints';
import { request, setBearer, setUnauthorizedHandler } from '../api/http';
import type { LoginResponse, User } from '../api/types';
import { createStore, persisted } from '../store';

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

const KEY = 'fazhi.session';

function restore(): Session | undefined {
  const raw = persisted.read(KEY);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as Session;
    return typeof session.token === 'string' && session.user ? session : undefined;
  } catch {
    return undefined;
  }
}

export const sessionStore = createStore<Session | undefined>(restore());
setBearer(sessionStore.get()?.token);

function save(session: Session | undefined): void {
  persisted.write(KEY, session ? JSON.stringify(session) : undefined);
  setBearer(session?.token);
  sessionStore.set(session);
}

export async function signIn(username: string, password: string): Promise<Session> {
  const login = await request<LoginResponse>('POST', '/v1/auth/login', { body: { username, password } });
  setBearer(login.token);
  let user: User = login.user;
  // /v1/me and /v1/departments only add the department's names; the login answer is enough to work.
  const [me, departments] = await Promise.allSettled([api.me(), api.departments()]);
  if (me.status === 'fulfilled') user = { ...user, ...me.value };
  if (departments.status === 'fulfilled') {
    const department = departments.value.items.find((d) => d.id === user.departmentId);
    if (department)
      user = { ...user, departmentName: user.departmentName ?? department.name, departmentNameEn: department.nameEn };
  }
  const session: Session = { token: login.token, expiresAt: login.expiresAt, user };
  save(session);
  return session;
}

export function signOut(): void {
  save(undefined);
}

// Expiry is judged by the server (its clock may be virtual), so a 401 is what ends a session.
setUnauthorizedHandler(signOut);

export const hasRole = (session: Session | undefined, ...roles: string[]): boolean =>
  !!session && session.user.roles.some((role) => roles.includes(role));

/** The signed-in person's department as a reader of `lang` expects it. */
export function departmentLabel(session: Session, lang: string): string {
  const { departmentName, departmentNameEn, departmentId } = session.user;
  return (lang === 'en' ? departmentNameEn || departmentName : departmentName) ?? departmentId;
}
