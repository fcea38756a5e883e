import { ApiError, type FieldError } from '../api/problem';
import { AuthError } from '../auth/auth-error';
import type { Translate } from '../i18n/i18n';

export interface ErrorText {
  title: string;
  detail?: string;
  errors: FieldError[];
}

/** What a person reads for any failure: the server's problem title/detail, or a plain message — never a raw body. */
export function errorText(error: unknown, t: Translate): ErrorText {
  if (error instanceof AuthError) {
    return { title: t(`auth.error.${error.code}`), ...(error.detail ? { detail: error.detail } : {}), errors: [] };
  }
  if (!(error instanceof ApiError)) return { title: t('error.status', { status: '—' }), errors: [] };
  if (error.kind === 'network') return { title: t('error.network'), errors: [] };
  const { problem } = error;
  const fallback =
    problem.status === 401
      ? t('error.unauthorized')
      : problem.status === 404
        ? t('error.notFound')
        : t('error.status', { status: problem.status });
  return {
    title: problem.title || fallback,
    ...(problem.detail ? { detail: problem.detail } : {}),
    errors: problem.errors,
  };
}
