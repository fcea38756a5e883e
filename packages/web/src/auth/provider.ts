// What an identity provider does for the session module: the local runtime's login, or Cognito in AWS.
import type { User } from '../api/types';

export type ProviderKind = 'local' | 'cognito';

export interface Credentials {
  /** The bearer the API accepts (the local JWT, or Cognito's ID token). */
  token: string;
  /** Epoch ms on this browser's clock when the token stops being accepted; absent where only the server knows. */
  expiresAt?: number;
  refreshToken?: string;
  /** Who signed in, when the provider's answer says so (the local login does; Cognito's token claims do). */
  user?: User;
}

/** One step of signing in: done, or a question the person must answer before tokens are issued. */
export type AuthStep =
  | { kind: 'signed-in'; credentials: Credentials }
  | { kind: 'new-password'; submit(newPassword: string): Promise<AuthStep> }
  | { kind: 'totp'; submit(code: string): Promise<AuthStep> }
  | {
      kind: 'totp-setup';
      /** Base32 secret for an authenticator app, as text. */
      secret: string;
      /** The same secret as an `otpauth://totp/…` URI an authenticator can import. */
      otpauthUri: string;
      submit(code: string): Promise<AuthStep>;
    };

export interface AuthProvider {
  readonly kind: ProviderKind;
  signIn(username: string, password: string): Promise<AuthStep>;
  /** New tokens before the old expire; absent where the server judges expiry alone (local). */
  refresh?(refreshToken: string): Promise<Credentials>;
  /**
   * A new token for the holder of one still valid, on the person's request (the local runtime's
   * 续期; Cognito renews through `refresh`). Throws AuthError when the session is already over.
   */
  renew?(token: string): Promise<Credentials>;
  /** Ends the refresh token at the provider; best effort on sign-out. */
  revoke?(refreshToken: string): Promise<void>;
}
