// The public mediation routes (functions/mediation/public), called without any sign-in, and their
// refusals in Chinese only: a member of the public never sees a code, an English word or a status.
import { apiUrl } from '../api/http';

export interface PublicAnswer<T> {
  ok: boolean;
  status: number;
  body: T;
  /** A refusal in Chinese, for the page; '' when ok. */
  message: string;
  retryAfter: number;
}

const MESSAGES: Record<string, string> = {
  'phone-code-wrong': '验证码不正确，请核对后重新输入',
  'phone-code-expired': '验证码已失效，请重新获取',
  'already-recorded': '您已经评价过了，感谢您的参与',
  'validation-failed': '填写的信息有误，请检查后再提交',
  'malformed-json': '提交的内容有误，请刷新页面后重试',
  'payload-too-large': '填写的内容过长，请精简后再提交',
};

export function messageOf(status: number, type: string, retryAfter: number): string {
  if (status === 0) return '网络连接失败，请检查网络后重试';
  if (status === 429)
    return `操作过于频繁，请${retryAfter > 120 ? `${Math.ceil(retryAfter / 60)}分钟` : `${retryAfter}秒`}后再试`;
  const slug = type.split('/').pop() ?? '';
  if (MESSAGES[slug]) return MESSAGES[slug];
  if (status === 404) return '链接无效，请核对短信中的链接';
  if (status === 410) return '链接已过期';
  if (status === 409) return '暂时无法受理，请稍后再试';
  if (status === 422) return MESSAGES['validation-failed']!;
  return '系统繁忙，请稍后再试';
}

export async function callPublic<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<PublicAnswer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, body: undefined as T, message: messageOf(0, '', 0), retryAfter: 0 };
  }
  const json = (await res.json().catch(() => undefined)) as T & { type?: string };
  const retryAfter = Number(res.headers.get('retry-after') ?? 0) || 0;
  return {
    ok: res.ok,
    status: res.status,
    body: json,
    message: res.ok ? '' : messageOf(res.status, json?.type ?? '', retryAfter),
    retryAfter,
  };
}
