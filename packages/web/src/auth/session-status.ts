// Where a session stands on the browser's clock: live, about to expire (the banner offers 续期), or
// expired (the board stops looking live). Pure, so tests move the clock.
import type { Session } from './session-controller';

/** The warning banner shows this long before the token's expiry. */
export const WARN_BEFORE_MS = 5 * 60_000;
/**
 * A session its provider refreshes by itself (Cognito) is refreshed 5 minutes before expiry; the
 * banner shows only when that has not happened 2 minutes before (the network failed meanwhile).
 */
export const WARN_UNREFRESHED_MS = 2 * 60_000;

export type SessionStatus =
  | { state: 'live' }
  | { state: 'expiring'; leftMs: number; renewable: boolean }
  | { state: 'expired' };

/**
 * `ended` is what the session module learned otherwise (a 401, a refused renewal). A session whose
 * provider refreshes it by itself (Cognito's refresh token) is not expired while a refresh can still
 * be tried; it shows the warning when the refresh has not happened in time.
 */
export function sessionStatus(
  session: Session | undefined,
  ended: 'expired' | undefined,
  now: number,
  renewable: boolean,
): SessionStatus {
  if (!session) return { state: 'live' };
  if (ended === 'expired') return { state: 'expired' };
  if (session.expiresAt === undefined) return { state: 'live' };
  const leftMs = session.expiresAt - now;
  if (leftMs <= 0) return session.refreshToken ? { state: 'expiring', leftMs: 0, renewable } : { state: 'expired' };
  if (leftMs <= (session.refreshToken ? WARN_UNREFRESHED_MS : WARN_BEFORE_MS))
    return { state: 'expiring', leftMs, renewable };
  return { state: 'live' };
}

/** '4 分 05 秒' / '4 min 05 s' parts for the banner. */
export function minutesSeconds(ms: number): { minutes: number; seconds: string } {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: String(total % 60).padStart(2, '0') };
}
