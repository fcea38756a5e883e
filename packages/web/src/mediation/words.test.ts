// The pages' Chinese words against the domain's codes: a code the service can send but the page
// cannot name would reach a zh page as "—" or, worse, as the code. The domain is the source of the
// codes (the web does not bundle it, hence the copy this test holds to it).
import { describe, expect, it } from 'vitest';
import { MEDIATION_POLICIES } from '../../../domain/src/clocks/default-policies';
import { MEDIATION_EVENT_TYPES } from '../../../domain/src/mediation/case-types';
import {
  DISPUTE_TYPES,
  INTAKE_SOURCES,
  OTHER_ROUTES,
  PARTY_ROLES,
  RISK_KINDS,
  RISK_LEVELS,
  TIERS,
} from '../../../domain/src/mediation/taxonomy';
import {
  DISPUTE_TYPE_NAMES,
  EVENT_NAMES,
  nameOf,
  PARTY_ROLE_NAMES,
  POLICY_NAMES,
  RISK_KIND_NAMES,
  RISK_NAMES,
  ROUTE_NAMES,
  SOURCE_NAMES,
  TIER_NAMES,
  yuan,
} from './words';

const CHINESE = /^[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*$/;

describe('the mediation pages’ words', () => {
  it('name every code of the national taxonomy as the domain prints it', () => {
    expect(DISPUTE_TYPE_NAMES).toEqual(DISPUTE_TYPES);
    expect(SOURCE_NAMES).toEqual(Object.fromEntries(Object.entries(INTAKE_SOURCES).map(([k, v]) => [k, v.name])));
    expect(TIER_NAMES).toEqual(TIERS);
    expect(RISK_NAMES).toEqual(RISK_LEVELS);
    expect(RISK_KIND_NAMES).toEqual(RISK_KINDS);
    expect(ROUTE_NAMES).toEqual(OTHER_ROUTES);
    expect(PARTY_ROLE_NAMES).toEqual(PARTY_ROLES);
  });

  it('give every MediationCase event a Chinese timeline label, and nothing else', () => {
    expect(Object.keys(EVENT_NAMES).sort()).toEqual([...MEDIATION_EVENT_TYPES].sort());
    for (const label of Object.values(EVENT_NAMES)) expect(label).toMatch(CHINESE);
  });

  it('name each mediation clock policy by the policy’s own Chinese name', () => {
    expect(POLICY_NAMES).toEqual(Object.fromEntries(MEDIATION_POLICIES.map((p) => [p.id, p.name])));
  });

  it('never print an unknown code', () => {
    expect(nameOf(EVENT_NAMES, 'MediationCase.Unheard')).toBe('—');
    expect(nameOf(DISPUTE_TYPE_NAMES, undefined)).toBe('—');
  });

  it('print fen as yuan with two decimals', () => {
    expect(yuan(3_200_000)).toBe('32,000.00 元');
    expect(yuan(5)).toBe('0.05 元');
  });
});
