import { useState } from 'preact/hooks';
import { signIn } from '../auth/session';
import { unlockAudio } from '../board/bell';
import { ErrorNotice } from '../components/ErrorNotice';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/i18n';

export function LoginPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: Event) => {
    event.preventDefault();
    // The sign-in click is the gesture that lets the board ring later.
    unlockAudio();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim(), password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="login" data-testid="login-page">
      <div class="login-card">
        <div class="login-lang">
          <LanguageSwitch />
        </div>
        <p class="login-brand">{t('app.name')}</p>
        <h1>{t('login.title')}</h1>
        <p class="muted">{t('login.subtitle')}</p>
        <form onSubmit={submit} class="form" aria-describedby={error ? 'login-error' : undefined}>
          <label class="field">
            <span class="field-label">{t('login.username')}</span>
            <input
              name="username"
              autocomplete="username"
              required
              value={username}
              onInput={(e) => setUsername(e.currentTarget.value)}
              data-testid="login-username"
            />
          </label>
          <label class="field">
            <span class="field-label">{t('login.password')}</span>
            <input
              name="password"
              type="password"
              autocomplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
              data-testid="login-password"
            />
          </label>
          {error !== undefined && (
            <div id="login-error">
              <ErrorNotice error={error} testId="login-error" />
            </div>
          )}
          <button type="submit" class="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
