// Signing in to the Cognito user pool with USER_PASSWORD_AUTH, answering the challenges an
// admin-created account meets (new password, then TOTP setup) and the TOTP code on every later sign-in.
// The API accepts the ID token (it carries `cognito:groups` and `custom:departmentId`).
import { AuthError } from './auth-error';
import { type AuthAnswer, type AuthenticationResult, type CognitoCall, createCognitoCall } from './cognito-client';
import { decodeJwtPayload, userFromIdToken } from './id-token-claims';
import { otpauthUri } from './otpauth';
import type { AuthProvider, AuthStep, Credentials } from './provider';

export interface CognitoProviderOptions {
  region: string;
  clientId: string;
  fetch?: typeof fetch;
  /** Browser time (epoch ms); injected by tests. */
  now?: () => number;
}

interface AssociateAnswer {
  SecretCode?: string;
  Session?: string;
}

interface VerifyAnswer {
  Status?: string;
  Session?: string;
}

const DEVICE_NAME = 'Fazhi';
const DEFAULT_LIFETIME_S = 3600;

const digits = (code: string): string => code.replace(/\s+/g, '');

/** The ID token's lifetime from its own claims (exp − iat: both the server's clock, so skew cancels). */
function lifetimeSeconds(idToken: string, expiresIn: number | undefined): number {
  const claims = decodeJwtPayload(idToken);
  const exp = claims?.exp;
  const iat = claims?.iat;
  if (typeof exp === 'number' && typeof iat === 'number' && exp > iat) return exp - iat;
  return expiresIn && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_S;
}

function canSetUpTotp(parameters: Record<string, string>): boolean {
  const raw = parameters.MFAS_CAN_SETUP;
  if (!raw) return true;
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.includes('SOFTWARE_TOKEN_MFA') : raw.includes('SOFTWARE_TOKEN_MFA');
  } catch {
    return raw.includes('SOFTWARE_TOKEN_MFA');
  }
}

export function createCognitoProvider(options: CognitoProviderOptions): AuthProvider {
  const call: CognitoCall = createCognitoCall(options.region, options.fetch);
  const now = options.now ?? (() => Date.now());
  const ClientId = options.clientId;

  function credentialsOf(result: AuthenticationResult, previousRefreshToken?: string): Credentials {
    const token = result.IdToken;
    if (!token) throw new AuthError('service', 'Cognito answered without an ID token.');
    const refreshToken = result.RefreshToken ?? previousRefreshToken;
    const user = userFromIdToken(token);
    return {
      token,
      expiresAt: now() + lifetimeSeconds(token, result.ExpiresIn) * 1000,
      ...(refreshToken ? { refreshToken } : {}),
      ...(user ? { user } : {}),
    };
  }

  function totpSetup(username: string, session: string | undefined): Promise<AuthStep> {
    return call<AssociateAnswer>('AssociateSoftwareToken', { Session: session }, 'challenge').then((associated) => {
      const secret = associated.SecretCode;
      if (!secret) throw new AuthError('service', 'Cognito answered without a TOTP secret.');
      let setupSession = associated.Session;
      return {
        kind: 'totp-setup',
        secret,
        otpauthUri: otpauthUri(username, secret),
        async submit(code) {
          const verified = await call<VerifyAnswer>(
            'VerifySoftwareToken',
            { Session: setupSession, UserCode: digits(code), FriendlyDeviceName: DEVICE_NAME },
            'challenge',
          );
          if (verified.Session) setupSession = verified.Session;
          if (verified.Status !== 'SUCCESS') throw new AuthError('code-mismatch');
          const answer = await call<AuthAnswer>(
            'RespondToAuthChallenge',
            { ClientId, ChallengeName: 'MFA_SETUP', Session: setupSession, ChallengeResponses: { USERNAME: username } },
            'challenge',
          );
          return next(answer, username);
        },
      };
    });
  }

  /** Turns Cognito's answer into the next step; every challenge answer is sent with that answer's session. */
  async function next(answer: AuthAnswer, typedUsername: string): Promise<AuthStep> {
    if (answer.AuthenticationResult)
      return { kind: 'signed-in', credentials: credentialsOf(answer.AuthenticationResult) };
    const parameters = answer.ChallengeParameters ?? {};
    // Signing in by e-mail alias: the challenge answers must name the pool's own username.
    const username = parameters.USERNAME ?? parameters.USER_ID_FOR_SRP ?? typedUsername;
    const session = answer.Session;
    const respond = async (ChallengeName: string, responses: Record<string, string>): Promise<AuthStep> => {
      const reply = await call<AuthAnswer>(
        'RespondToAuthChallenge',
        { ClientId, ChallengeName, Session: session, ChallengeResponses: { USERNAME: username, ...responses } },
        'challenge',
      );
      return next(reply, username);
    };
    switch (answer.ChallengeName) {
      case 'NEW_PASSWORD_REQUIRED':
        return {
          kind: 'new-password',
          submit: (newPassword) => respond('NEW_PASSWORD_REQUIRED', { NEW_PASSWORD: newPassword }),
        };
      case 'SOFTWARE_TOKEN_MFA':
        return {
          kind: 'totp',
          submit: (code) => respond('SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: digits(code) }),
        };
      case 'SELECT_MFA_TYPE':
        return respond('SELECT_MFA_TYPE', { ANSWER: 'SOFTWARE_TOKEN_MFA' });
      case 'MFA_SETUP':
        if (!canSetUpTotp(parameters)) throw new AuthError('unsupported-challenge', answer.ChallengeName);
        return totpSetup(username, session);
      default:
        throw new AuthError('unsupported-challenge', answer.ChallengeName ?? 'none');
    }
  }

  return {
    kind: 'cognito',
    async signIn(username, password) {
      const answer = await call<AuthAnswer>(
        'InitiateAuth',
        { ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } },
        'password',
      );
      return next(answer, username);
    },
    async refresh(refreshToken) {
      const answer = await call<AuthAnswer>(
        'InitiateAuth',
        { ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } },
        'refresh',
      );
      if (!answer.AuthenticationResult) throw new AuthError('session-expired');
      // Without refresh-token rotation Cognito sends no new refresh token: the one we have stays valid.
      return credentialsOf(answer.AuthenticationResult, refreshToken);
    },
    async revoke(refreshToken) {
      await call<unknown>('RevokeToken', { ClientId, Token: refreshToken }, 'refresh');
    },
  };
}
