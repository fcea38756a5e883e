import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { AuthError } from './auth-error';
import { cognitoEndpoint, errorTypeOf } from './cognito-client';
import { createCognitoProvider } from './cognito-provider';
import { cognitoError, type ExpectedCall, fakeCognito, fakeJwt } from './fake-cognito';
import type { AuthStep } from './provider';

const CLIENT_ID = 'client-123';
const NOW = Date.UTC(2026, 10, 22, 6, 0, 0);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

// Cognito's clock is 10 minutes ahead of the browser's: the lifetime, not `exp`, must set the deadline.
const idToken = (username: string, issuedAt = NOW / 1000 + 600) =>
  fakeJwt({
    sub: `sub-${username}`,
    'cognito:username': username,
    'cognito:groups': ['duty-officer'],
    'custom:departmentId': 'propaganda',
    name: '李伟',
    iat: issuedAt,
    exp: issuedAt + 3600,
  });

// `null`: Cognito sends no refresh token (a refresh without rotation).
const tokens = (username: string, refreshToken: string | null = 'refresh-1') => ({
  body: {
    AuthenticationResult: {
      IdToken: idToken(username),
      AccessToken: 'access',
      ExpiresIn: 3600,
      TokenType: 'Bearer',
      ...(refreshToken ? { RefreshToken: refreshToken } : {}),
    },
    ChallengeParameters: {},
  },
});

const passwordCall = (username: string, password: string, reply: ExpectedCall['reply']): ExpectedCall => ({
  action: 'InitiateAuth',
  request: {
    ClientId: CLIENT_ID,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  },
  reply,
});

function providerWith(cognito: ReturnType<typeof fakeCognito>, region = 'cn-north-1') {
  return createCognitoProvider({ region, clientId: CLIENT_ID, fetch: cognito.fetch, now: () => NOW });
}

function expectStep<K extends AuthStep['kind']>(step: AuthStep, kind: K): Extract<AuthStep, { kind: K }> {
  expect(step.kind).toBe(kind);
  return step as Extract<AuthStep, { kind: K }>;
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('Cognito provider', () => {
  it('signs in with password alone and keeps the ID token as the bearer', async () => {
    // Prepare
    const cognito = fakeCognito(passwordCall('li.wei', 'Pa55word!long', tokens('li.wei')));
    const provider = providerWith(cognito);

    // Act
    const step = await provider.signIn('li.wei', 'Pa55word!long');

    // Assess
    const { credentials } = expectStep(step, 'signed-in');
    expect(credentials.token).toBe(idToken('li.wei'));
    expect(credentials.refreshToken).toBe('refresh-1');
    expect(credentials.expiresAt).toBe(NOW + 3600_000);
    expect(credentials.user).toEqual({
      username: 'li.wei',
      displayName: '李伟',
      roles: ['duty-officer'],
      departmentId: 'propaganda',
    });
    const [call] = cognito.calls;
    expect(call?.url).toBe('https://cognito-idp.cn-north-1.amazonaws.com.cn/');
    expect(call?.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(call?.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    cognito.done();
  });

  it('takes a first sign-in through NEW_PASSWORD_REQUIRED and MFA_SETUP to tokens', async () => {
    // Prepare: the person types their e-mail; Cognito names the pool username in the challenge.
    const cognito = fakeCognito(
      passwordCall('li.wei@example.gov.cn', 'Temp#Password1', {
        body: {
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: 's1',
          ChallengeParameters: { USER_ID_FOR_SRP: 'li.wei', requiredAttributes: '[]', userAttributes: '{}' },
        },
      }),
    );
    const provider = providerWith(cognito);

    // Act
    const first = expectStep(await provider.signIn('li.wei@example.gov.cn', 'Temp#Password1'), 'new-password');
    cognito.expect(
      {
        action: 'RespondToAuthChallenge',
        request: {
          ClientId: CLIENT_ID,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: 's1',
          ChallengeResponses: { USERNAME: 'li.wei', NEW_PASSWORD: 'New#Password2026' },
        },
        reply: {
          body: {
            ChallengeName: 'MFA_SETUP',
            Session: 's2',
            ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
          },
        },
      },
      {
        action: 'AssociateSoftwareToken',
        request: { Session: 's2' },
        reply: { body: { SecretCode: SECRET, Session: 's3' } },
      },
    );
    const setup = expectStep(await first.submit('New#Password2026'), 'totp-setup');
    cognito.expect(
      {
        action: 'VerifySoftwareToken',
        request: { Session: 's3', UserCode: '123456' },
        reply: { body: { Status: 'SUCCESS', Session: 's4' } },
      },
      {
        action: 'RespondToAuthChallenge',
        request: {
          ClientId: CLIENT_ID,
          ChallengeName: 'MFA_SETUP',
          Session: 's4',
          ChallengeResponses: { USERNAME: 'li.wei' },
        },
        reply: tokens('li.wei'),
      },
    );
    const done = await setup.submit('123 456');

    // Assess
    expect(setup.secret).toBe(SECRET);
    expect(setup.otpauthUri).toBe(`otpauth://totp/Fazhi:li.wei?secret=${SECRET}&issuer=Fazhi`);
    expect(expectStep(done, 'signed-in').credentials.token).toBe(idToken('li.wei'));
    cognito.done();
  });

  it('asks for the authenticator code on a later sign-in (SOFTWARE_TOKEN_MFA)', async () => {
    // Prepare
    const cognito = fakeCognito(
      passwordCall('li.wei', 'Pa55word!long', {
        body: {
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: 'm1',
          ChallengeParameters: { USER_ID_FOR_SRP: 'li.wei' },
        },
      }),
    );
    const provider = providerWith(cognito);

    // Act
    const challenge = expectStep(await provider.signIn('li.wei', 'Pa55word!long'), 'totp');
    cognito.expect({
      action: 'RespondToAuthChallenge',
      request: {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: 'm1',
        ChallengeResponses: { USERNAME: 'li.wei', SOFTWARE_TOKEN_MFA_CODE: '654321' },
      },
      reply: tokens('li.wei'),
    });
    const done = await challenge.submit('654321');

    // Assess
    expect(expectStep(done, 'signed-in').credentials.refreshToken).toBe('refresh-1');
    cognito.done();
  });

  it('refuses a wrong TOTP code and accepts the right one on the same step', async () => {
    // Prepare
    const cognito = fakeCognito(
      passwordCall('li.wei', 'Pa55word!long', {
        body: {
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: 'm1',
          ChallengeParameters: { USER_ID_FOR_SRP: 'li.wei' },
        },
      }),
    );
    const challenge = expectStep(await providerWith(cognito).signIn('li.wei', 'Pa55word!long'), 'totp');
    cognito.expect(
      {
        action: 'RespondToAuthChallenge',
        reply: cognitoError('CodeMismatchException', 'Invalid code received for user'),
      },
      {
        action: 'RespondToAuthChallenge',
        request: { Session: 'm1', ChallengeResponses: { SOFTWARE_TOKEN_MFA_CODE: '222222' } },
        reply: tokens('li.wei'),
      },
    );

    // Act
    const wrong = await refusal(challenge.submit('111111'));
    const right = await challenge.submit('222222');

    // Assess
    expect(wrong).toBeInstanceOf(AuthError);
    expect((wrong as AuthError).code).toBe('code-mismatch');
    expect(right.kind).toBe('signed-in');
    cognito.done();
  });

  it('refuses a wrong code while setting up the authenticator', async () => {
    // Prepare
    const cognito = fakeCognito(
      passwordCall('li.wei', 'Pa55word!long', {
        body: { ChallengeName: 'MFA_SETUP', Session: 's2', ChallengeParameters: {} },
      }),
      { action: 'AssociateSoftwareToken', reply: { body: { SecretCode: SECRET, Session: 's3' } } },
    );
    const setup = expectStep(await providerWith(cognito).signIn('li.wei', 'Pa55word!long'), 'totp-setup');
    cognito.expect({
      action: 'VerifySoftwareToken',
      reply: cognitoError('EnableSoftwareTokenMFAException', 'Code mismatch'),
    });

    // Act
    const wrong = await refusal(setup.submit('000000'));

    // Assess
    expect((wrong as AuthError).code).toBe('code-mismatch');
    cognito.done();
  });

  it('names the Cognito refusals the person can act on', async () => {
    // Prepare
    const cases: [string, string, string][] = [
      ['NotAuthorizedException', 'Incorrect username or password.', 'wrong-credentials'],
      ['NotAuthorizedException', 'User is disabled.', 'user-disabled'],
      ['UserNotFoundException', 'User does not exist.', 'user-not-found'],
      ['PasswordResetRequiredException', 'Password reset required for the user', 'password-reset-required'],
      ['com.amazonaws.cognito#TooManyRequestsException:extra', 'Rate exceeded', 'too-many-attempts'],
    ];
    const cognito = fakeCognito(...cases.map(([type, message]) => passwordCall('x', 'y', cognitoError(type, message))));
    const provider = providerWith(cognito);

    // Act
    const codes: string[] = [];
    for (const _ of cases) codes.push(((await refusal(provider.signIn('x', 'y'))) as AuthError).code);

    // Assess
    expect(codes).toEqual(cases.map(([, , code]) => code));
    cognito.done();
  });

  it('reads a lapsed challenge session and an expired code as such', async () => {
    // Prepare
    const cognito = fakeCognito(
      passwordCall('li.wei', 'Pa55word!long', {
        body: {
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: 's1',
          ChallengeParameters: { USER_ID_FOR_SRP: 'li.wei' },
        },
      }),
    );
    const first = expectStep(await providerWith(cognito).signIn('li.wei', 'Pa55word!long'), 'new-password');
    cognito.expect(
      {
        action: 'RespondToAuthChallenge',
        reply: cognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
      },
      { action: 'RespondToAuthChallenge', reply: cognitoError('ExpiredCodeException', 'Code expired') },
      {
        action: 'RespondToAuthChallenge',
        reply: cognitoError(
          'InvalidPasswordException',
          'Password does not conform to policy: Password must have symbol characters',
        ),
      },
    );

    // Act
    const lapsed = (await refusal(first.submit('New#Password2026'))) as AuthError;
    const expired = (await refusal(first.submit('New#Password2026'))) as AuthError;
    const weak = (await refusal(first.submit('weakpassword'))) as AuthError;

    // Assess
    expect(lapsed.code).toBe('session-expired');
    expect(expired.code).toBe('code-expired');
    expect(weak.code).toBe('invalid-password');
    expect(weak.detail).toContain('symbol');
    cognito.done();
  });

  it('refreshes with REFRESH_TOKEN_AUTH and keeps the refresh token Cognito did not rotate', async () => {
    // Prepare
    const later = NOW + 55 * 60_000;
    const cognito = fakeCognito({
      action: 'InitiateAuth',
      request: { ClientId: CLIENT_ID, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'refresh-1' } },
      reply: tokens('li.wei', null),
    });
    const provider = createCognitoProvider({
      region: 'ap-east-1',
      clientId: CLIENT_ID,
      fetch: cognito.fetch,
      now: () => later,
    });

    // Act
    const fresh = await provider.refresh?.('refresh-1');

    // Assess
    expect(fresh?.token).toBe(idToken('li.wei'));
    expect(fresh?.refreshToken).toBe('refresh-1');
    expect(fresh?.expiresAt).toBe(later + 3600_000);
    expect(cognito.calls[0]?.url).toBe('https://cognito-idp.ap-east-1.amazonaws.com/');
    cognito.done();
  });

  it('reports a refused refresh as an AuthError and an unreachable Cognito as a network error', async () => {
    // Prepare
    const cognito = fakeCognito({
      action: 'InitiateAuth',
      reply: cognitoError('NotAuthorizedException', 'Refresh Token has expired'),
    });
    const offline = createCognitoProvider({
      region: 'cn-north-1',
      clientId: CLIENT_ID,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });

    // Act
    const refused = await refusal(providerWith(cognito).refresh?.('refresh-old') ?? Promise.resolve());
    const unreachable = await refusal(offline.signIn('li.wei', 'x'));

    // Assess
    expect((refused as AuthError).code).toBe('session-expired');
    expect(unreachable).toBeInstanceOf(ApiError);
    expect((unreachable as ApiError).kind).toBe('network');
    cognito.done();
  });

  it('revokes the refresh token on sign-out', async () => {
    // Prepare
    const cognito = fakeCognito({
      action: 'RevokeToken',
      request: { ClientId: CLIENT_ID, Token: 'refresh-1' },
      reply: { body: {} },
    });

    // Act
    await providerWith(cognito).revoke?.('refresh-1');

    // Assess
    cognito.done();
  });
});

describe('Cognito endpoint', () => {
  it('uses the aws-cn partition for China regions', () => {
    expect(cognitoEndpoint('cn-northwest-1')).toBe('https://cognito-idp.cn-northwest-1.amazonaws.com.cn/');
    expect(cognitoEndpoint('eu-west-1')).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
  });

  it('reads the error type whether or not it is namespaced', () => {
    expect(errorTypeOf('NotAuthorizedException')).toBe('NotAuthorizedException');
    expect(errorTypeOf('com.amazonaws.cognito.identity.idp.model#CodeMismatchException')).toBe('CodeMismatchException');
    expect(errorTypeOf('UserNotFoundException:http://internal.amazon.com/coral/')).toBe('UserNotFoundException');
  });
});
