// Who is calling. Both authorisers (the Lambda one for API keys, API Gateway's JWT one for people)
// leave their result on the event; handlers read it only through `principalOf`.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '../errors';

export type Principal =
  | { kind: 'department'; departmentId: string; keyId: string }
  | { kind: 'user'; username: string; roles: string[]; departmentId: string; displayName?: string };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** Claims a person's token carries, in Cognito's names (the local login issues the same). */
export interface PersonClaims {
  sub?: string;
  username?: string;
  'cognito:username'?: string;
  'cognito:groups'?: string[] | string;
  'custom:departmentId'?: string;
  name?: string;
  [k: string]: unknown;
}

/** API Gateway renders a JWT array claim as the string `[a b c]`; a Lambda authoriser passes it as is. */
function groupsOf(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string') {
    return raw
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter(Boolean);
  }
  return [];
}

export function principalFromClaims(claims: PersonClaims): UserPrincipal {
  const username = String(claims['cognito:username'] ?? claims.username ?? claims.sub ?? '');
  const departmentId = String(claims['custom:departmentId'] ?? '');
  if (!username || !departmentId) throw new UnauthorizedError('The token lacks a username or department.');
  return {
    kind: 'user',
    username,
    roles: groupsOf(claims['cognito:groups']),
    departmentId,
    ...(typeof claims.name === 'string' ? { displayName: claims.name } : {}),
  };
}

/** Why the authoriser found no caller; the route's 401 says so, in words an integrator can act on. */
export type AuthRefusal = 'missing' | 'malformed-key' | 'unknown-key' | 'expired-key' | 'invalid-token' | 'unavailable';

const REFUSAL_DETAIL: Record<AuthRefusal, string> = {
  missing: 'Send `Authorization: Bearer <API key or token>`.',
  'malformed-key': 'The API key is not in the form fz_<id>_<secret>; check that it was copied whole.',
  'unknown-key': 'This API key is unknown or was revoked; ask the platform administrator for the current key.',
  'expired-key': 'This API key was replaced by a rotation and its grace period is over; use the department’s new key.',
  'invalid-token': 'The sign-in token is invalid or expired; sign in again.',
  unavailable: 'Credentials could not be checked just now; retry shortly.',
};

type AuthorizerContext = {
  lambda?: { principal?: string; refusal?: AuthRefusal };
  jwt?: { claims?: PersonClaims };
};

export function principalOf(event: APIGatewayProxyEventV2): Principal | undefined {
  const ctx = (event.requestContext as { authorizer?: AuthorizerContext }).authorizer;
  if (ctx?.lambda?.principal) return JSON.parse(ctx.lambda.principal) as Principal;
  if (ctx?.jwt?.claims) return principalFromClaims(ctx.jwt.claims);
  return undefined;
}

export function requirePrincipal(event: APIGatewayProxyEventV2): Principal {
  const p = principalOf(event);
  if (p) return p;
  const refusal = (event.requestContext as { authorizer?: AuthorizerContext }).authorizer?.lambda?.refusal;
  throw new UnauthorizedError(REFUSAL_DETAIL[refusal ?? 'missing'] ?? REFUSAL_DETAIL.missing);
}

export function requireDepartment(p: Principal): Extract<Principal, { kind: 'department' }> {
  if (p.kind !== 'department') throw new ForbiddenError('This route is for department systems with an API key.');
  return p;
}

export function requireUser(p: Principal, roles?: readonly string[]): UserPrincipal {
  if (p.kind !== 'user') throw new ForbiddenError('This route is for signed-in people.');
  if (roles && roles.length > 0 && !roles.some((r) => p.roles.includes(r))) {
    throw new ForbiddenError(`Needs one of the roles: ${roles.join(', ')}.`);
  }
  return p;
}

export function hasRole(p: Principal, role: string): boolean {
  return p.kind === 'user' && p.roles.includes(role);
}
