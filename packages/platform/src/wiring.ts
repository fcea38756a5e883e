import type { ZodType } from 'zod';

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
  /** Attempts before the event goes to the dead-letter queue (EventBridge default 185, we use fewer). */
  maxAttempts?: number;
}

export interface ScheduleWiring {
  name: string;
  /** EventBridge schedule expression used in AWS, e.g. `rate(1 minute)`. */
  expression: string;
  /** Tick of the local runtime, in milliseconds. */
  localEveryMs: number;
}

/** What the function touches; the CDK app turns these into least-privilege grants. */
export type Permission = 'table:read' | 'table:write' | 'bus:put' | 'sns:publish' | 'webhook:call';

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
  memoryMb?: number;
  timeoutSeconds?: number;
}

export function defineFunction<const W extends FunctionWiring>(w: W): W {
  return w;
}

/** `entryOf(import.meta.url)` → the absolute path of `handler.ts` beside the wiring file. */
export function entryOf(wiringModuleUrl: string, file = 'handler.ts'): string {
  return new URL(file, wiringModuleUrl).pathname;
}
