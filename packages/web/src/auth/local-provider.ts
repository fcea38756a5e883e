// The local runtime issues its own JWT at POST /v1/auth/login; there is no second factor and no refresh
// (expiry is judged by the server, whose clock may be virtual, so a 401 is what ends the session).
import { request } from '../api/http';
import type { LoginResponse } from '../api/types';
import type { AuthProvider, AuthStep } from './provider';

export function createLocalProvider(): AuthProvider {
  return {
    kind: 'local',
    async signIn(username, password): Promise<AuthStep> {
      const login = await request<LoginResponse>('POST', '/v1/auth/login', { body: { username, password } });
      // login.expiresAt is on the server's (possibly virtual) clock, so it is not kept as a browser deadline.
      return { kind: 'signed-in', credentials: { token: login.token, user: login.user } };
    },
  };
}
