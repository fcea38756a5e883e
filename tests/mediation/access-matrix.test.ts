// The authorisation matrix of every mediation route, generated from the wiring: a route added
// tomorrow without an entry here fails the first test. Callers who have nothing to do with a case
// (another department, a justice-bureau user without the hub role, a mediator of another
// organisation, a department system) get 403 problem+json with a body that is otherwise valid, so
// the refusal is the authorisation's, not the validation's; the callers the issue allows are not
// refused (they may still get 409 when the case is not in a state for the step).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFunctions } from '../../functions/index';
import { DEFAULT_AGREEMENT_TEMPLATE } from '../../packages/domain/src/mediation/agreement-template';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import type { RouteWiring } from '../../packages/platform/src/wiring';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';

const allRoutes: RouteWiring[] = allFunctions.filter((f) => f.service === 'mediation').flatMap((f) => f.routes ?? []);
/** The public form and the satisfaction links need no login (tests/mediation/public-intake.test.ts). */
const PUBLIC = [
  'GET /v1/public/mediation/form',
  'POST /v1/public/mediation/phone-codes',
  'POST /v1/public/mediation/applications',
  'GET /v1/public/mediation/applications/{token}',
  'GET /v1/public/mediation/satisfaction/{token}',
  'POST /v1/public/mediation/satisfaction/{token}',
];
const routes = allRoutes.filter((r) => r.auth !== 'none');
const key = (r: RouteWiring) => `${r.method} ${r.path}`;
const at = new Date(Date.now() - 60_000).toISOString();
const parties = [
  { id: 'p1', role: 'applicant', name: '甲' },
  { id: 'p2', role: 'respondent', name: '乙' },
];

type Caller =
  | 'admin'
  | 'hub'
  | 'mediator'
  | 'otherMediator'
  | 'justiceUser'
  | 'propaganda'
  | 'petition'
  | 'psbKey'
  | 'deptKey';

/** A valid request per route, and who may make it (everyone else is refused). */
const MATRIX: Record<string, { body?: unknown; query?: string; allowed: Caller[] }> = {
  'GET /v1/mediation/structure': { allowed: ['admin', 'hub', 'mediator', 'otherMediator'] },
  'PUT /v1/mediation/structure': { body: 'structure', allowed: ['admin', 'hub'] },
  'GET /v1/mediation/dispatch-rules': { allowed: ['admin', 'hub', 'mediator', 'otherMediator'] },
  'PUT /v1/mediation/dispatch-rules': { body: { rules: [] }, allowed: ['admin', 'hub'] },
  'GET /v1/mediation/agreement-template': { allowed: ['admin', 'hub'] },
  // Allowed callers after the first save get 409 (stale version 0), which is not a refusal.
  'PUT /v1/mediation/agreement-template': {
    body: { version: 0, template: DEFAULT_AGREEMENT_TEMPLATE },
    allowed: ['admin', 'hub'],
  },
  'POST /v1/mediation-cases': {
    body: {
      source: 'window',
      title: '纠纷',
      summary: '摘要',
      disputeType: 'other',
      regionCode: '340202',
      peopleInvolved: 2,
      parties,
    },
    allowed: ['admin', 'hub'],
  },
  'GET /v1/mediation-cases': { query: 'queue=intake', allowed: ['admin', 'hub'] },
  'GET /v1/mediation-cases/{caseId}': { allowed: ['admin', 'hub', 'mediator'] },
  'GET /v1/mediation-cases/{caseId}/suggestions': { allowed: ['admin', 'hub'] },
  // The case has no agreement yet: those allowed get 404, the others 403 before that.
  'GET /v1/mediation-cases/{caseId}/agreement.pdf': { allowed: ['admin', 'hub', 'mediator'] },
  'GET /v1/mediation/reports/monthly': { query: 'month=2026-12', allowed: ['admin', 'hub'] },
  'POST /v1/mediation-cases/{caseId}/dispatch': { body: { organisationId: 'tianmenshan' }, allowed: ['admin', 'hub'] },
  'POST /v1/mediation-cases/{caseId}/answer': { body: { accepted: true }, allowed: ['admin', 'hub', 'mediator'] },
  'POST /v1/mediation-cases/{caseId}/consent': {
    body: { partyId: 'p1', given: true, via: 'signed' },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/mediators': {
    body: { mediatorIds: ['fls-zhou'] },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/tier': { body: { tier: 'difficult' }, allowed: ['admin', 'hub'] },
  'POST /v1/mediation-cases/{caseId}/session': {
    body: { at, place: '调解室', participants: [], summary: '记录', nextStep: '下一步' },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/extend': {
    body: { duration: 'P5D', reason: '同意', consentOf: ['p1', 'p2'] },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/pause': {
    body: { reason: 'parties-agree' },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/resume': { body: {}, allowed: ['admin', 'hub', 'mediator'] },
  'POST /v1/mediation-cases/{caseId}/risk': {
    body: { kind: 'violence', note: '风险' },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/risk-receipt': { body: {}, allowed: ['admin', 'hub', 'psbKey'] },
  'POST /v1/mediation-cases/{caseId}/agreement': {
    body: {
      documentNo: '1',
      facts: '事实',
      terms: ['条款'],
      amountFen: 0,
      performanceDueAt: new Date(Date.now() + 9e8).toISOString(),
    },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/failure': {
    body: { reason: '不成', routesTold: ['litigation'] },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/confirmation': {
    body: { courtDepartmentId: 'court' },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/performance': {
    body: { honoured: 'full', note: '已履行' },
    allowed: ['admin', 'hub', 'mediator'],
  },
  'POST /v1/mediation-cases/{caseId}/close': { body: {}, allowed: ['admin', 'hub', 'mediator'] },
  'POST /v1/mediation-cases/{caseId}/visit': { body: { note: '回访' }, allowed: ['admin', 'hub', 'mediator'] },
  'POST /v1/mediation-cases/{caseId}/satisfaction': {
    body: { partyId: 'p1', score: 5, via: 'call' },
    allowed: ['admin', 'hub', 'mediator'],
  },
};
const CALLERS: Caller[] = [
  'admin',
  'hub',
  'mediator',
  'otherMediator',
  'justiceUser',
  'propaganda',
  'petition',
  'psbKey',
  'deptKey',
];

let rt: LocalRuntime;
let api: Api;
const tokens = {} as Record<Caller, string>;
let structure: unknown;

/** A window case dispatched to 范罗山街道人民调解委员会, whose mediator is `mediator`. */
async function dispatchedCase(): Promise<string> {
  const made = await api('POST', '/v1/mediation-cases', {
    token: tokens.hub,
    body: MATRIX['POST /v1/mediation-cases']!.body,
  });
  expect(made.status, made.text).toBe(201);
  const sent = await api('POST', `/v1/mediation-cases/${made.json.id}/dispatch`, {
    token: tokens.hub,
    body: { organisationId: 'fanluoshan' },
  });
  expect(sent.status, sent.text).toBe(200);
  return made.json.id;
}

async function call(r: RouteWiring, caller: Caller, caseId: string) {
  const m = MATRIX[key(r)]!;
  const path = r.path.replace('{caseId}', caseId) + (m.query ? `?${m.query}` : '');
  const body = m.body === 'structure' ? structure : m.body;
  return api(r.method, path, { token: tokens[caller], ...(body !== undefined ? { body } : {}) });
}

beforeAll(async () => {
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
  const keyOf = (id: string) => rt.credentials!.departments.find((d) => d.id === id)!.apiKey;
  const users: [Caller, string][] = [
    ['admin', 'admin'],
    ['hub', 'justice.hub'],
    ['mediator', 'fanluoshan.zhou'],
    ['otherMediator', 'tianmenshan.li'],
    ['justiceUser', 'justice.duty'],
    ['propaganda', 'propaganda.duty'],
    ['petition', 'petition.duty'],
  ];
  for (const [caller, username] of users) tokens[caller] = await login(api, username);
  tokens.psbKey = keyOf('psb');
  tokens.deptKey = keyOf('samr');
  structure = (await api('GET', '/v1/mediation/structure', { token: tokens.hub })).json.structure;
});
afterAll(async () => rt?.stop());

describe('mediation authorisation matrix', () => {
  it('covers every mediation route', () => {
    expect(routes.map(key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('has no public route but the online form’s and the satisfaction links’, all under /v1/public/', () => {
    const open = allRoutes.filter((r) => r.auth === 'none');
    expect(open.map(key).sort()).toEqual([...PUBLIC].sort());
    expect(open.every((r) => r.path.startsWith('/v1/public/mediation/'))).toBe(true);
  });

  it.each(
    routes.flatMap((r) =>
      CALLERS.filter((c) => !MATRIX[key(r)]!.allowed.includes(c)).map((c) => [key(r), c, r] as const),
    ),
  )('%s refuses %s with 403 problem+json', async (_k, caller, r) => {
    // Prepare
    const caseId = await dispatchedCase();
    // Act
    const res = await call(r, caller, caseId);
    // Assess
    expect(res.status, res.text).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each(routes.flatMap((r) => MATRIX[key(r)]!.allowed.map((c) => [key(r), c, r] as const)))(
    '%s lets %s through',
    async (_k, caller, r) => {
      // Prepare
      const caseId = await dispatchedCase();
      // Act
      const res = await call(r, caller, caseId);
      // Assess
      expect([401, 403], res.text).not.toContain(res.status);
      expect(res.status, res.text).toBeLessThan(500);
    },
  );
});
