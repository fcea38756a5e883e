import { parseDateHeader, serverClock } from '../time/server-clock';
import { ApiError, networkError, problemFrom } from './problem';

// Same origin by default (the local runtime serves the UI and the API); a deployment may point elsewhere,
// at build time (VITE_FAZHI_API_URL) or at start from the deployed config.json (configureApi).
const trimBase = (url: string): string => url.replace(/\/+$/, '');
let apiBase: string = trimBase(import.meta.env.VITE_FAZHI_API_URL ?? '');
let localClockRoute = true;

export interface ApiSettings {
  baseUrl: string;
  /** False where the API is API Gateway: it has no /_local routes, so there is nothing to ask. */
  localClock: boolean;
}

export function configureApi(settings: ApiSettings): void {
  apiBase = trimBase(settings.baseUrl);
  localClockRoute = settings.localClock;
}

/** The API's address of `path` (public pages call it without the session). */
export const apiUrl = (path: string): string => apiBase + path;

/** Gives the token for the next request; the session module may refresh it first. */
export type BearerSource = () => string | undefined | Promise<string | undefined>;

let bearerSource: BearerSource = () => undefined;
let onUnauthorized: (() => void) | undefined;

/** Set by the session module; the only place that knows how the token was obtained. */
export function setBearerSource(source: BearerSource): void {
  bearerSource = source;
}

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  body?: unknown;
  /** Sends an Idempotency-Key so a retried submission is not applied twice. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** Sends this token instead of the session's (sign-in asks who the new token belongs to before saving it). */
  bearer?: string;
  /** Told the headers of a successful answer (e.g. `x-fazhi-outcome: already-recorded`). */
  onResponse?: (headers: Headers) => void;
}

// The last answer to each GET with its validator: the next GET sends it back (If-None-Match), and a
// 304 returns the very same object, so a caller can tell "unchanged" by identity and polling an
// unchanged list costs no body, no parsing and no re-render.
const validated = new Map<string, { etag: string; bearer: string | undefined; value: unknown }>();

/** Forgets every remembered answer (on sign-out: the next user must not see the last one's data). */
export function forgetValidated(): void {
  validated.clear();
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const bearer = options.bearer ?? (await bearerSource());
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const known = method === 'GET' ? validated.get(path) : undefined;
  if (known && known.bearer === bearer) headers['If-None-Match'] = known.etag;
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

  if (response.status === 304 && known) return known.value as T;
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401 && bearer && options.bearer === undefined) onUnauthorized?.();
    throw new ApiError(problemFrom(response.status, text), 'http');
  }
  options.onResponse?.(response.headers);
  if (!text) return undefined as T;
  try {
    const value = JSON.parse(text) as T;
    const etag = response.headers.get('ETag');
    if (method === 'GET' && etag) validated.set(path, { etag, bearer, value });
    return value;
  } catch {
    // A 200 that is not JSON is a proxy or SPA fallback answering for a missing API.
    throw new ApiError({ type: 'about:blank', title: '', status: 502, errors: [] }, 'http');
  }
}

/** Reads the local runtime's virtual clock; undefined where there is none (AWS, or an old runtime). */
export async function readLocalClock(): Promise<boolean> {
  if (!localClockRoute) return false;
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

/** A binary answer (an Excel export) as a Blob, with the session's token; problems as for `request`. */
export async function requestBlob(path: string): Promise<Blob> {
  const bearer = await bearerSource();
  let response: Response;
  try {
    response = await fetch(apiBase + path, {
      headers: { Accept: '*/*', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
      cache: 'no-store',
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    if (response.status === 401 && bearer) onUnauthorized?.();
    throw new ApiError(problemFrom(response.status, await response.text()), 'http');
  }
  return response.blob();
}
