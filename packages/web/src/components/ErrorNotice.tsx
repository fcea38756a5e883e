import { useI18n } from '../i18n/i18n';
import { errorText } from './error-text';

interface Props {
  error: unknown;
  /** Heading shown above the server's message, e.g. "The board could not be refreshed". */
  context?: string;
  onDismiss?: () => void;
  testId?: string;
  /** Names of the form's fields by path, so a field error names the field a person sees. */
  fieldLabels?: Record<string, string>;
}

export function ErrorNotice({ error, context, onDismiss, testId = 'error', fieldLabels = {} }: Props) {
  const { t, lang } = useI18n();
  const text = errorText(error, t, lang);
  return (
    <div class="notice notice-error" role="alert" data-testid={testId}>
      <span class="notice-icon" aria-hidden="true">
        ⚠
      </span>
      <div class="notice-body">
        {context && <p class="notice-context">{context}</p>}
        <p class="notice-title" data-testid={`${testId}-title`}>
          {text.title}
        </p>
        {text.detail && (
          <p class="notice-detail" data-testid={`${testId}-detail`}>
            {text.detail}
          </p>
        )}
        {text.errors.length > 0 && (
          <ul class="notice-errors">
            {text.errors.map((e) => (
              <li key={`${e.path}:${e.message}`} data-testid={`${testId}-field`} data-path={e.path}>
                {fieldLabels[e.path] ? (
                  <strong>{fieldLabels[e.path]}：</strong>
                ) : (
                  lang === 'en' && e.path && <code>{e.path}</code>
                )}{' '}
                {e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {onDismiss && (
        <button type="button" class="btn btn-quiet" onClick={onDismiss}>
          {t('error.dismiss')}
        </button>
      )}
    </div>
  );
}
