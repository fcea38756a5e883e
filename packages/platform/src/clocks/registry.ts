// The clock policies and the holiday calendar a deployment runs with, in three layers:
//   1. the national defaults and the packaged State Council calendars (2004–2026);
//   2. override files named by FAZHI_POLICY_OVERRIDES / FAZHI_CALENDAR_OVERRIDES (read once);
//   3. what an admin loaded at run time through /v1/config/* (stored in the table, re-read every
//      minute), so next year's holiday arrangement or a tightened city policy needs no release.
import { readFileSync } from 'node:fs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { EscalationPolicy } from '@fazhi/domain/alerts/alert-state';
import {
  applyPolicyOverrides,
  type ClockContext,
  type ClockPolicy,
  defaultPolicies,
  durationMs,
  getClockPolicy,
  type HolidayCalendar,
  loadCalendarOverride,
  type PolicyCatalog,
  packagedCalendar,
} from '@fazhi/domain/clocks/index';
import type { PlatformDeps } from '../deps';

export interface ClockRegistry {
  policies: PolicyCatalog;
  calendar: HolidayCalendar;
}

export function buildClockRegistry(env: NodeJS.ProcessEnv = process.env): ClockRegistry {
  const policyFile = env.FAZHI_POLICY_OVERRIDES;
  const calendarFile = env.FAZHI_CALENDAR_OVERRIDES;
  return {
    policies: policyFile ? applyPolicyOverrides(defaultPolicies, readFileSync(policyFile, 'utf8')) : defaultPolicies,
    calendar: calendarFile ? loadCalendarOverride(readFileSync(calendarFile, 'utf8')) : packagedCalendar,
  };
}

let base: ClockRegistry | undefined;

/** Layers 1 and 2: defaults plus the deployment's files. */
export function clockRegistry(): ClockRegistry {
  base ??= buildClockRegistry();
  return base;
}

/** For tests: replace layers 1–2 (undefined re-reads the environment). */
export function configureClockRegistry(r: ClockRegistry | undefined): void {
  base = r;
  invalidateClockRegistry();
}

export const CONFIG_PK = 'CONFIG';
export const calendarsKey = { pk: CONFIG_PK, sk: 'CALENDARS' };
export const policiesKey = { pk: CONFIG_PK, sk: 'CLOCK-POLICIES' };

/** What an admin loaded at run time (layer 3), as stored. */
export interface RuntimeClockConfig {
  /** Calendar years by year, in the data-file format of packages/domain/calendars/README.md. */
  calendars: Record<string, unknown>;
  /** A policy override document, as applyPolicyOverrides takes it. */
  policies: unknown;
}

export async function readRuntimeClockConfig(
  d: Pick<PlatformDeps, 'ddb' | 'tableName'>,
): Promise<RuntimeClockConfig & { calendarsVersion: number; policiesVersion: number }> {
  const [cal, pol] = await Promise.all([
    d.ddb.send(new GetCommand({ TableName: d.tableName, Key: calendarsKey, ConsistentRead: true })),
    d.ddb.send(new GetCommand({ TableName: d.tableName, Key: policiesKey, ConsistentRead: true })),
  ]);
  return {
    calendars: (cal.Item?.years as Record<string, unknown> | undefined) ?? {},
    calendarsVersion: (cal.Item?.version as number | undefined) ?? 0,
    policies: pol.Item?.overrides,
    policiesVersion: (pol.Item?.version as number | undefined) ?? 0,
  };
}

/** Layers 1–2 with layer 3 applied; throws the domain's validation errors on a bad document. */
export function withRuntimeConfig(r: ClockRegistry, config: RuntimeClockConfig): ClockRegistry {
  const years = Object.values(config.calendars);
  return {
    calendar: years.length > 0 ? loadCalendarOverride(years, r.calendar) : r.calendar,
    policies: config.policies === undefined ? r.policies : applyPolicyOverrides(r.policies, config.policies),
  };
}

const REFRESH_MS = 60_000;
// Per table (a process may hold several local runtimes), aged in real time: a virtual clock moved
// forward says nothing of how stale the configuration is (departments.ts says the same).
const cached = new Map<string, { at: number; registry: ClockRegistry }>();
let generation = 0;

export async function loadClockRegistry(d: PlatformDeps): Promise<ClockRegistry> {
  const hit = cached.get(d.tableName);
  if (hit && performance.now() - hit.at < REFRESH_MS) return hit.registry;
  const at = performance.now();
  const seen = generation;
  const registry = withRuntimeConfig(clockRegistry(), await readRuntimeClockConfig(d));
  // Read while an admin change invalidated the cache: it may predate the change, so it is not kept.
  if (seen === generation) cached.set(d.tableName, { at, registry });
  return registry;
}

/** After an admin change, so this process uses it at once (others within a minute). */
export function invalidateClockRegistry(): void {
  generation++;
  cached.clear();
}

export function clockContext(r: ClockRegistry, policyId: string): ClockContext {
  return { policy: getClockPolicy(r.policies, policyId), calendar: r.calendar };
}

export function escalationOf(policy: ClockPolicy): EscalationPolicy {
  return {
    ackWindowMs: durationMs(policy.escalation.ackWindow),
    remindEveryMs: durationMs(policy.escalation.remindEvery),
  };
}
