import { defaultPolicies } from '@fazhi/domain/clocks/index';
import {
  calendarsKey,
  clockRegistry,
  invalidateClockRegistry,
  loadClockRegistry,
  policiesKey,
  readRuntimeClockConfig,
  withRuntimeConfig,
} from '@fazhi/platform/clocks/registry';
import { recomputeProvisional } from '@fazhi/platform/clocks/replan';
import { commit, putVersioned } from '@fazhi/platform/ddb/commit';
import { ValidationError } from '@fazhi/platform/errors';
import { httpRoutes } from '@fazhi/platform/http/route';
import { replanView } from '../clock-replans/replan-view';
import { calendarYearBody, clockConfigWiring, policyOverridesBody } from './wiring';

export const handler = httpRoutes(clockConfigWiring.routes, {
  'GET /v1/config/clock-policies': async ({ deps: d }) => {
    const config = await readRuntimeClockConfig(d);
    const { policies } = withRuntimeConfig(clockRegistry(), config);
    const items = Object.values(policies).map((p) => ({
      ...p,
      overridden: JSON.stringify(p) !== JSON.stringify(defaultPolicies[p.id]),
    }));
    return { status: 200, body: { items, version: config.policiesVersion } };
  },
  'PUT /v1/config/clock-policies': async ({ body, deps: d }) => {
    const overrides = policyOverridesBody.parse(body);
    const config = await readRuntimeClockConfig(d);
    // Validates against the deployment's base; throws a 422 naming each problem.
    withRuntimeConfig(clockRegistry(), { ...config, policies: overrides });
    const version = config.policiesVersion + 1;
    await commit(d, [
      putVersioned(d, { ...policiesKey, type: 'config', overrides, version, updatedAt: d.clock.now() }),
    ]);
    invalidateClockRegistry();
    return { status: 200, body: { version, policies: overrides.policies.length } };
  },
  'GET /v1/config/calendars': async ({ deps: d }) => {
    const config = await readRuntimeClockConfig(d);
    const { calendar } = withRuntimeConfig(clockRegistry(), config);
    const items = calendar.years.map((year) => {
      const y = calendar.yearData(year)!;
      return {
        year,
        source: y.source,
        verified: y.verified,
        holidays: y.holidays.length,
        workdays: y.workdays.length,
        loadedAtRuntime: String(year) in config.calendars,
      };
    });
    return { status: 200, body: { items } };
  },
  'PUT /v1/config/calendars/{year}': async ({ body, params, deps: d }) => {
    const year = calendarYearBody.parse(body);
    if (String(year.year) !== params.year) {
      throw new ValidationError(`The path says ${params.year} but the document is for ${year.year}.`, [
        { path: 'year', message: 'must match the path' },
      ]);
    }
    const config = await readRuntimeClockConfig(d);
    const calendars = { ...config.calendars, [String(year.year)]: year };
    withRuntimeConfig(clockRegistry(), { ...config, calendars });
    await commit(d, [
      putVersioned(d, {
        ...calendarsKey,
        type: 'config',
        years: calendars,
        version: config.calendarsVersion + 1,
        updatedAt: d.clock.now(),
      }),
    ]);
    invalidateClockRegistry();
    // Clocks that counted this year provisionally are recomputed now; the answer lists those that moved.
    const moved = await recomputeProvisional(d, await loadClockRegistry(d), year.year, d.clock.now());
    return {
      status: 200,
      body: { year: year.year, years: Object.keys(calendars).map(Number).sort(), moved: moved.map(replanView) },
    };
  },
});
