import { parseDateHeader, serverClock } from '../time/server-clock';
import { ApiError, networkError, problemFrom } from './problem';

// Same origin by default (the local runtime serves the UI and the API); a deployment may point elsewhere.
const apiBase: string = import.meta.env.VITE_FAZHI_API_URL ?? '';

let bearer: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** Set by the session module; the only place that knows how the token was obtained. */
export function setBearer(token: string | undefined): void {
  bearer = token;
}

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  body?: unknown;
  /** Sends an Idempotency-Key so a retried submission is not applied twice. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotent) headers['Idempotency-Key'] = crypto.randomUUID();

  const sentAt = Date.now();
  let response: Response;
  try {
    response = await fetch(apiBase + path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  const receivedAt = Date.now();
  const serverNow = parseDateHeader(response.headers.get('Date'));
  if (serverNow !== undefined) serverClock.observe({ sentAt, receivedAt, serverNow }, 'date-header');

  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401 && bearer) onUnauthorized?.();
    throw new ApiError(problemFrom(response.status, text), 'http');
  }
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    // A 200 that is not JSON is a proxy or SPA fallback answering for a missing API.
    throw new ApiError({ type: 'about:blank', title: '', status: 502, errors: [] }, 'http');
  }
}

/** Reads the local runtime's virtual clock; undefined where there is none (AWS, or an old runtime). */
export async function readLocalClock(): Promise<boolean> {
  const sentAt = Date.now();
  try {
    const response = await fetch(`${apiBase}/_local/clock`, {
      cache: 'no-store',
      headers: { Accept: 'application/json' },
    });
    const receivedAt = Date.now();
    if (!response.ok || !(response.headers.get('Content-Type') ?? '').includes('json')) return false;
    const body = (await response.json()) as { now?: unknown; nowMs?: unknown };
    const serverNow =
      typeof body.nowMs === 'number' ? body.nowMs : typeof body.now === 'string' ? Date.parse(body.now) : Number.NaN;
    if (!Number.isFinite(serverNow)) return false;
    serverClock.observe({ sentAt, receivedAt, serverNow }, 'local-clock');
    return true;
  } catch {
    return false;
  }
}
