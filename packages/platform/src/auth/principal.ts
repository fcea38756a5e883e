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

type AuthorizerContext = {
  lambda?: { principal?: string };
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
  if (!p) throw new UnauthorizedError();
  return p;
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
