import { useState } from 'preact/hooks';
import { AuthError } from '../auth/auth-error';
import { renewSession, signOut } from '../auth/session';
import { minutesSeconds, type SessionStatus } from '../auth/session-status';
import { useI18n } from '../i18n/i18n';

/** Above every page: the session is about to expire (续期), or has expired (重新登录). */
export function SessionBanner({ status }: { status: SessionStatus }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (status.state === 'live') return null;
  if (status.state === 'expired')
    return (
      <div class="session-banner is-expired" role="alert" data-testid="session-expired-banner">
        <strong>{t('session.expiredNow')}</strong>
        <span>{t('session.expiredBoard')}</span>
        <button type="button" class="btn btn-primary" onClick={() => signOut()} data-testid="session-relogin">
          {t('session.relogin')}
        </button>
      </div>
    );
  const { minutes, seconds } = minutesSeconds(status.leftMs);
  const renew = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await renewSession();
    } catch (error) {
      // A refused renewal ends the session (the banner turns to 已过期); anything else may be tried again.
      if (!(error instanceof AuthError && error.code === 'session-expired')) setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="session-banner is-expiring" role="alert" data-testid="session-expiring">
      <strong>{t('session.expiring', { minutes, seconds })}</strong>
      <span>{t('session.expiringHint')}</span>
      {failed && <span class="session-banner-error">{t('session.renewFailed')}</span>}
      {status.renewable && (
        <button type="button" class="btn btn-primary" disabled={busy} onClick={renew} data-testid="session-renew">
          {t('session.renew')}
        </button>
      )}
    </div>
  );
}
