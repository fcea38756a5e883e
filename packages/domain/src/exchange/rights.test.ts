import { catalog, findCatalogEntry } from '@fazhi/events/catalog';
import { DEPARTMENT_KINDS, type DepartmentKind } from '@fazhi/events/department-kind';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canPublish, type Department, recipientsOf } from './rights';

function entry(detailType: string) {
  const found = findCatalogEntry(detailType);
  if (!found) throw new Error(`no catalog entry ${detailType}`);
  return found;
}

const market: Department = { id: 'market-supervision', name: '市市场监督管理局', kinds: ['enforcement'] };
const ecology: Department = { id: 'ecology', name: '市生态环境局', kinds: ['enforcement'] };
const police: Department = { id: 'police', name: '市公安局', kinds: ['public-security'] };
const procuratorate: Department = { id: 'procuratorate', name: '市人民检察院', kinds: ['procuratorate'] };
const propaganda: Department = { id: 'propaganda', name: '市委宣传部', kinds: ['propaganda'] };
const cyberspace: Department = { id: 'cyberspace', name: '市委网信办', kinds: ['cyberspace'] };
const emergency: Department = { id: 'emergency', name: '市应急管理局', kinds: ['emergency'] };
const office: Department = { id: 'government-office', name: '市政府办公室', kinds: ['government-office'] };
const transport: Department = { id: 'transport', name: '市交通运输局', kinds: ['enforcement'] };
const court: Department = { id: 'court', name: '市中级人民法院', kinds: ['court'] };
const city = [market, ecology, police, procuratorate, propaganda, cyberspace, emergency, office, transport, court];

describe('canPublish', () => {
  it('lets enforcement, public security and the procuratorate share enforcement leads', () => {
    // Act
    const allowed = city.filter((d) => canPublish(entry('EnforcementLead.Shared'), d)).map((d) => d.id);
    // Assess
    expect(allowed).toEqual(['market-supervision', 'ecology', 'police', 'procuratorate', 'transport']);
  });

  it('refuses platform-only types to every department, whatever its kinds', () => {
    // Prepare
    const everything: Department = { id: 'all', name: '全能部门', kinds: [...DEPARTMENT_KINDS] };
    const platformOnly = catalog.filter(
      (e) => e.publishers.platform && !e.publishers.kinds && !e.publishers.departments,
    );
    // Act
    const allowed = platformOnly.filter((e) => canPublish(e, everything));
    // Assess
    expect(platformOnly.length).toBeGreaterThan(0);
    expect(allowed).toEqual([]);
  });

  it('grants by department id as well as by kind', () => {
    // Prepare
    const byId = { publishers: { departments: ['court'] } };
    // Act / Assess
    expect(canPublish(byId, court)).toBe(true);
    expect(canPublish(byId, police)).toBe(false);
  });

  it('does not let a department entitle itself through fromData', () => {
    // Prepare
    const fromDataOnly = { publishers: { fromData: ['departmentId'] } };
    // Act / Assess
    expect(canPublish(fromDataOnly, court)).toBe(false);
  });
});

describe('recipientsOf', () => {
  const lead = entry('EnforcementLead.Shared');
  const leadData = { subjectName: '某公司', category: 'market', summary: '线索' };

  it('shares an unaddressed lead with every entitled department except the sender', () => {
    // Act
    const result = recipientsOf(lead, leadData, city, 'market-supervision');
    // Assess
    expect(result).toEqual({ deliver: ['ecology', 'police', 'procuratorate', 'transport'], refused: [] });
  });

  it('delivers an addressed lead only to entitled targets and names the others', () => {
    // Prepare
    const data = {
      ...leadData,
      targetDepartments: ['police', 'propaganda', 'nowhere', 'market-supervision', 'police'],
    };
    // Act
    const result = recipientsOf(lead, data, city, 'market-supervision');
    // Assess
    expect(result).toEqual({
      deliver: ['police'],
      refused: [
        { departmentId: 'propaganda', reason: 'not-entitled' },
        { departmentId: 'nowhere', reason: 'unknown-department' },
      ],
    });
  });

  it('sends opinion incidents to the opinion departments and the responsible one', () => {
    // Prepare
    const data = { ...(entry('OpinionIncident.Opened').example.data as object), responsibleDepartmentId: 'transport' };
    // Act
    const result = recipientsOf(entry('OpinionIncident.Opened'), data, city);
    // Assess
    expect(result.deliver).toEqual(['propaganda', 'cyberspace', 'emergency', 'government-office', 'transport']);
  });

  it('sends clock and alert events to the owning department only', () => {
    // Prepare
    const clock = { ...(entry('Clock.Breached').example.data as object), departmentId: 'transport' };
    const alert = { ...(entry('Alert.Raised').example.data as object), departmentId: 'emergency' };
    // Act
    const clockResult = recipientsOf(entry('Clock.Breached'), clock, city);
    const alertResult = recipientsOf(entry('Alert.Raised'), alert, city);
    // Assess
    expect(clockResult.deliver).toEqual(['transport']);
    expect(alertResult.deliver).toEqual(['emergency']);
  });

  it('reads fromData fields holding an array of ids and ignores departments it does not know', () => {
    // Prepare
    const custom = { subscribers: { fromData: ['parties'] } };
    // Act
    const result = recipientsOf(custom, { parties: ['court', 'ghost', 7] }, city);
    // Assess
    expect(result.deliver).toEqual(['court']);
  });

  it('delivers nothing for data that is not an object', () => {
    // Act
    const result = recipientsOf(entry('Clock.Breached'), null, city);
    // Assess
    expect(result).toEqual({ deliver: [], refused: [] });
  });
});

describe('recipientsOf properties', () => {
  const kind = fc.constantFrom<DepartmentKind>(...DEPARTMENT_KINDS);
  const idPool = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const departments = fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...idPool),
      name: fc.constant('部门'),
      kinds: fc.uniqueArray(kind, { maxLength: 3 }),
    }),
    { selector: (d) => d.id, maxLength: idPool.length },
  );
  const audience = fc.record(
    {
      kinds: fc.uniqueArray(kind, { maxLength: 4 }),
      departments: fc.uniqueArray(fc.constantFrom(...idPool), { maxLength: 3 }),
      fromData: fc.constant<string[]>(['owner']),
    },
    { requiredKeys: [] },
  );
  const data = fc.record(
    {
      owner: fc.constantFrom(...idPool, 'zz'),
      targetDepartments: fc.array(fc.constantFrom(...idPool, 'zz'), { maxLength: 6 }),
    },
    { requiredKeys: [] },
  );
  const sender = fc.option(fc.constantFrom(...idPool), { nil: undefined });

  function entitledIds(
    subscribers: { kinds?: DepartmentKind[]; departments?: string[]; fromData?: string[] },
    d: { owner?: string },
    ds: Department[],
  ) {
    return ds
      .filter(
        (x) =>
          (subscribers.fromData?.includes('owner') && d.owner === x.id) ||
          subscribers.departments?.includes(x.id) ||
          x.kinds.some((k) => subscribers.kinds?.includes(k)),
      )
      .map((x) => x.id);
  }

  it('never delivers to the sender, twice, or to a department that is not entitled and known', () => {
    fc.assert(
      fc.property(audience, data, departments, sender, (subscribers, d, ds, from) => {
        // Act
        const { deliver } = recipientsOf({ subscribers }, d, ds, from);
        // Assess
        const entitled = entitledIds(subscribers, d, ds);
        expect(deliver).not.toContain(from);
        expect(new Set(deliver).size).toBe(deliver.length);
        for (const id of deliver) expect(entitled).toContain(id);
      }),
    );
  });

  it('without targets, delivers to exactly the entitled departments other than the sender', () => {
    fc.assert(
      fc.property(audience, data, departments, sender, (subscribers, d, ds, from) => {
        // Prepare
        const { targetDepartments: _none, ...untargeted } = d;
        // Act
        const result = recipientsOf({ subscribers }, untargeted, ds, from);
        // Assess
        expect(result.refused).toEqual([]);
        expect(result.deliver.sort()).toEqual(
          entitledIds(subscribers, untargeted, ds)
            .filter((id) => id !== from)
            .sort(),
        );
      }),
    );
  });

  it('with targets, every target other than the sender is either delivered or refused, never both', () => {
    fc.assert(
      fc.property(
        audience,
        data,
        departments,
        sender,
        fc.array(fc.constantFrom(...idPool, 'zz')),
        (subscribers, d, ds, from, targets) => {
          // Act
          const result = recipientsOf({ subscribers }, { ...d, targetDepartments: targets }, ds, from);
          // Assess
          const refusedIds = result.refused.map((r) => r.departmentId);
          const expected = [...new Set(targets)].filter((id) => id !== from).sort();
          expect([...result.deliver, ...refusedIds].sort()).toEqual(expected);
          for (const r of result.refused) {
            const known = ds.some((x) => x.id === r.departmentId);
            expect(r.reason).toBe(known ? 'not-entitled' : 'unknown-department');
          }
        },
      ),
    );
  });
});
