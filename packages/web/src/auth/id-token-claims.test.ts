import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeJwt } from './fake-cognito';
import { decodeJwtPayload, userFromIdToken } from './id-token-claims';

describe('ID token claims', () => {
  it('reads the person a Cognito ID token names, Chinese name included', () => {
    // Prepare
    const token = fakeJwt({
      'cognito:username': 'wang.fang',
      'cognito:groups': ['duty-leader', 'dept-head'],
      'custom:departmentId': 'cyberspace',
      name: '王芳',
    });

    // Act
    const user = userFromIdToken(token);

    // Assess
    expect(user).toEqual({
      username: 'wang.fang',
      displayName: '王芳',
      roles: ['duty-leader', 'dept-head'],
      departmentId: 'cyberspace',
    });
  });

  it('names nobody without a department', () => {
    expect(userFromIdToken(fakeJwt({ 'cognito:username': 'x' }))).toBeUndefined();
    expect(userFromIdToken('not-a-jwt')).toBeUndefined();
    expect(decodeJwtPayload('a.%%%.c')).toBeUndefined();
  });

  it('decodes any JSON object payload exactly (base64url, UTF-8)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (payload) => {
        expect(decodeJwtPayload(fakeJwt(payload))).toEqual(payload);
      }),
    );
  });
});
