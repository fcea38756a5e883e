import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './router';

describe('parseRoute', () => {
  it('reads every page of the app', () => {
    expect(parseRoute('')).toEqual({ name: 'board' });
    expect(parseRoute('#/')).toEqual({ name: 'board' });
    expect(parseRoute('#/login')).toEqual({ name: 'login' });
    expect(parseRoute('#/incidents')).toEqual({ name: 'incidents' });
    expect(parseRoute('#/incidents/')).toEqual({ name: 'incidents' });
    expect(parseRoute('#/incidents/new')).toEqual({ name: 'incident-new' });
    expect(parseRoute('#/incidents/01JD8Z')).toEqual({ name: 'incident', id: '01JD8Z' });
    expect(parseRoute('#/roster')).toEqual({ name: 'roster' });
    expect(parseRoute('#/stats')).toEqual({ name: 'stats' });
    expect(parseRoute('#/mediation')).toEqual({ name: 'mediation' });
    expect(parseRoute('#/mediation/01JD8Z')).toEqual({ name: 'mediation-case', id: '01JD8Z' });
    expect(parseRoute('#/transfers')).toEqual({ name: 'transfers' });
    expect(parseRoute('#/transfers/new')).toEqual({ name: 'transfer-new' });
    expect(parseRoute('#/transfers/01JD8Z')).toEqual({ name: 'transfer-case', id: '01JD8Z' });
    expect(hrefOf({ name: 'transfer-case', id: '01JD8Z' })).toBe('#/transfers/01JD8Z');
    expect(hrefOf({ name: 'transfer-new' })).toBe('#/transfers/new');
    expect(parseRoute('#/apply')).toEqual({ name: 'apply' });
    expect(parseRoute('#/survey/eyJr.abc_-')).toEqual({ name: 'survey', token: 'eyJr.abc_-' });
  });

  it('answers not-found for anything else, including a broken escape', () => {
    expect(parseRoute('#/nope').name).toBe('not-found');
    expect(parseRoute('#/incidents/a/b').name).toBe('not-found');
    expect(parseRoute('#/incidents/%E0%A4%A').name).toBe('not-found');
    expect(parseRoute('#/mediation/a/b').name).toBe('not-found');
    expect(parseRoute('#/mediation/%E0%A4%A').name).toBe('not-found');
    expect(parseRoute('#/transfers/a/b').name).toBe('not-found');
  });

  it('round-trips any incident id through hrefOf (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (id) => {
        fc.pre(id !== 'new');
        const route: Route = { name: 'incident', id };
        expect(parseRoute(hrefOf(route))).toEqual(route);
      }),
    );
  });

  it('round-trips any mediation case id through hrefOf (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (id) => {
        const route: Route = { name: 'mediation-case', id };
        expect(parseRoute(hrefOf(route))).toEqual(route);
      }),
    );
  });
});
