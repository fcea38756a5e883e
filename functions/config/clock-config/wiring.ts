import { yearParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

const policyView = z
  .object({
    id: z.string(),
    version: z.number().int().describe('each clock records the version it runs under'),
    name: z.string().describe('Chinese only'),
    nameEn: z.string(),
    startsOn: z.string().describe('Chinese only'),
    startsOnEn: z.string(),
    mode: z.enum(['dueBy', 'notBefore']),
    duration: z.string(),
    counting: z.string(),
    rolls: z.boolean().describe('a last day on a rest day or holiday rolls to the next working day'),
    warnings: z.array(z.string()),
    source: z.string().describe('legal source: document title and article, Chinese only'),
    sourceEn: z.string(),
    note: z.string().optional().describe('internal note for whoever maintains the policy; never shown on a page'),
    verified: z.boolean().describe('false: a best reading the city must confirm'),
    overridden: z.boolean().describe('changed by this city’s override'),
  })
  .passthrough();

export const calendarYearBody = z
  .object({
    year: z.number().int(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    source: z.string().min(1).describe('the State Council notice'),
    verified: z.boolean(),
  })
  .describe('One year of the State Council holiday arrangement (packages/domain/calendars/README.md)');

export const policyOverridesBody = z
  .object({ policies: z.array(z.object({ id: z.string() }).passthrough()).max(200) })
  .describe('Entries `{ id, <fields to change> }`; a city may tighten a verified statutory limit, never loosen it');

export const clockConfigWiring = defineFunction({
  name: 'config-clock-config',
  service: 'clocks',
  description: 'Clock policies and holiday calendars: what is in force, and loading a city’s changes without a release',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/config/clock-policies',
      auth: 'either',
      doc: {
        summary: 'Every clock policy in force, with its legal source and whether it is verified',
        tags: ['config'],
        responses: {
          200: { description: 'Policies', schema: z.object({ items: z.array(policyView), version: z.number() }) },
        },
      },
    },
    {
      method: 'PUT',
      path: '/v1/config/clock-policies',
      auth: 'user',
      doc: {
        summary: 'Replace the city’s policy overrides (admin)',
        tags: ['config'],
        roles: ['admin'],
        body: policyOverridesBody,
        responses: {
          200: { description: 'In force within a minute everywhere' },
          422: { description: 'Invalid, or loosens a verified statutory limit' },
        },
      },
    },
    {
      method: 'GET',
      path: '/v1/config/calendars',
      auth: 'either',
      doc: {
        summary: 'The holiday calendar years loaded (a day-counted clock reaching a year not loaded is refused)',
        tags: ['config'],
        responses: {
          200: {
            description: 'Years',
            schema: z.object({
              items: z.array(
                z.object({
                  year: z.number(),
                  source: z.string(),
                  verified: z.boolean(),
                  holidays: z.number(),
                  workdays: z.number(),
                  loadedAtRuntime: z.boolean(),
                }),
              ),
            }),
          },
        },
      },
    },
    {
      method: 'PUT',
      path: '/v1/config/calendars/{year}',
      auth: 'user',
      doc: {
        params: z.object({ year: yearParam }),
        summary: 'Load one year’s holiday arrangement (admin), e.g. next year’s when the State Council publishes it',
        tags: ['config'],
        roles: ['admin'],
        body: calendarYearBody,
        responses: {
          200: { description: 'In force within a minute everywhere; `moved` lists the provisional clocks recomputed' },
          422: { description: 'Invalid year document' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(
    { write: ['CONFIG'] },
    P.clockRegistry,
    P.departmentList,
    { query: { gsi1: ['DEPTCLOCKS#'] } },
    P.clockWrites,
    P.outbox,
  ),
});
