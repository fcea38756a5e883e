// The local runtime issues its own JWT at POST /v1/auth/login and renews it, on the person's request,
// at POST /v1/auth/refresh. The token's lifetime (`expiresIn`) is counted on this browser's clock
// from the answer, so a skewed PC clock or the runtime's virtual clock does not move the deadline.
import { request } from '../api/http';
import { ApiError } from '../api/problem';
import type { LoginResponse } from '../api/types';
import { AuthError } from './auth-error';
import type { AuthProvider, AuthStep, Credentials } from './provider';

export function createLocalProvider(now: () => number = () => Date.now()): AuthProvider {
  const credentialsOf = (login: LoginResponse): Credentials => ({
    token: login.token,
    user: login.user,
    ...(typeof login.expiresIn === 'number' ? { expiresAt: now() + login.expiresIn * 1000 } : {}),
  });
  return {
    kind: 'local',
    async signIn(username, password): Promise<AuthStep> {
      const login = await request<LoginResponse>('POST', '/v1/auth/login', { body: { username, password } });
      return { kind: 'signed-in', credentials: credentialsOf(login) };
    },
    async renew(token) {
      try {
        return credentialsOf(await request<LoginResponse>('POST', '/v1/auth/refresh', { bearer: token }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) throw new AuthError('session-expired');
        throw error;
      }
    },
  };
}
