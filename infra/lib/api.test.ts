import type { FunctionWiring, RouteWiring } from '@fazhi/platform/wiring';
import { describe, expect, it } from 'vitest';
import { checkRoutes } from './api';

const route = (method: RouteWiring['method'], path: string, auth: RouteWiring['auth']): RouteWiring => ({
  method,
  path,
  auth,
  doc: { summary: 's', responses: { 200: { description: 'ok' } } },
});
const wiring = (name: string, extra: Partial<FunctionWiring>): FunctionWiring => ({
  name,
  service: 'fx',
  description: name,
  entry: '/dev/null',
  permissions: [],
  ...extra,
});

describe('checkRoutes', () => {
  it('accepts distinct routes with an authoriser present', () => {
    // Prepare
    const wirings = [
      wiring('fx-auth', { authorizer: true }),
      wiring('fx-a', { routes: [route('GET', '/v1/a', 'apiKey'), route('POST', '/v1/a', 'either')] }),
    ];

    // Act
    const act = () => checkRoutes(wirings);

    // Assess
    expect(act).not.toThrow();
  });

  it.each([
    [[wiring('fx-a', { routes: [route('GET', '/v1/a', 'apiKey')] })], /needs the Lambda authoriser/],
    [
      [wiring('fx-a', { authorizer: true }), wiring('fx-b', { authorizer: true })],
      /only one function may set authorizer/,
    ],
    [
      [
        wiring('fx-a', { routes: [route('GET', '/v1/a', 'none')] }),
        wiring('fx-b', { routes: [route('GET', '/v1/a', 'none')] }),
      ],
      /GET \/v1\/a is wired twice: fx-a and fx-b/,
    ],
  ])('refuses an inconsistent wiring list (%#)', (wirings, message) => {
    // Act
    const act = () => checkRoutes(wirings);

    // Assess
    expect(act).toThrow(message);
  });
});
