import { useState } from 'preact/hooks';
import { AuthError } from '../auth/auth-error';
import { groupedSecret } from '../auth/otpauth';
import { type SignInStep, sessionEndStore, signIn } from '../auth/session';
import { unlockAudio } from '../board/bell';
import { ErrorNotice } from '../components/ErrorNotice';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/i18n';
import { useStore } from '../store';

/** A question asked after the password (Cognito: new password, authenticator setup, TOTP code). */
type Challenge = Exclude<SignInStep, { kind: 'signed-in' }>;

const onlyDigits = (value: string): string => value.replace(/\D+/g, '').slice(0, 6);

function CopyButton({ text, testId }: { text: string; testId: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // No clipboard (plain http, old browser): the text stays selectable.
    }
  };
  return (
    <button type="button" class="btn btn-quiet" onClick={copy} data-testid={testId}>
      {copied ? t('login.copied') : t('login.copy')}
    </button>
  );
}

function CodeField({ code, setCode }: { code: string; setCode: (code: string) => void }) {
  const { t } = useI18n();
  return (
    <label class="field">
      <span class="field-label">{t('login.code')}</span>
      <input
        name="code"
        inputMode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9]{6}"
        required
        value={code}
        onInput={(e) => setCode(onlyDigits(e.currentTarget.value))}
        data-testid="login-code"
      />
    </label>
  );
}

export function LoginPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [code, setCode] = useState('');
  const [challenge, setChallenge] = useState<Challenge>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const ended = useStore(sessionEndStore);

  const restart = () => {
    setChallenge(undefined);
    setPassword('');
    setNewPassword('');
    setConfirmPassword('');
    setCode('');
  };

  // Signed in: the session store changes and the app leaves this page; otherwise the next question is shown.
  const advance = async (step: Promise<SignInStep>) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await step;
      if (next.kind !== 'signed-in') {
        setChallenge(next);
        setCode('');
      }
    } catch (e) {
      setError(e);
      setCode('');
      // The challenge's session has lapsed: only the password step can start a new one.
      if (e instanceof AuthError && e.code === 'session-expired') restart();
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (!challenge) {
      // The sign-in click is the gesture that lets the board ring later.
      unlockAudio();
      return advance(signIn(username.trim(), password));
    }
    if (challenge.kind === 'new-password') {
      if (newPassword !== confirmPassword) {
        setError(new AuthError('passwords-differ'));
        return;
      }
      return advance(challenge.submit(newPassword));
    }
    return advance(challenge.submit(code));
  };

  const heading = !challenge
    ? t('login.title')
    : challenge.kind === 'new-password'
      ? t('login.newPassword.title')
      : challenge.kind === 'totp-setup'
        ? t('login.totpSetup.title')
        : t('login.totp.title');

  const submitLabel = !challenge
    ? t('login.submit')
    : challenge.kind === 'new-password'
      ? t('login.newPassword.submit')
      : t('login.verify');

  return (
    <main id="main" class="login" data-testid="login-page">
      <div class="login-card">
        <div class="login-lang">
          <LanguageSwitch />
        </div>
        <p class="login-brand">{t('app.name')}</p>
        <h1>{heading}</h1>
        {!challenge && <p class="muted">{t('login.subtitle')}</p>}
        <form
          onSubmit={submit}
          class="form"
          aria-describedby={error ? 'login-error' : undefined}
          data-testid={`login-step-${challenge?.kind ?? 'password'}`}
        >
          {!challenge && (
            <>
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
            </>
          )}
          {challenge?.kind === 'new-password' && (
            <>
              <p class="field-hint">{t('login.newPassword.hint')}</p>
              <label class="field">
                <span class="field-label">{t('login.newPassword')}</span>
                <input
                  name="new-password"
                  type="password"
                  autocomplete="new-password"
                  required
                  minLength={12}
                  value={newPassword}
                  onInput={(e) => setNewPassword(e.currentTarget.value)}
                  data-testid="login-new-password"
                />
              </label>
              <label class="field">
                <span class="field-label">{t('login.newPasswordConfirm')}</span>
                <input
                  name="new-password-confirm"
                  type="password"
                  autocomplete="new-password"
                  required
                  value={confirmPassword}
                  onInput={(e) => setConfirmPassword(e.currentTarget.value)}
                  data-testid="login-new-password-confirm"
                />
              </label>
            </>
          )}
          {challenge?.kind === 'totp-setup' && (
            <>
              <p class="field-hint">{t('login.totpSetup.hint')}</p>
              <div class="field">
                <span class="field-label">{t('login.totpSetup.secret')}</span>
                <div class="totp-copy">
                  <code class="totp-secret" data-testid="login-totp-secret">
                    {groupedSecret(challenge.secret)}
                  </code>
                  <CopyButton text={challenge.secret} testId="login-copy-secret" />
                </div>
              </div>
              <div class="field">
                <span class="field-label">{t('login.totpSetup.uri')}</span>
                <div class="totp-copy">
                  <code class="totp-uri" data-testid="login-totp-uri">
                    {challenge.otpauthUri}
                  </code>
                  <CopyButton text={challenge.otpauthUri} testId="login-copy-uri" />
                </div>
              </div>
              <CodeField code={code} setCode={setCode} />
            </>
          )}
          {challenge?.kind === 'totp' && (
            <>
              <p class="field-hint">{t('login.totp.hint')}</p>
              <CodeField code={code} setCode={setCode} />
            </>
          )}
          {ended === 'expired' && error === undefined && (
            <div class="notice notice-error" role="alert" data-testid="session-expired">
              <span class="notice-icon" aria-hidden="true">
                ⚠
              </span>
              <div class="notice-body">
                <p class="notice-title">{t('session.expired')}</p>
                <p class="notice-detail">{t('session.expiredHint')}</p>
              </div>
            </div>
          )}
          {error !== undefined && (
            <div id="login-error">
              <ErrorNotice error={error} testId="login-error" />
            </div>
          )}
          <button type="submit" class="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
            {busy ? t('login.busy') : submitLabel}
          </button>
          {challenge && (
            <button type="button" class="btn btn-quiet btn-block" onClick={restart} data-testid="login-restart">
              {t('login.restart')}
            </button>
          )}
        </form>
      </div>
    </main>
  );
}
