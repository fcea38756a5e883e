import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import {
  answerDispatch,
  applyConfirmation,
  closeCase,
  courtAccepts,
  courtDecides,
  dispatchCase,
  receiveCase,
  recordAgreement,
  recordConsent,
  recordFailure,
  recordPerformance,
  recordSatisfaction,
  recordSession,
  recordVisit,
  reportRisk,
} from './case-state';
import type { CaseDecision, MediationCase } from './case-types';
import { courtDelegation, DAY, T0 } from './test-fixtures';

// Any sequence of commands, valid or not, on one case: a refused command changes nothing, an
// accepted one moves the version by one and announces it, and the clock intents keep the running
// set the case believes in (no clock met or cancelled twice, none started twice).

const ORGS = ['town-a', 'town-a-labour', 'village-b'];
type Op = (c: MediationCase, now: number) => CaseDecision;
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom(...ORGS).map(
    (o): Op =>
      (c, now) =>
        dispatchCase(c, { organisationId: o, by: 'hub' }, now),
  ),
  fc.tuple(fc.constantFrom(...ORGS), fc.boolean()).map(
    ([o, ok]): Op =>
      (c, now) =>
        answerDispatch(c, { organisationId: o, accepted: ok, reason: '理由', by: 'x' }, now),
  ),
  fc.tuple(fc.constantFrom('p1', 'p2'), fc.boolean()).map(
    ([p, g]): Op =>
      (c, now) =>
        recordConsent(c, { partyId: p, given: g, by: 'x', via: 'phone' }, now),
  ),
  fc.constant<Op>((c, now) =>
    recordSession(c, { at: now, place: '室', participants: [], summary: '', nextStep: '' }, 'm', now),
  ),
  fc.constant<Op>((c, now) =>
    recordAgreement(
      c,
      { documentNo: 'doc', facts: '', terms: ['t'], amountFen: 100, performanceDueAt: now + 20 * DAY, by: 'm' },
      now,
    ),
  ),
  fc.constant<Op>((c, now) => recordFailure(c, '不成', ['litigation'], 'm', now)),
  fc.constant<Op>((c, now) => applyConfirmation(c, 'court', 'm', now)),
  fc.constant<Op>((c, now) => courtAccepts(c, 'court', now)),
  fc.boolean().map(
    (ok): Op =>
      (c, now) =>
        courtDecides(c, ok, 'court', now),
  ),
  fc.constant<Op>((c, now) => recordPerformance(c, 'full', '', 'm', now)),
  fc.constant<Op>((c, now) => closeCase(c, 'm', now)),
  fc.constant<Op>((c, now) => recordVisit(c, '', 'm', now)),
  fc.tuple(fc.constantFrom('p1', 'p2'), fc.integer({ min: 1, max: 5 })).map(
    ([p, s]): Op =>
      (c, now) =>
        recordSatisfaction(c, { partyId: p, score: s as 1, comment: '', via: 'call' }, 'm', now),
  ),
  fc.constant<Op>((c, now) => reportRisk(c, 'violence', '', 'm', now)),
);

describe('mediation case under any sequence of commands', () => {
  it('keeps its version, events and clocks consistent', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const first = receiveCase(courtDelegation(), T0);
        let c = first.state;
        const running = new Set(first.clocks.map((x) => x.key));
        const ever = new Set(running);
        let now = T0;
        for (const apply of ops) {
          now += DAY;
          let d: CaseDecision;
          try {
            d = apply(c, now);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            continue;
          }
          expect(d.state.version).toBe(c.version + 1);
          expect(d.events.length).toBeGreaterThan(0);
          for (const ev of d.events) expect(ev.data.version).toBe(d.state.version);
          for (const intent of d.clocks) {
            if (intent.kind === 'start') {
              expect(ever.has(intent.key)).toBe(false);
              running.add(intent.key);
              ever.add(intent.key);
            } else if (intent.kind === 'meet' || intent.kind === 'cancel') {
              expect(running.has(intent.key)).toBe(true);
              running.delete(intent.key);
            } else expect(running.has(intent.key)).toBe(true);
          }
          const believed = Object.entries(d.state.clocks)
            .filter(([, v]) => v?.running)
            .map(([k]) => k);
          expect(new Set(believed)).toEqual(running);
          c = d.state;
        }
        // An ended case has no mediation clocks left running.
        if (c.status === 'failed' || c.status === 'agreed' || c.status === 'closed') {
          expect(running.has('limit')).toBe(false);
          expect(running.has('respondent')).toBe(false);
          expect([...running].some((k) => k.startsWith('dispatch-'))).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });
});
