import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS, retryAttemptsFor } from './event-rules';

describe('retryAttemptsFor', () => {
  it.each([
    [1, 0],
    [4, 3],
    [186, 185],
    [1000, 185],
    [0, 0],
  ])('maxAttempts %i → %i EventBridge retries', (maxAttempts, retries) => {
    // Act
    const out = retryAttemptsFor(maxAttempts);

    // Assess
    expect(out).toBe(retries);
  });

  it('uses the default when the subscription does not say', () => {
    // Act
    const out = retryAttemptsFor(undefined);

    // Assess
    expect(out).toBe(DEFAULT_MAX_ATTEMPTS - 1);
  });
});
