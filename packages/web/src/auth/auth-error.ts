// Sign-in failures the person can act on, named so the UI says them in their language (zh-CN / en)
// instead of showing the identity provider's English message.

export type AuthErrorCode =
  | 'wrong-credentials'
  | 'user-not-found'
  | 'user-disabled'
  | 'password-reset-required'
  | 'invalid-password'
  | 'passwords-differ'
  | 'code-mismatch'
  | 'code-expired'
  | 'session-expired'
  | 'too-many-attempts'
  | 'unsupported-challenge'
  | 'service';

export class AuthError extends Error {
  readonly code: AuthErrorCode;
  /** The provider's own words, shown under the translated title where they add something (password rules). */
  readonly detail: string | undefined;

  constructor(code: AuthErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AuthError';
    this.code = code;
    this.detail = detail;
  }
}

/** Where the sign-in flow was when Cognito refused: the same exception means different things. */
export type AuthPhase = 'password' | 'challenge' | 'refresh';

const BY_TYPE: Record<string, AuthErrorCode> = {
  UserNotFoundException: 'user-not-found',
  PasswordResetRequiredException: 'password-reset-required',
  InvalidPasswordException: 'invalid-password',
  CodeMismatchException: 'code-mismatch',
  EnableSoftwareTokenMFAException: 'code-mismatch',
  ExpiredCodeException: 'code-expired',
  TooManyRequestsException: 'too-many-attempts',
  TooManyFailedAttemptsException: 'too-many-attempts',
  LimitExceededException: 'too-many-attempts',
};

/** Maps a Cognito error type (`__type`) and message to what the person is told. */
export function authErrorOf(type: string, message: string, phase: AuthPhase): AuthError {
  const known = BY_TYPE[type];
  if (known) return new AuthError(known, known === 'invalid-password' ? message || undefined : undefined);
  if (type === 'NotAuthorizedException') {
    if (/disabled/i.test(message)) return new AuthError('user-disabled');
    if (/attempts exceeded/i.test(message)) return new AuthError('too-many-attempts');
    // After the password step, Cognito says NotAuthorized when the challenge session (3 min) has lapsed.
    if (phase !== 'password' || /session/i.test(message)) return new AuthError('session-expired');
    return new AuthError('wrong-credentials');
  }
  return new AuthError('service', message || type || undefined);
}
