// The deployment tells the built front end where it runs: in AWS the CDK stack writes config.json next to
// index.html; locally there is none, and the runtime (or Vite) answers the path with index.html instead.

export interface RuntimeConfig {
  /** The HTTP API's base URL (another origin than the site in AWS). */
  apiUrl?: string;
  region?: string;
  userPoolId?: string;
  userPoolClientId?: string;
}

export interface CognitoConfig {
  region: string;
  userPoolClientId: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

function httpUrl(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a config.json answer. An HTML body (the SPA fallback), a non-object or malformed JSON means "no
 * deployment config", never an error: the local runtime is the default.
 */
export function parseRuntimeConfig(body: string, contentType: string | null): RuntimeConfig | undefined {
  if ((contentType ?? '').toLowerCase().includes('html')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const raw = parsed as Record<string, unknown>;
  const region = text(raw.region);
  const config: RuntimeConfig = {};
  const apiUrl = httpUrl(raw.apiUrl);
  if (apiUrl) config.apiUrl = apiUrl;
  if (region && REGION.test(region)) config.region = region;
  const userPoolId = text(raw.userPoolId);
  if (userPoolId) config.userPoolId = userPoolId;
  const userPoolClientId = text(raw.userPoolClientId);
  if (userPoolClientId) config.userPoolClientId = userPoolClientId;
  return config;
}

/** The Cognito settings when the config names a user pool client; a region is required to reach it. */
export function cognitoConfigOf(config: RuntimeConfig | undefined): CognitoConfig | undefined {
  if (!config?.userPoolClientId) return undefined;
  // The user pool id starts with its region (`cn-north-1_AbC…`), so an old config without `region` still works.
  const region = config.region ?? config.userPoolId?.split('_')[0];
  if (!region || !REGION.test(region)) return undefined;
  return { region, userPoolClientId: config.userPoolClientId };
}

export interface LoadOptions {
  fetch?: typeof fetch;
  url?: string;
  timeoutMs?: number;
}

/** Fetches config.json; undefined when there is none (local) or it cannot be read in time. */
export async function loadRuntimeConfig(options: LoadOptions = {}): Promise<RuntimeConfig | undefined> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = options.url ?? `${import.meta.env.BASE_URL ?? '/'}config.json`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
  try {
    const response = await doFetch(url, {
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal: controller.signal,
    });
    if (!response.ok) return undefined;
    return parseRuntimeConfig(await response.text(), response.headers.get('Content-Type'));
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
