import { describe, expect, it } from 'vitest';
import { restoreSession } from './session';

const USER = { username: 'li.wei', displayName: '李伟', roles: ['duty-officer'], departmentId: 'propaganda' };
const NOW = Date.UTC(2026, 10, 22, 6, 0, 0);

describe('restoreSession', () => {
  it('keeps a session saved before there were two providers as the local one', () => {
    const old = JSON.stringify({ token: 't', expiresAt: '2026-11-22T15:00:00+08:00', user: USER });
    expect(restoreSession(old, 'local', NOW)).toEqual({ token: 't', user: USER, provider: 'local' });
    expect(restoreSession(old, 'cognito', NOW)).toBeUndefined();
  });

  it('keeps an expired Cognito session only if it can be refreshed', () => {
    const expired = { token: 't', user: USER, provider: 'cognito', expiresAt: NOW - 1 };
    expect(restoreSession(JSON.stringify(expired), 'cognito', NOW)).toBeUndefined();
    expect(restoreSession(JSON.stringify({ ...expired, refreshToken: 'r' }), 'cognito', NOW)).toMatchObject({
      refreshToken: 'r',
    });
  });

  it('ignores what is not a session', () => {
    expect(restoreSession('{not json', 'local', NOW)).toBeUndefined();
    expect(restoreSession('{"token":1}', 'local', NOW)).toBeUndefined();
    expect(restoreSession(undefined, 'local', NOW)).toBeUndefined();
  });
});
