import type { ZodType } from 'zod';
import type { TableAccess } from './table-access';

export type { TableAccess } from './table-access';

// One wiring declaration per function, next to its handler. Both the CDK app (infra/) and the
// local runtime (packages/local) build from these objects, so a laptop is wired exactly as AWS.

/** Who may call a route. `apiKey`: a department system; `user`: a person with a JWT; `either`: both; `none`: public. */
export type RouteAuth = 'apiKey' | 'user' | 'either' | 'none';

export interface RouteDoc {
  summary: string;
  description?: string;
  tags?: string[];
  /** Roles allowed (for people); documentation and authorisation read the same list. */
  roles?: string[];
  body?: ZodType;
  query?: ZodType;
  /**
   * The shape of every `{name}` of the path, as a zod object of bounded strings (http/edge.ts has the
   * common ones). Checked at the edge before the handler runs; a route with parameters must declare it.
   */
  params?: ZodType;
  /** Status → description and optional body schema. Error statuses answer problem+json. */
  responses: Record<number, { description: string; schema?: ZodType }>;
}

export interface RouteWiring {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway HTTP API path syntax: `/v1/events/{eventId}`. */
  path: string;
  auth: RouteAuth;
  /** Feeds /openapi.json and /docs. */
  doc: RouteDoc;
}

/**
 * An EventBridge event pattern. The local bus implements a documented subset (see
 * packages/local/src/bus/pattern.ts) and refuses any other pattern at start.
 */
export type EventPattern = Record<string, unknown>;

export interface SubscriptionWiring {
  /** Rule name, unique in the app: `<function>-<what>`. */
  name: string;
  pattern: EventPattern;
  /**
   * EventBridge's delivery attempts (the function throttled or unavailable) before the event goes to
   * the rule's dead-letter queue; default DEFAULT_MAX_ATTEMPTS (async-invoke.ts). Errors thrown BY
   * the function are Lambda's to retry: see the function's `asyncInvoke`.
   */
  maxAttempts?: number;
}

export interface ScheduleWiring {
  name: string;
  /** EventBridge schedule expression used in AWS, e.g. `rate(1 minute)`. */
  expression: string;
  /** Tick of the local runtime, in milliseconds. */
  localEveryMs: number;
}

/**
 * What Lambda does when an asynchronous invocation (a subscription's or a schedule's rule → the
 * function) fails: the function is retried, then the event goes to the on-failure destination (an
 * SQS queue in AWS, the local dead-letter store locally). Default: DEFAULT_ASYNC_INVOKE
 * (packages/platform/src/async-invoke.ts).
 */
export interface AsyncInvokeWiring {
  /** Lambda's retries after a function error, 0–2: about a minute after the first, two after the second. */
  retryAttempts: 0 | 1 | 2;
  /** An event older than this (60 s – 6 h) is not retried again but sent to the on-failure destination. */
  maxEventAgeSeconds: number;
}

/**
 * What the function touches besides the table; the CDK app turns these into least-privilege grants.
 * `webhook-secret:seal` / `webhook-secret:open`: envelope-encrypt / decrypt department webhook
 * signing secrets with the webhook-secrets KMS key (platform/secrets/webhook-secrets.ts).
 * `sms:send`: SNS Publish straight to a phone number (platform/sms.ts). `link-token:sign` /
 * `link-token:verify`: GenerateMac / VerifyMac with the link-token HMAC key (secrets/link-tokens.ts).
 */
export type Permission =
  | 'bus:put'
  | 'sns:publish'
  | 'webhook:call'
  | 'webhook-secret:seal'
  | 'webhook-secret:open'
  | 'sms:send'
  | 'link-token:sign'
  | 'link-token:verify';

export interface FunctionWiring {
  /** Unique, kebab-case: `<service>-<action>`; becomes the Lambda's logical name. */
  name: string;
  service: string;
  description: string;
  /**
   * Absolute path of the handler module (it exports `handler`). The CDK app bundles it with
   * esbuild; the local runtime imports it as TypeScript. A path, not an import function, so that a
   * module reading the wiring list (the OpenAPI route) does not pull every handler into its bundle.
   */
  entry: string;
  routes?: RouteWiring[];
  subscriptions?: SubscriptionWiring[];
  schedules?: ScheduleWiring[];
  /** Consumes the table's stream (the outbox relay). */
  stream?: boolean;
  /** The Lambda authoriser for API keys. At most one function sets this. */
  authorizer?: boolean;
  permissions: Permission[];
  /** Only for functions with subscriptions or schedules (they are invoked asynchronously). */
  asyncInvoke?: AsyncInvokeWiring;
  /**
   * The table access the function needs, by partition key prefix and index (platform/table-access.ts).
   * The CDK app grants exactly this, with `dynamodb:LeadingKeys` conditions; the local runtime
   * refuses any other request with an AccessDeniedException. Omitted: no table access at all.
   */
  table?: TableAccess;
  /**
   * What the function loads lazily from beside its bundle rather than from inside it, to keep the
   * bundle small and its cold start fast (infra/lib/bundling.ts). `bundled`: packages left out of
   * the bundle and shipped pre-bundled as `node_modules/<name>` (one CommonJS file), so the same
   * `import(name)` finds them in AWS as locally. `files`: package files (`<package>/<path>`) copied
   * to `node_modules/<package>/<path>`, so `require.resolve` finds them there too. Locally both
   * come from the workspace's node_modules.
   */
  beside?: { bundled: string[]; files: string[] };
  memoryMb?: number;
  timeoutSeconds?: number;
  /**
   * Lambda reserved concurrency: executions kept for this function alone (and its ceiling), so a
   * flood of API requests cannot starve the sweeps, the relay or the alerts. Set for those only;
   * the sum must leave the account's 100 unreserved (infra/lib/front-door.ts, README).
   */
  reservedConcurrency?: number;
}

export function defineFunction<const W extends FunctionWiring>(w: W): W {
  return w;
}

/** `entryOf(import.meta.url)` → the absolute path of `handler.ts` beside the wiring file. */
export function entryOf(wiringModuleUrl: string, file = 'handler.ts'): string {
  return new URL(file, wiringModuleUrl).pathname;
}
