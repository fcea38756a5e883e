import { ManualClock } from '@fazhi/domain/clock';
import * as st from '@fazhi/domain/mediation/case-state';
import { type CaseDecision, MEDIATION_EVENT_TYPES, type MediationCase } from '@fazhi/domain/mediation/case-types';
import { DISPUTE_TYPE_CODES, INTAKE_SOURCE_CODES } from '@fazhi/domain/mediation/taxonomy';
import { courtDelegation, DAY, STRUCTURE, T0 } from '@fazhi/domain/mediation/test-fixtures';
import { detailSchemaOf, findCatalogEntry } from '@fazhi/events/catalog';
import { disputeTypeSchema, intakeSourceSchema } from '@fazhi/events/parts/mediation';
import { type NewEvent, newEventItem } from '@fazhi/platform/ddb/outbox';
import { idFactory } from '@fazhi/platform/deps';
import { describe, expect, it } from 'vitest';
import { caseEventOf } from './case-events';

const clock = new ManualClock(T0);
const ids = idFactory(clock);

/** Every step of a case, with every event in its wire form. */
function life(): NewEvent[] {
  const out: NewEvent[] = [];
  let t = T0;
  const tick = () => {
    t += 1;
    return t;
  };
  const step = (d: CaseDecision): MediationCase => {
    out.push(...d.events.map((e) => caseEventOf(e, d.state, STRUCTURE)));
    return d.state;
  };
  let c = step(st.receiveCase(courtDelegation(), t));
  c = step(st.setTier(c, 'major', 'justice.leader', 'hub', tick()));
  c = step(st.dispatchCase(c, { organisationId: 'town-a', suggested: 'town-a-labour', by: 'hub' }, tick()));
  c = step(
    st.answerDispatch(c, { organisationId: 'town-a', accepted: false, reason: '不属本会受理', by: 'm3' }, tick()),
  );
  c = step(st.dispatchCase(c, { organisationId: 'town-a-labour', jointWith: ['town-a'], by: 'hub' }, tick()));
  c = step(st.answerDispatch(c, { organisationId: 'town-a-labour', accepted: true, by: 'm1' }, tick()));
  c = step(st.recordConsent(c, { partyId: 'p1', given: true, by: 'm1', via: 'signed' }, tick()));
  c = step(st.recordConsent(c, { partyId: 'p2', given: true, by: 'm1', via: 'phone' }, tick()));
  c = step(st.assignMediators(c, ['m1'], false, 'm1', tick()));
  c = step(
    st.recordSession(
      c,
      { at: t, place: '调解室', participants: ['张某'], summary: '陈述', nextStep: '再谈' },
      'm1',
      tick(),
    ),
  );
  c = step(st.pauseLimit(c, 'awaiting-materials', 'm1', tick()));
  c = step(st.resumeLimit(c, 'awaiting-materials', 'm1', tick()));
  c = step(
    st.extendLimit(
      c,
      { by: 'm1', role: 'mediator', duration: 'P15D', reason: '双方同意', consentOf: ['p1', 'p2'] },
      tick(),
    ),
  );
  c = step(st.reportRisk(c, 'violence', '情绪激动', 'm1', tick()));
  c = step(st.receiveRisk(c, '已出警', 'psb.duty', tick()));
  c = step(
    st.recordAgreement(
      c,
      {
        documentNo: '调〔2026〕1号',
        facts: '拖欠',
        terms: ['支付'],
        amountFen: 100,
        performanceDueAt: t + 10 * DAY,
        prevented: { groupPetition: { people: 3 } },
        by: 'm1',
      },
      tick(),
    ),
  );
  c = step(st.applyConfirmation(c, 'court', 'm1', tick()));
  c = step(st.courtAccepts(c, 'dept.court', tick()));
  c = step(st.courtDecides(c, true, 'dept.court', tick()));
  c = step(st.recordPerformance(c, 'full', '已履行', 'm1', tick()));
  c = step(st.closeCase(c, 'm1', tick()));
  c = step(st.recordVisit(c, '回访', 'm1', tick()));
  step(st.recordSatisfaction(c, { partyId: 'p1', score: 5, comment: '', via: 'call' }, 'm1', tick()));
  // A refusal of consent ends a second case as failed.
  const other = st.receiveCase(courtDelegation({ id: '01JMEDCASE000000000000000B' }), T0);
  step(st.recordConsent(other.state, { partyId: 'p2', given: false, by: 'hub', via: 'phone' }, T0 + 1));
  return out;
}

describe('mediation case events in the catalog’s wire form', () => {
  it('publishes every step as a valid catalog event', () => {
    // Act
    const events = life();
    // Assess
    expect([...new Set(events.map((e) => e.detailType))].sort()).toEqual([...MEDIATION_EVENT_TYPES].sort());
    for (const e of events) {
      const entry = findCatalogEntry(e.detailType);
      expect(entry, e.detailType).toBeDefined();
      const detail = newEventItem({ clock, newId: ids }, e).detail;
      const parsed = detailSchemaOf(entry!).safeParse(detail);
      expect(parsed.error?.issues ?? [], e.detailType).toEqual([]);
    }
  });

  it('names the referring court, the organisation and the hub in every event', () => {
    // Act
    const events = life().filter((e) => (e.data as { caseId: string }).caseId === '01JMEDCASE000000000000000A');
    // Assess
    for (const e of events)
      expect(e.data).toMatchObject({ referringDepartmentId: 'court', hubDepartmentId: 'justice' });
    const accepted = events.find((e) => e.detailType === 'MediationCase.Accepted')!;
    expect(accepted.data).toMatchObject({ organisationId: 'town-a-labour', jointWith: ['town-a'] });
    const applied = events.find((e) => e.detailType === 'MediationCase.ConfirmationApplied')!;
    expect(applied.data).toMatchObject({ courtDepartmentId: 'court', documentNo: '调〔2026〕1号' });
  });

  it('uses the same dispute-type and intake-source codes as the domain', () => {
    expect(disputeTypeSchema.options).toEqual(DISPUTE_TYPE_CODES);
    expect(intakeSourceSchema.options).toEqual(INTAKE_SOURCE_CODES);
  });
});
