import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asyncInvokeOf, DEFAULT_ASYNC_INVOKE } from './async-invoke';
import type { AsyncInvokeWiring, FunctionWiring } from './wiring';

const wiring = (asyncInvoke?: AsyncInvokeWiring, invoked = true): FunctionWiring => ({
  name: 'x-fn',
  service: 'x',
  description: 'x',
  entry: '/x.ts',
  permissions: [],
  ...(invoked ? { subscriptions: [{ name: 'x-fn-all', pattern: { source: ['x'] } }] } : {}),
  ...(asyncInvoke ? { asyncInvoke } : {}),
});

describe('asyncInvokeOf', () => {
  it('takes Lambda’s own default when the wiring does not say', () => {
    // Act
    const out = asyncInvokeOf(wiring());

    // Assess
    expect(out).toEqual({ retryAttempts: 2, maxEventAgeSeconds: 21_600 });
    expect(out).toBe(DEFAULT_ASYNC_INVOKE);
  });

  it('accepts exactly what Lambda accepts: 0–2 retries, 60 s – 6 h whole seconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3, max: 5 }),
        fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.double({ min: -100, max: 30_000, noNaN: true })),
        (r, age) => {
          // Prepare
          const valid = [0, 1, 2].includes(r) && Number.isInteger(age) && age >= 60 && age <= 21_600;
          const w = wiring({ retryAttempts: r as 0, maxEventAgeSeconds: age });

          // Act / Assess
          if (valid) expect(asyncInvokeOf(w)).toEqual({ retryAttempts: r, maxEventAgeSeconds: age });
          else expect(() => asyncInvokeOf(w)).toThrow(/asyncInvoke/);
        },
      ),
    );
  });

  it('refuses asyncInvoke on a function nothing invokes asynchronously', () => {
    // Act / Assess
    expect(() => asyncInvokeOf(wiring({ retryAttempts: 1, maxEventAgeSeconds: 600 }, false))).toThrow(
      /no subscription or schedule/,
    );
  });
});
