// For tests only: a scripted stand-in for Cognito's JSON endpoint behind a `fetch`. Each expected call
// names its action, may check the request body, and gives the answer Cognito would give.
import { expect } from 'vitest';

export interface CognitoReply {
  status?: number;
  body: Record<string, unknown>;
}

export interface ExpectedCall {
  action: string;
  /** The request body must contain these fields (deep partial match). */
  request?: Record<string, unknown>;
  reply: CognitoReply;
}

export interface RecordedCall {
  url: string;
  action: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export interface FakeCognito {
  fetch: typeof fetch;
  calls: RecordedCall[];
  /** Adds answers to the script (for the next steps of a flow). */
  expect(...next: ExpectedCall[]): void;
  /** Every scripted call was made. */
  done(): void;
}

const base64Url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** An unsigned JWT with the given payload: the browser only reads claims, the API verifies signatures. */
export function fakeJwt(payload: Record<string, unknown>): string {
  return `${base64Url(JSON.stringify({ alg: 'RS256', kid: 'test' }))}.${base64Url(JSON.stringify(payload))}.c2lnbmF0dXJl`;
}

export const cognitoError = (type: string, message: string): CognitoReply => ({
  status: 400,
  body: { __type: type, message },
});

/** Deep partial match: every field of `expected` is in `actual` with the same value. */
function matches(actual: unknown, expected: unknown): boolean {
  if (typeof expected !== 'object' || expected === null) return Object.is(actual, expected);
  if (typeof actual !== 'object' || actual === null) return false;
  return Object.entries(expected).every(([key, value]) => matches((actual as Record<string, unknown>)[key], value));
}

export function fakeCognito(...script: ExpectedCall[]): FakeCognito {
  const queue = [...script];
  const calls: RecordedCall[] = [];
  const problems: string[] = [];
  const fake: typeof fetch = async (input, init) => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const action = (headers['x-amz-target'] ?? '').replace('AWSCognitoIdentityProviderService.', '');
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    calls.push({ url, action, headers, body });
    const next = queue.shift();
    // Mismatches are recorded for done(), not thrown: the client under test turns a throwing fetch into a
    // network error, which would hide what went wrong.
    if (!next) {
      problems.push(`unexpected call ${action}`);
      return new Response(JSON.stringify({ __type: 'FakeCognitoUnexpectedCall' }), { status: 500 });
    }
    if (action !== next.action) problems.push(`expected ${next.action}, got ${action}`);
    if (next.request && !matches(body, next.request))
      problems.push(`${action} body ${JSON.stringify(body)} lacks ${JSON.stringify(next.request)}`);
    const status = next.reply.status ?? 200;
    return new Response(JSON.stringify(next.reply.body), {
      status,
      headers: { 'Content-Type': 'application/x-amz-json-1.1' },
    });
  };
  return {
    fetch: fake,
    calls,
    expect: (...next) => queue.push(...next),
    done: () => {
      expect(problems).toEqual([]);
      expect(queue.map((c) => c.action)).toEqual([]);
    },
  };
}
