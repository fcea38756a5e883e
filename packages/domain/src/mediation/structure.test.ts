import { describe, expect, it } from 'vitest';
import type { DomainError } from '../domain-error';
import {
  departmentOfOrganisation,
  organisationOfUser,
  staffingReport,
  structureSchema,
  validateStructure,
} from './structure';
import { suggestOrganisations } from './suggest';
import { STRUCTURE } from './test-fixtures';

describe('the 1+4+N structure', () => {
  it('reports staffing against the seed targets: ≥2 full-time per township, ≥1 per village', () => {
    const r = staffingReport(STRUCTURE);
    expect(r.withTarget).toBe(2);
    expect(r.short.map((l) => [l.organisationId, l.fullTime, l.target])).toEqual([
      ['town-a', 1, 2],
      ['village-b', 0, 1],
    ]);
    expect(r.lines.find((l) => l.organisationId === 'county-medical')).not.toHaveProperty('target');
  });

  it('refuses duplicate ids and unknown channels, naming each field', () => {
    const bad = structureSchema.parse({
      ...STRUCTURE,
      organisations: [
        STRUCTURE.organisations[0],
        { ...STRUCTURE.organisations[1], id: 'town-a-labour', channelId: 'nope' },
      ],
    });
    try {
      validateStructure(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).issues.map((i) => i.path.join('.'))).toEqual([
        'organisations.1.id',
        'organisations.1.channelId',
      ]);
    }
  });

  it('refuses a region code that is not a county, township or village code', () => {
    const r = structureSchema.safeParse({ ...STRUCTURE, hub: { name: '中心', regionCode: '3402' } });
    expect(r.success).toBe(false);
  });
});

describe('users and departments of the structure', () => {
  it('maps a mediator’s username to one organisation, and refuses a user in two', () => {
    // Prepare
    const [a, b] = STRUCTURE.organisations;
    const withUser = (o: typeof a, username: string) => ({
      ...o!,
      mediators: [{ ...o!.mediators[0]!, username }, ...o!.mediators.slice(1)],
    });
    const mapped = { ...STRUCTURE, organisations: [withUser(a, 'wang'), ...STRUCTURE.organisations.slice(1)] };
    const twice = {
      ...STRUCTURE,
      organisations: [withUser(a, 'wang'), withUser(b, 'wang'), ...STRUCTURE.organisations.slice(2)],
    };
    // Act
    const found = organisationOfUser(validateStructure(mapped), 'wang');
    let error: DomainError | undefined;
    try {
      validateStructure(twice);
    } catch (e) {
      error = e as DomainError;
    }
    // Assess
    expect(found?.id).toBe(a!.id);
    expect(organisationOfUser(mapped, 'nobody')).toBeUndefined();
    expect(error?.issues.map((i) => i.path)).toEqual([['organisations', 1, 'mediators', 0, 'username']]);
  });

  it('an organisation without a department of its own is answered for by the hub’s', () => {
    // Prepare
    const [a, ...rest] = STRUCTURE.organisations;
    const s = { ...STRUCTURE, organisations: [{ ...a!, departmentId: 'sfs-a' }, ...rest] };
    // Act + Assess
    expect(departmentOfOrganisation(s, a!.id)).toBe('sfs-a');
    expect(departmentOfOrganisation(s, rest[0]!.id)).toBe('justice');
    expect(departmentOfOrganisation(s, undefined)).toBe('justice');
  });
});

describe('dispatch suggestions', () => {
  it('a city rule outranks declared matches, and says why', () => {
    const s = suggestOrganisations({ disputeType: 'labour', regionCode: '340202001005' }, STRUCTURE, [
      { id: 'labour-in-town-a', disputeTypes: ['labour'], regionPrefix: '340202001', organisationId: 'town-a' },
    ]);
    expect(s[0]).toMatchObject({ organisationId: 'town-a', ruleId: 'labour-in-town-a' });
    expect(s[0]?.reason).toBe('规则：劳动争议 + 范罗山街道 → 范罗山街道人民调解委员会');
    expect(s[1]?.organisationId).toBe('town-a-labour');
  });

  it('without a rule, a specialised committee of the locality comes first; returned ones are left out', () => {
    const s = suggestOrganisations({ disputeType: 'labour', regionCode: '340202001005' }, STRUCTURE, []);
    expect(s.map((x) => x.organisationId)).toEqual(['town-a-labour', 'town-a']);
    const again = suggestOrganisations(
      { disputeType: 'labour', regionCode: '340202001005', exclude: ['town-a-labour'] },
      STRUCTURE,
      [],
    );
    expect(again.map((x) => x.organisationId)).toEqual(['town-a']);
  });

  it('suggests nothing outside the county and nothing for a type no organisation takes', () => {
    expect(suggestOrganisations({ disputeType: 'labour', regionCode: '110101001' }, STRUCTURE, [])).toEqual([]);
    expect(suggestOrganisations({ disputeType: 'environment', regionCode: '340202001' }, STRUCTURE, [])).toEqual([]);
  });
});
