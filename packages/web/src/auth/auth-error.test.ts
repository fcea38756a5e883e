import { describe, expect, it } from 'vitest';
import { errorText } from '../components/error-text';
import { i18nFor } from '../i18n/i18n';
import { type AuthErrorCode, authErrorOf } from './auth-error';

describe('Cognito errors for people', () => {
  it('maps the exceptions the brief names to codes, by phase where the same exception means two things', () => {
    const cases: [string, string, 'password' | 'challenge', AuthErrorCode][] = [
      ['NotAuthorizedException', 'Incorrect username or password.', 'password', 'wrong-credentials'],
      ['NotAuthorizedException', 'Invalid session for the user, session is expired.', 'challenge', 'session-expired'],
      ['NotAuthorizedException', 'Password attempts exceeded', 'password', 'too-many-attempts'],
      ['CodeMismatchException', 'Invalid code received for user', 'challenge', 'code-mismatch'],
      ['ExpiredCodeException', 'Invalid code provided, please request a code again.', 'challenge', 'code-expired'],
      ['PasswordResetRequiredException', 'Password reset required for the user', 'password', 'password-reset-required'],
      ['UserNotFoundException', 'User does not exist.', 'password', 'user-not-found'],
      ['InternalErrorException', 'Something broke', 'password', 'service'],
    ];
    for (const [type, message, phase, code] of cases) expect(authErrorOf(type, message, phase).code, type).toBe(code);
  });

  it('says them in Chinese and in English, never in Cognito’s words alone', () => {
    // Prepare
    const error = authErrorOf('CodeMismatchException', 'Invalid code received for user', 'challenge');

    // Act
    const zh = errorText(error, i18nFor('zh-CN').t);
    const en = errorText(error, i18nFor('en').t);

    // Assess
    expect(zh.title).toBe('验证码不正确，请输入应用当前显示的验证码。');
    expect(en.title).toBe('Wrong code. Enter the code the app shows now.');
    expect(zh.detail).toBeUndefined();
  });

  it('keeps Cognito’s password-rule detail under the translated title', () => {
    const error = authErrorOf('InvalidPasswordException', 'Password must have symbol characters', 'challenge');
    expect(errorText(error, i18nFor('zh-CN').t)).toEqual({
      title: '新密码不符合密码规则。',
      detail: 'Password must have symbol characters',
      errors: [],
    });
  });
});
