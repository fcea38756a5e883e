// Reads (does not verify: the API does) the payload of a Cognito ID token, for who signed in until
// GET /v1/me answers. The claim names are Cognito's, as the API's principal reader expects them.
import type { User } from '../api/types';

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const value: unknown = JSON.parse(base64UrlDecode(payload));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** The person an ID token names; undefined when it lacks a username or department. */
export function userFromIdToken(token: string): User | undefined {
  const claims = decodeJwtPayload(token);
  if (!claims) return undefined;
  const username = str(claims['cognito:username']) ?? str(claims.username) ?? str(claims.sub);
  const departmentId = str(claims['custom:departmentId']);
  if (!username || !departmentId) return undefined;
  const groups = claims['cognito:groups'];
  return {
    username,
    displayName: str(claims.name) ?? username,
    roles: Array.isArray(groups) ? groups.map(String) : [],
    departmentId,
  };
}
