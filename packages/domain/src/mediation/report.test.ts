import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseEventData,
  type CounterKey,
  type Counters,
  incrementOf,
  monthlyReport,
  monthOf,
  monthsUpTo,
  organisationReport,
} from './report';
import { STRUCTURE } from './test-fixtures';

const event = (over: Partial<CaseEventData> = {}): CaseEventData => ({
  at: '2026-03-31T23:30:00+08:00',
  source: 'police',
  disputeType: 'labour',
  regionCode: '340202001',
  organisationId: 'town-a-labour',
  ...over,
});

describe('the monthly report’s counters', () => {
  it('counts a step in its city month: 23:30 on 31 March in the city is still March', () => {
    // Act
    const inc = incrementOf('MediationCase.Failed', event(), STRUCTURE);
    // Assess
    expect(inc).toEqual({
      month: '2026-03',
      keys: [
        'all',
        'type#labour',
        'locality#340202001',
        'source#referred',
        'organisation#town-a-labour',
        'channel#people',
      ],
      add: { failed: 1 },
    });
    expect(monthOf(Date.parse('2026-03-31T16:00:00Z'))).toBe('2026-04');
  });

  it('counts a case received in the month it came in, and for an organisation when it accepts it', () => {
    // Act
    const received = incrementOf(
      'MediationCase.Received',
      event({ at: '2026-04-01T09:00:00+08:00', receivedAt: '2026-03-30T10:00:00+08:00', organisationId: undefined }),
      STRUCTURE,
    );
    const accepted = incrementOf('MediationCase.Accepted', event({ source: 'window' }), STRUCTURE);
    // Assess
    expect(received).toMatchObject({ month: '2026-03', add: { received: 1 } });
    expect(received?.keys).not.toContain('organisation#town-a-labour');
    expect(accepted).toMatchObject({ keys: ['organisation#town-a-labour', 'channel#people'], add: { received: 1 } });
  });

  it('takes the amount and what an agreement prevented (N件M人), and a satisfied party at 4 or 5', () => {
    // Act
    const agreed = incrementOf(
      'MediationCase.Agreed',
      event({ amountFen: 2_800_000, prevented: { civilToCriminal: { people: 2 }, groupPetition: { people: 15 } } }),
      STRUCTURE,
    );
    const scores = [1, 3, 4, 5].map(
      (score) => incrementOf('MediationCase.SatisfactionRecorded', event({ score }), STRUCTURE)?.add,
    );
    // Assess
    expect(agreed?.add).toEqual({
      resolved: 1,
      amountFen: 2_800_000,
      civilToCriminalCases: 1,
      civilToCriminalPeople: 2,
      groupPetitionCases: 1,
      groupPetitionPeople: 15,
    });
    expect(scores.map((a) => a?.satisfied)).toEqual([0, 0, 1, 1]);
  });

  it('computes the rates, the change on the month before, and satisfaction against 90 % per organisation', () => {
    // Prepare
    const rows = (c: Partial<Counters>, org: Partial<Counters> = c) =>
      new Map<CounterKey, Partial<Counters>>([
        ['all', c],
        ['organisation#town-a-labour', org],
      ]);
    // Act
    const r = monthlyReport(
      [
        { month: '2026-02', rows: rows({ received: 4, resolved: 1 }) },
        { month: '2026-03', rows: rows({ received: 10, resolved: 6, failed: 2, satisfactionCount: 10, satisfied: 9 }) },
      ],
      STRUCTURE,
    );
    // Assess
    expect(r.totals).toMatchObject({ resolutionRate: 0.75, satisfactionRate: 0.9 });
    expect(r.change).toEqual({ received: 6, resolved: 5 });
    expect(r.trend.map((t) => [t.month, t.received])).toEqual([
      ['2026-02', 4],
      ['2026-03', 10],
    ]);
    expect(r.satisfaction.lines.find((l) => l.organisationId === 'town-a-labour')).toMatchObject({
      rate: 0.9,
      meets: true,
    });
    expect(r.breakdowns.organisation[0]).toMatchObject({
      value: 'town-a-labour',
      name: STRUCTURE.organisations[0]!.name,
    });
  });

  it('gives an organisation its own row of each month, its satisfaction against 90 % and its staffing', () => {
    // Prepare: the city's totals differ from the organisation's row
    const rows = (all: Partial<Counters>, org: Partial<Counters>) =>
      new Map<CounterKey, Partial<Counters>>([
        ['all', all],
        ['organisation#town-a-labour', org],
        ['organisation#other', { received: 50 }],
      ]);
    // Act
    const r = organisationReport(
      [
        { month: '2026-02', rows: rows({ received: 40 }, { received: 3, resolved: 2 }) },
        {
          month: '2026-03',
          rows: rows({ received: 90 }, { received: 5, resolved: 4, failed: 1, satisfactionCount: 5, satisfied: 4 }),
        },
      ],
      STRUCTURE,
      'town-a-labour',
    );
    // Assess
    expect(r).toMatchObject({ month: '2026-03', organisationId: 'town-a-labour', name: '范罗山街道劳动争议调委会' });
    expect(r.totals).toMatchObject({ received: 5, resolved: 4, resolutionRate: 0.8, satisfactionRate: 0.8 });
    expect(r.change).toEqual({ received: 2, resolved: 2 });
    expect(r.trend.map((t) => t.received)).toEqual([3, 5]);
    expect(r.satisfaction).toMatchObject({ rate: 0.8, target: 0.9, meets: false });
    expect(r.staffing).toMatchObject({ fullTime: 2, partTime: 0 });
  });

  it('lists consecutive months ending with the one asked, across years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 24 }),
        (y, m, n) => {
          const month = `${y}-${String(m).padStart(2, '0')}`;
          const months = monthsUpTo(month, n);
          const index = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5)) - 1;
          expect(months).toHaveLength(n);
          expect(months.at(-1)).toBe(month);
          for (const [i, x] of months.entries()) {
            expect(x).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
            if (i > 0) expect(index(x) - index(months[i - 1]!)).toBe(1);
          }
        },
      ),
    );
  });
});
