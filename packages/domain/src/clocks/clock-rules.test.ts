import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCalendarOverride, packagedCalendar } from './calendar';
import { cityInstant, formatCityInstant } from './city-time';
import {
  type ClockContext,
  type ClockState,
  extendClock,
  meetClock,
  nextDueInstant,
  pauseClock,
  replanClock,
  resumeClock,
  startClock,
  tickClock,
} from './clock-state';
import { ClockExtensionError, ClockNotYetAllowedError, ClockPauseError, ClockPeriodError } from './errors';
import fixture2027 from './fixtures/calendar-2027.test-fixture.json' with { type: 'json' };
import { planDue } from './period';
import { applyPolicyOverrides, defaultPolicies, getClockPolicy } from './policies';
import type { ClockPolicy } from './policy-schema';

const at = cityInstant;
const iso = formatCityInstant;
const END = 'T23:59:59.999+08:00';
const ctx = (id: string, calendar = packagedCalendar): ClockContext => ({
  policy: getClockPolicy(defaultPolicies, id),
  calendar,
});

function start(
  c: ClockContext,
  startedAt: number,
  period?: { duration: string; documentNo: string; decidedBy: string },
) {
  return startClock(
    {
      id: 'c1',
      subject: { type: 'test-case', id: 's1' },
      departmentId: 'd1',
      startedAt,
      now: startedAt,
      ...(period ? { period } : {}),
    },
    c,
  );
}

describe('decided periods', () => {
  const c = ctx('integrity.sme-payment-contract');
  const decision = { documentNo: '采购合同〔2026〕18号', decidedBy: 'finance' };

  it('runs the term the contract sets, and records the period, its bound and the document', () => {
    // Act
    const { state, events } = start(c, at('2026-03-02T10:00'), { duration: 'P45D', ...decision });

    // Assess: Mar 2 + 45 = Apr 16 (Thu)
    expect(iso(state.dueAt)).toBe(`2026-04-16${END}`);
    expect(state).toMatchObject({ period: 'P45D', decision: { ...decision, max: 'P60D' }, policyVersion: 1 });
    expect(events[0]).toMatchObject({
      type: 'Clock.Started',
      data: { period: 'P45D', documentNo: decision.documentNo },
    });
  });

  it.each([
    [{ duration: 'P61D', ...decision }, 'period.duration', 'out-of-bounds'],
    [undefined, 'period', 'required'],
    [{ duration: 'PT5H', ...decision }, 'period.duration', 'invalid-duration'],
  ])('refuses %j naming the failing field', (period, path, code) => {
    // Act
    let error: unknown;
    try {
      start(c, at('2026-03-02T10:00'), period);
    } catch (e) {
      error = e;
    }

    // Assess
    expect(error).toBeInstanceOf(ClockPeriodError);
    expect((error as ClockPeriodError).issues.map((i) => [i.path.join('.'), i.code])).toEqual([[path, code]]);
  });

  it('refuses a decided period on a policy with a fixed one', () => {
    expect(() =>
      start(ctx('transfer.head-approval'), at('2026-03-02T10:00'), { duration: 'P2D', ...decision }),
    ).toThrow(ClockPeriodError);
  });
});

describe('typed pauses', () => {
  const c = ctx('transfer.reverse-review');
  const by = 'procuratorate.officer';

  it('keeps several open, runs again only when the last closes, and does not count the paused time', () => {
    // Prepare: 10 working days from Mon Mar 2 2026 → Mar 16
    const started = start(c, at('2026-03-02T10:00')).state;

    // Act
    const p1 = pauseClock(
      started,
      { at: at('2026-03-04T10:00'), reason: 'consulting-procuratorate', by, documentNo: '征求意见函1号' },
      c,
    );
    const p2 = pauseClock(p1.state, { at: at('2026-03-05T10:00'), reason: 'reconsideration', by }, c);
    const r1 = resumeClock(p2.state, { at: at('2026-03-06T10:00'), reason: 'consulting-procuratorate', by }, c);
    const r2 = resumeClock(r1.state, { at: at('2026-03-10T10:00'), pauseId: 'p2', by }, c);

    // Assess
    expect(iso(started.dueAt)).toBe(`2026-03-16${END}`);
    expect(p2.events[0]).toMatchObject({ type: 'Clock.Paused', data: { openPauses: 2, reason: 'reconsideration' } });
    expect(r1.state.status).toBe('paused');
    expect(r1.events[0]).toMatchObject({ type: 'Clock.Resumed', data: { running: false } });
    expect(tickClock(r1.state, at('2026-04-01')).events).toEqual([]);
    expect(r2.state.status).toBe('running');
    // Paused Mar 4 → Mar 10 (one span): 8 working days left after Mar 4 → counted after Mar 10: Mar 20
    expect(iso(r2.state.dueAt)).toBe(`2026-03-20${END}`);
    expect(r2.state.pauses.map((p) => [p.id, p.reason, p.documentNo ?? null])).toEqual([
      ['p1', 'consulting-procuratorate', '征求意见函1号'],
      ['p2', 'reconsideration', null],
    ]);
  });

  it('refuses a reason the policy does not list, and names the accepted ones', () => {
    // Act
    let error: unknown;
    try {
      pauseClock(start(c, at('2026-03-02T10:00')).state, { at: at('2026-03-03T10:00'), reason: 'holiday', by }, c);
    } catch (e) {
      error = e;
    }

    // Assess
    expect(error).toBeInstanceOf(ClockPauseError);
    expect((error as ClockPauseError).issues[0]).toMatchObject({ path: ['reason'], code: 'not-accepted' });
    expect((error as ClockPauseError).issues[0]?.message).toContain('consulting-procuratorate');
  });

  it('asks which pause ends when several are open', () => {
    const s = start(c, at('2026-03-02T10:00')).state;
    const two = pauseClock(
      pauseClock(s, { at: at('2026-03-03T10:00'), reason: 'reconsideration', by }, c).state,
      { at: at('2026-03-03T11:00'), reason: 'suspect-petition', by },
      c,
    ).state;
    expect(() => resumeClock(two, { at: at('2026-03-04T10:00'), by }, c)).toThrow('name the one that ends');
  });
});

describe('extensions with consent', () => {
  const c = ctx('mediation.default');
  const ext = { decidedBy: 'mediator.li', role: 'mediator', reason: '双方同意延长' };
  const consent = { parties: ['申请人张某', '被申请人李某'], documentNo: '延期同意书1号' };

  it('allows one extension without consent, and more without limit when both parties consent', () => {
    // Prepare: Mar 2 + 1 month = Apr 2
    const s = start(c, at('2026-03-02T10:00')).state;

    // Act
    const once = extendClock(s, { ...ext, by: 'P1M', at: at('2026-03-10T10:00') }, c).state;
    const refused = () => extendClock(once, { ...ext, by: 'P1M', at: at('2026-03-11T10:00') }, c);
    const twice = extendClock(once, { ...ext, by: 'P2M', at: at('2026-03-11T10:00'), consent }, c);
    const thrice = extendClock(twice.state, { ...ext, by: 'P1M', at: at('2026-03-12T10:00'), consent }, c);

    // Assess
    expect(refused).toThrow(ClockExtensionError);
    expect(iso(once.dueAt)).toBe(`2026-05-06${END}`); // May 2 (Sat) rolls past 劳动节 May 1–5 to May 6
    expect(twice.events[0]).toMatchObject({ type: 'Clock.Extended', data: { consent } });
    // unrolled Apr 2 → May 2 → Jul 2 → Aug 2 (Sun) → Aug 3
    expect(iso(thrice.state.dueAt)).toBe(`2026-08-03${END}`);
    expect(thrice.state.extensions.map((e) => Boolean(e.consent))).toEqual([false, true, true]);
  });

  it('refuses consent from one party only', () => {
    const s = extendClock(start(c, at('2026-03-02T10:00')).state, { ...ext, by: 'P1M', at: at('2026-03-10T10:00') }, c);
    expect(() =>
      extendClock(s.state, { ...ext, by: 'P1M', at: at('2026-03-11T10:00'), consent: { parties: ['申请人张某'] } }, c),
    ).toThrow('at most 1 time');
  });
});

describe('"not before" clocks', () => {
  const c = ctx('integrity.repair-general');

  it('allows the act only after the minimum publication period, and never warns or breaches', () => {
    // Prepare: document of Jan 31 2026; minimum publication 3 months → Apr 30 (no roll)
    const { state } = start(c, at('2026-01-31T10:00'));

    // Act
    const early = () => meetClock(state, at('2026-04-30T12:00'));
    const onTime = meetClock(state, at('2026-05-01T00:00'));

    // Assess
    expect(iso(state.dueAt)).toBe(`2026-04-30${END}`);
    expect(nextDueInstant(state)).toBeNull();
    expect(tickClock(state, at('2027-01-01')).events).toEqual([]);
    expect(early).toThrow(ClockNotYetAllowedError);
    expect(onTime.state).toMatchObject({ status: 'met', metLate: false });
  });
});

describe('policy versions and re-planning', () => {
  it('runs a clock under the version it started with until an admin re-plans it', () => {
    // Prepare
    const v1 = ctx('transfer.filing-decision-economic');
    const tightened = applyPolicyOverrides(defaultPolicies, [
      { id: 'transfer.filing-decision-economic', duration: 'P7D' },
    ]);
    const v2: ClockContext = {
      policy: getClockPolicy(tightened, 'transfer.filing-decision-economic'),
      calendar: packagedCalendar,
    };
    const s = start(v1, at('2026-03-02T10:00')).state;

    // Act
    const replanned = replanClock(s, v2, { at: at('2026-03-03T10:00'), cause: 'policy' });

    // Assess
    expect(iso(s.dueAt)).toBe(`2026-03-12${END}`);
    expect(s.policyVersion).toBe(1);
    expect(iso(replanned.state.dueAt)).toBe(`2026-03-09${END}`);
    expect(replanned.state.policyVersion).toBe(2);
    expect(replanned.events[0]).toMatchObject({
      type: 'Clock.Replanned',
      data: { cause: 'policy', previousPolicyVersion: 1, policyVersion: 2 },
    });
    expect(replanClock(replanned.state, v2, { at: at('2026-03-03T11:00'), cause: 'policy' }).events).toEqual([]);
  });

  it('recomputes a provisional due when the year is loaded, and says it moved', () => {
    // Prepare: P3D from Dec 29 2026 is provisional Jan 1 2027 (weekends only)
    const c = ctx('transfer.head-approval');
    const s = start(c, at('2026-12-29T10:00')).state;
    const loaded: ClockContext = { ...c, calendar: loadCalendarOverride(fixture2027) };

    // Act
    const r = replanClock(s, loaded, { at: at('2026-12-30T10:00'), cause: 'calendar' });

    // Assess
    expect(s.provisionalYears).toEqual([2027]);
    expect(r.state.provisionalYears).toEqual([]);
    expect(iso(r.state.dueAt)).toBe(`2027-01-04${END}`);
    expect(r.events[0]).toMatchObject({ type: 'Clock.Replanned', data: { cause: 'calendar', provisional: false } });
  });
});

describe('clock state machine properties', () => {
  const policies: ClockPolicy[] = ['transfer.reverse-review', 'mediation.default', 'mediation.court-delegated'].map(
    (id) => getClockPolicy(defaultPolicies, id),
  );
  const DAY = 86_400_000;
  const step = fc.oneof(
    fc.record({
      kind: fc.constant('pause' as const),
      after: fc.integer({ min: 0, max: 5 * DAY }),
      reason: fc.integer({ min: 0, max: 3 }),
    }),
    fc.record({
      kind: fc.constant('resume' as const),
      after: fc.integer({ min: 0, max: 5 * DAY }),
      reason: fc.integer({ min: 0, max: 3 }),
    }),
    fc.record({
      kind: fc.constant('extend' as const),
      after: fc.integer({ min: 0, max: 5 * DAY }),
      consent: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('tick' as const), after: fc.integer({ min: 0, max: 5 * DAY }) }),
  );

  it('always holds the due a fresh computation from its recorded history gives, and never a due that shrank by pausing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.integer({ min: at('2026-01-01'), max: at('2026-08-01') }),
        fc.array(step, { maxLength: 12 }),
        (policy, t0, steps) => {
          // Prepare
          const c: ClockContext = { policy, calendar: packagedCalendar };
          let state: ClockState = start(c, t0).state;
          let now = t0;
          const first = state.dueAt;

          // Act
          for (const s of steps) {
            now += s.after;
            const reason =
              policy.pauseReasons[s.kind === 'pause' || s.kind === 'resume' ? s.reason % policy.pauseReasons.length : 0]
                ?.code ?? 'x';
            try {
              if (s.kind === 'pause') state = pauseClock(state, { at: now, reason, by: 'u' }, c).state;
              if (s.kind === 'resume') state = resumeClock(state, { at: now, reason, by: 'u' }, c).state;
              if (s.kind === 'tick') state = tickClock(state, now).state;
              if (s.kind === 'extend') {
                const unit = policy.counting === 'months' ? 'P1M' : 'P2D';
                const role = policy.extension?.allowedRoles[0] ?? 'nobody';
                const consent = s.consent ? { parties: ['甲', '乙'] } : undefined;
                state = extendClock(
                  state,
                  { by: unit, role, decidedBy: 'u', reason: 'r', at: now, ...(consent ? { consent } : {}) },
                  c,
                ).state;
              }
            } catch {
              // refused commands leave the state as it was
            }
          }

          // Assess
          if (state.status !== 'paused') expect(state.dueAt).toBe(planDue(state, state, packagedCalendar).dueAt);
          expect(state.dueAt).toBeGreaterThanOrEqual(first);
          expect(state.unrolledDueAt).toBeLessThanOrEqual(state.dueAt);
          const open = state.pauses.filter((p) => p.to === undefined);
          expect(open.length > 0).toBe(state.status === 'paused');
        },
      ),
      { numRuns: 300 },
    );
  });
});
