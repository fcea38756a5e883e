import { ApiError, type FieldError } from '../api/problem';
import { fieldMessageZh, problemTitleZh } from '../api/problem-words';
import { AuthError } from '../auth/auth-error';
import type { Lang, Translate } from '../i18n/i18n';

export interface ErrorText {
  title: string;
  detail?: string;
  errors: FieldError[];
}

/**
 * What a person reads for any failure — never a raw body. On a Chinese page the problem's title and
 * field reasons come from its stable `type` and error codes (api/problem-words.ts), and the server's
 * English detail is left out; in English the server's own words are shown.
 */
export function errorText(error: unknown, t: Translate, lang: Lang = 'zh-CN'): ErrorText {
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
  if (lang === 'zh-CN') {
    return {
      title: problemTitleZh(problem) || fallback,
      errors: problem.errors.map((e) => ({ ...e, message: fieldMessageZh(e) })),
    };
  }
  return {
    title: problem.title || fallback,
    ...(problem.detail ? { detail: problem.detail } : {}),
    errors: problem.errors,
  };
}

/** The field errors of a failure by path (`discoveredAt`), for highlighting the form's controls. */
export function fieldErrorsOf(error: unknown, t: Translate, lang: Lang): Map<string, string> {
  const byPath = new Map<string, string>();
  if (!(error instanceof ApiError)) return byPath;
  for (const e of errorText(error, t, lang).errors) if (e.path && !byPath.has(e.path)) byPath.set(e.path, e.message);
  return byPath;
}
