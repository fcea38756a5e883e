// How an event or a schedule reaches a function, and what happens when that fails, as AWS does it.
// Both the CDK app (infra/lib/event-rules.ts, functions.ts) and the local bus and scheduler
// (packages/local/src/bus/local-bus.ts) read these, so a laptop retries exactly as AWS would.
//
//   rule → function: EventBridge hands the event to Lambda's asynchronous queue. If that hand-over
//     fails (function throttled, missing, not permitted) EventBridge retries it by the rule target's
//     retry policy, then puts the event in the rule's dead-letter queue.
//   function error: Lambda retries the invocation `retryAttempts` times (~1 min, then ~2 min later),
//     unless the event is older than `maxEventAgeSeconds`, then sends it to the function's
//     on-failure destination (the same dead-letter queue; the message says which case it was).
import type { AsyncInvokeWiring, FunctionWiring } from './wiring';

/** Lambda's own default: two retries, events kept six hours. */
export const DEFAULT_ASYNC_INVOKE: AsyncInvokeWiring = { retryAttempts: 2, maxEventAgeSeconds: 6 * 3600 };

/** Lambda's documented waits before its first and second retry of a failed asynchronous invocation. */
export const LAMBDA_ASYNC_RETRY_DELAYS_MS: readonly number[] = [60_000, 120_000];

/** Delivery attempts of a subscription's rule target when the subscription does not say. */
export const DEFAULT_MAX_ATTEMPTS = 8;
/** A subscription's event undeliverable for a day is dead-lettered (EventBridge keeps at most 24 h). */
export const SUBSCRIPTION_MAX_EVENT_AGE_SECONDS = 24 * 3600;
/** A schedule's tick: a missed one is superseded by the next, so retry its delivery briefly. */
export const SCHEDULE_DELIVERY = { maxAttempts: 3, maxEventAgeSeconds: 300 } as const;

/**
 * `maxAttempts` counts every delivery, the first included; EventBridge's `MaximumRetryAttempts`
 * counts only the retries after the first (0–185).
 */
export function retryAttemptsFor(maxAttempts: number | undefined): number {
  const attempts = maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return Math.min(185, Math.max(0, Math.floor(attempts) - 1));
}

/** Whether anything invokes the function asynchronously (a rule: subscription or schedule). */
export function isAsyncInvoked(w: FunctionWiring): boolean {
  return (w.subscriptions?.length ?? 0) + (w.schedules?.length ?? 0) > 0;
}

/** The function's asynchronous-invocation settings, checked against Lambda's limits. */
export function asyncInvokeOf(w: FunctionWiring): AsyncInvokeWiring {
  const a = w.asyncInvoke ?? DEFAULT_ASYNC_INVOKE;
  if (w.asyncInvoke && !isAsyncInvoked(w))
    throw new Error(`${w.name}: asyncInvoke is set but no subscription or schedule invokes it`);
  if (![0, 1, 2].includes(a.retryAttempts)) throw new Error(`${w.name}: asyncInvoke.retryAttempts must be 0, 1 or 2`);
  if (!Number.isInteger(a.maxEventAgeSeconds) || a.maxEventAgeSeconds < 60 || a.maxEventAgeSeconds > 21_600)
    throw new Error(`${w.name}: asyncInvoke.maxEventAgeSeconds must be a whole number from 60 to 21600`);
  return a;
}
