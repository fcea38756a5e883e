import { useEffect, useState } from 'preact/hooks';
import { sessionEndStore, sessionNow, sessionRenewable, sessionStore } from '../auth/session';
import { type SessionStatus, sessionStatus } from '../auth/session-status';
import { useStore } from '../store';

/** The session's standing, re-read every second on the session's clock. */
export function useSessionStatus(): SessionStatus {
  const session = useStore(sessionStore);
  const ended = useStore(sessionEndStore);
  const [now, setNow] = useState(() => sessionNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(sessionNow()), 1000);
    return () => clearInterval(timer);
  }, []);
  const status = sessionStatus(session, ended, now, session ? sessionRenewable() : false);
  // Expiry seen on the clock is recorded once, so every page (and the login page after) knows.
  useEffect(() => {
    if (status.state === 'expired' && ended !== 'expired') sessionEndStore.set('expired');
  }, [status.state, ended]);
  return status;
}
