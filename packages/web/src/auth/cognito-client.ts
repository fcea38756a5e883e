// Cognito's user-pool JSON API called with fetch: no AWS SDK in the browser bundle. These actions are
// unauthenticated by design (the client id and the challenge session are the credentials).
import { networkError } from '../api/problem';
import { type AuthPhase, authErrorOf } from './auth-error';

export type CognitoAction =
  | 'InitiateAuth'
  | 'RespondToAuthChallenge'
  | 'AssociateSoftwareToken'
  | 'VerifySoftwareToken'
  | 'RevokeToken';

export interface AuthenticationResult {
  IdToken?: string;
  AccessToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
}

/** The answer of InitiateAuth and RespondToAuthChallenge. */
export interface AuthAnswer {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
}

export type CognitoCall = <T>(action: CognitoAction, body: Record<string, unknown>, phase: AuthPhase) => Promise<T>;

/** The regional endpoint; China regions are in the aws-cn partition (`.amazonaws.com.cn`). */
export function cognitoEndpoint(region: string): string {
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://cognito-idp.${region}.${domain}/`;
}

/** `__type` may come namespaced (`com.amazonaws…#NotAuthorizedException`) or with a `:` suffix. */
export function errorTypeOf(raw: string): string {
  const beforeUrl = raw.split(':')[0] ?? raw;
  return (beforeUrl.split('#').pop() ?? beforeUrl).trim();
}

export function createCognitoCall(region: string, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)) {
  const endpoint = cognitoEndpoint(region);
  const call: CognitoCall = async <T>(action: CognitoAction, body: Record<string, unknown>, phase: AuthPhase) => {
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
        },
        body: JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw networkError();
    }
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      const value: unknown = text ? JSON.parse(text) : {};
      if (typeof value === 'object' && value !== null) parsed = value as Record<string, unknown>;
    } catch {
      // A proxy's HTML page: reported below by status.
    }
    if (!response.ok) {
      const rawType = String(parsed.__type ?? parsed.code ?? response.headers.get('x-amzn-ErrorType') ?? '');
      const message = String(parsed.message ?? parsed.Message ?? '');
      throw authErrorOf(errorTypeOf(rawType), message || `HTTP ${response.status}`, phase);
    }
    return parsed as T;
  };
  return call;
}
