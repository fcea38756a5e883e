// The front door: what stands between the internet and the functions. Stage throttling per route
// class, reserved concurrency for the functions a flood must not starve, and the optional
// CloudFront + AWS WAF in front of the HTTP API (which cannot take a web ACL itself).
//
// Deploy-time settings are CDK context (`cdk deploy -c key=value`), each read and checked here:
//   fazhi:throttle            JSON, per route class { rate, burst } merged over THROTTLE_DEFAULTS
//   fazhi:reservedConcurrency `false` deploys without reserved concurrency (an account whose
//                             concurrency quota is still the new-account 10)
//   fazhi:waf                 `true`: the API behind CloudFront with a web ACL (see infra/lib/edge.ts)
//   fazhi:wafAclArn           the ARN of that web ACL, made in us-east-1 by the FazhiEdge stack
import type { FunctionWiring, RouteWiring } from '@fazhi/platform/wiring';
import type { Node } from 'constructs';
import * as z from 'zod';

/**
 * Route classes, derived from the wiring (no route declares its class; the rule is here):
 * - `ingest`: department systems writing (API-key routes other than GET) — POST /v1/events
 * - `admin`:  routes whose roles include `admin` (departments, keys, webhooks, clock policies)
 * - `public`: routes without authentication (the catalog, OpenAPI, docs, the public mediation form)
 * - `reads`:  every other GET
 * - `writes`: every other write by people (acknowledging alerts, incident milestones, rosters)
 * Sign-in is Cognito's own endpoint in AWS, throttled by Cognito's quotas, not by this stage.
 */
export type RouteClass = 'ingest' | 'reads' | 'writes' | 'admin' | 'public';
export const ROUTE_CLASSES: readonly RouteClass[] = ['ingest', 'reads', 'writes', 'admin', 'public'];

export function routeClassOf(route: Pick<RouteWiring, 'method' | 'auth' | 'doc'>): RouteClass {
  if (route.auth === 'none') return 'public';
  if (route.doc.roles?.includes('admin')) return 'admin';
  if (route.method === 'GET') return 'reads';
  if (route.auth === 'apiKey') return 'ingest';
  return 'writes';
}

export interface Throttle {
  /** Steady requests per second for each route of the class (API Gateway's token bucket refill). */
  rate: number;
  /** Requests allowed at once above the rate. */
  burst: number;
}

/**
 * Per route, for a city of about a dozen departments: a department system posts in batches of up
 * to 10 entries; a duty board polls every 15 s; an admin page is used by a handful of people. The
 * stage default caps any route not classed. API Gateway's own account limit (10,000 rps, burst
 * 5,000 per region) sits above all of these.
 */
export const THROTTLE_DEFAULTS: Readonly<Record<RouteClass | 'stage', Throttle>> = {
  stage: { rate: 200, burst: 400 },
  ingest: { rate: 50, burst: 100 },
  reads: { rate: 100, burst: 200 },
  writes: { rate: 20, burst: 40 },
  admin: { rate: 5, burst: 10 },
  public: { rate: 10, burst: 20 },
};

const throttleSchema = z.strictObject({ rate: z.number().positive(), burst: z.number().int().positive() });
const throttleContext = z.partialRecord(z.enum(['stage', ...ROUTE_CLASSES]), throttleSchema);

/** THROTTLE_DEFAULTS with `-c fazhi:throttle=<json>` merged over them; a bad value fails the synth. */
export function throttleSettings(node: Node): Record<RouteClass | 'stage', Throttle> {
  const raw: unknown = node.tryGetContext('fazhi:throttle');
  if (raw === undefined) return { ...THROTTLE_DEFAULTS };
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new Error(`-c fazhi:throttle must be JSON, e.g. '{"ingest":{"rate":100,"burst":200}}'; got ${raw}`);
    }
  }
  const parsed = throttleContext.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `-c fazhi:throttle: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')} (classes: stage, ${ROUTE_CLASSES.join(', ')}; each { "rate": number, "burst": integer })`,
    );
  }
  return { ...THROTTLE_DEFAULTS, ...parsed.data };
}

/**
 * The function's reserved concurrency from its wiring, unless `-c fazhi:reservedConcurrency=false`.
 * AWS keeps at least 100 executions of the account's quota unreserved (10 in a new account whose
 * quota is 10), so a deployment reserving more than quota − 100 fails; see README, deploy options.
 */
export function reservedConcurrencyOf(
  node: Node,
  wiring: Pick<FunctionWiring, 'reservedConcurrency'>,
): number | undefined {
  const setting: unknown = node.tryGetContext('fazhi:reservedConcurrency');
  if (setting === false || setting === 'false') return undefined;
  return wiring.reservedConcurrency;
}

/** Sum of what the wiring list reserves (for the README's quota arithmetic and a test). */
export function totalReservedConcurrency(wirings: readonly Pick<FunctionWiring, 'reservedConcurrency'>[]): number {
  return wirings.reduce((n, w) => n + (w.reservedConcurrency ?? 0), 0);
}

export interface WafSettings {
  enabled: boolean;
  /** A CLOUDFRONT-scope web ACL (us-east-1) to attach; made by the FazhiEdge stack. */
  webAclArn?: string;
}

export function wafSettings(node: Node): WafSettings {
  const enabled = [true, 'true'].includes(node.tryGetContext('fazhi:waf'));
  const arn: unknown = node.tryGetContext('fazhi:wafAclArn');
  if (
    arn !== undefined &&
    (typeof arn !== 'string' || !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\//.test(arn))
  ) {
    throw new Error(
      `-c fazhi:wafAclArn must be the ARN of a CLOUDFRONT-scope web ACL in us-east-1 (arn:aws:wafv2:us-east-1:<account>:global/webacl/...); got ${String(arn)}`,
    );
  }
  return { enabled: enabled || arn !== undefined, ...(typeof arn === 'string' ? { webAclArn: arn } : {}) };
}
