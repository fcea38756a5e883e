// Who may do what on every transfer route (issue 10's matrix), and every refusal as problem+json that
// writes nothing: an agency sees its own transfers, public security what was transferred to it, the
// procuratorate and admins everything; a case one may not see is 404, a step of another party 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFunctions } from '../../functions/index';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';
import { REPORT, TRANSFER } from './support';

let rt: LocalRuntime;
let api: Api;
type Who = 'officer' | 'head' | 'police' | 'proc' | 'court' | 'other' | 'admin' | 'samrKey' | 'psbKey';
const t = {} as Record<Who, string>;
let reported: string;
let transferred: string;

const keyOf = (id: string) => rt.credentials!.departments.find((d) => d.id === id)!.apiKey;
const post = (id: string, action: string, token: string, body: unknown = {}) =>
  api('POST', `/v1/transfer-cases/${id}/${action}`, { token, body });
const report = async (token: string, title = REPORT.title) => {
  const r = await api('POST', '/v1/transfer-cases', { token, body: { ...REPORT, title } });
  expect(r.status, r.text).toBe(201);
  return r.json.id as string;
};
const versionOf = async (id: string) => (await api('GET', `/v1/transfer-cases/${id}`, { token: t.admin })).json;

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  const users = { officer: 'samr.duty', head: 'samr.head', police: 'psb.duty', proc: 'procuratorate.duty' };
  for (const [k, u] of Object.entries({ ...users, court: 'court.duty', other: 'ndrc.duty', admin: 'admin' }))
    t[k as Who] = await login(api, u);
  t.samrKey = keyOf('samr');
  t.psbKey = keyOf('psb');
  reported = await report(t.officer, '待审批案');
  transferred = await report(t.samrKey, '已移送案');
  expect((await post(transferred, 'decide-approval', t.head, { approved: true })).status).toBe(200);
  expect((await post(transferred, 'transfer', t.samrKey, TRANSFER)).status).toBe(200);
});
afterAll(async () => rt?.stop());

describe('the authorisation matrix', () => {
  it('covers every transfer route', () => {
    const routes = allFunctions.filter((f) => f.service === 'transfers').flatMap((f) => f.routes ?? []);
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /v1/recommendations',
      'GET /v1/transfer-cases',
      'GET /v1/transfer-cases/{caseId}',
      'GET /v1/transfer-flags',
      'POST /v1/recommendations',
      'POST /v1/recommendations/{recommendationId}/{action}',
      'POST /v1/transfer-cases',
      'POST /v1/transfer-cases/{caseId}/{action}',
      'POST /v1/transfer-flags/{flagId}/decision',
      'POST /v1/transfer-penalty-cases',
    ]);
  });

  it('POST /v1/transfer-cases: enforcement agencies (staff or system) only', async () => {
    // Act
    const status = async (k: Who) => (await api('POST', '/v1/transfer-cases', { token: t[k], body: REPORT })).status;
    const got = Object.fromEntries(
      await Promise.all(
        (['officer', 'samrKey', 'other', 'police', 'psbKey', 'proc', 'court', 'admin'] as Who[]).map(async (k) => [
          k,
          await status(k),
        ]),
      ),
    );
    // Assess
    expect(got).toEqual({
      officer: 201,
      samrKey: 201,
      other: 201,
      police: 403,
      psbKey: 403,
      proc: 403,
      court: 403,
      admin: 403,
    });
  });

  it('GET /v1/transfer-cases/{caseId}: the agency, the police it went to, the procuratorate, admins; 404 for others', async () => {
    // Act
    const status = async (k: Who, id: string) => (await api('GET', `/v1/transfer-cases/${id}`, { token: t[k] })).status;
    const keys: Who[] = ['officer', 'samrKey', 'police', 'psbKey', 'proc', 'admin', 'other', 'court'];
    const before = await Promise.all(keys.map((k) => status(k, reported)));
    const after = await Promise.all(keys.map((k) => status(k, transferred)));
    // Assess
    expect(before).toEqual([200, 200, 404, 404, 200, 200, 404, 404]);
    expect(after).toEqual([200, 200, 200, 200, 200, 200, 404, 404]);
  });

  it('GET /v1/transfer-cases lists only what the caller may see, with filters', async () => {
    // Act
    const ids = async (k: Who, q = '') =>
      ((await api('GET', `/v1/transfer-cases${q}`, { token: t[k] })).json.items as { id: string }[]).map((i) => i.id);
    // Assess
    expect(await ids('officer')).toEqual(expect.arrayContaining([reported, transferred]));
    expect(await ids('police')).toEqual([transferred]);
    expect(await ids('court')).toEqual([]);
    expect(await ids('other')).not.toContain(reported);
    expect(await ids('proc')).toEqual(expect.arrayContaining([reported, transferred]));
    expect(await ids('admin', '?status=transferred')).toEqual([transferred]);
    expect(await ids('proc', '?agencyDepartmentId=ndrc')).not.toContain(reported);
    expect(await ids('proc', '?agencyDepartmentId=samr&offenceCategory=fake-products')).toContain(reported);
    expect(await ids('proc', '?offenceCategory=ip-trademark')).toEqual([]);
    expect((await api('GET', '/v1/transfer-cases?colour=red', { token: t.proc })).status).toBe(422);
  });

  it('POST …/{action}: only the party the step belongs to, and the head approves', async () => {
    // Prepare
    const bySystem = await report(t.samrKey, '系统审批案');
    // Act
    const approval = (k: Who) => post(reported, 'decide-approval', t[k], { approved: true });
    const refused = await Promise.all(
      (['officer', 'police', 'other', 'proc', 'admin', 'psbKey'] as Who[]).map(async (k) => (await approval(k)).status),
    );
    const byHead = await approval('head');
    const byKey = await post(bySystem, 'decide-approval', t.samrKey, { approved: true });
    const receive = async (k: Who) => (await post(transferred, 'receive', t[k])).status;
    const notPolice = await Promise.all((['officer', 'samrKey', 'proc', 'other', 'court'] as Who[]).map(receive));
    const byPolice = await post(transferred, 'receive', t.psbKey);
    // Assess
    expect(refused).toEqual([403, 404, 404, 403, 403, 404]);
    expect((await approval('head')).json.type).toMatch(/already-recorded$/);
    expect(byHead.status, byHead.text).toBe(200);
    expect(byKey.status, byKey.text).toBe(200);
    expect(notPolice).toEqual([403, 403, 403, 404, 404]);
    expect(byPolice.status, byPolice.text).toBe(200);
    expect(byPolice.json.status).toBe('under-review');
  });
});

describe('bad requests', () => {
  it('answer problem+json with the right status and write nothing', async () => {
    // Prepare
    const id = await report(t.officer, '错误请求案');
    const before = await versionOf(id);
    const raw = (body: string, token = t.head, type = 'application/json') =>
      api('POST', `/v1/transfer-cases/${id}/decide-approval`, { token, raw: body, headers: { 'content-type': type } });
    // Act
    const malformed = await raw('{"approved": tru');
    const oversized = await raw(JSON.stringify({ approved: true, reasons: 'x'.repeat(300_000) }));
    const invalid = await post(id, 'decide-approval', t.head, { approved: 'yes' });
    const unknownField = await post(id, 'decide-approval', t.head, { approved: true, colour: 'red' });
    const unknownAction = await post(id, 'approve-everything', t.head, {});
    const wrongParty = await post(id, 'decide-approval', t.officer, { approved: true });
    const wrongState = await post(id, 'hand-over', t.officer, {});
    const noReasons = await post(id, 'decide-approval', t.head, { approved: false });
    const wrongKind = await post(id, 'transfer', t.officer, { ...TRANSFER, policeDepartmentId: 'ndrc' });
    const tooFewOfficers = await api('POST', '/v1/transfer-cases', {
      token: t.officer,
      body: { ...REPORT, team: ['张执法'] },
    });
    const unknownCase = await post('01JZZZZZZZZZZZZZZZZZZZZZZZ', 'receive', t.police);
    // Assess
    const answers = {
      malformed,
      oversized,
      invalid,
      unknownField,
      unknownAction,
      wrongParty,
      wrongState,
      noReasons,
      wrongKind,
      tooFewOfficers,
      unknownCase,
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]))).toEqual({
      malformed: 400,
      oversized: 413,
      invalid: 422,
      unknownField: 422,
      unknownAction: 404,
      wrongParty: 403,
      wrongState: 409,
      noReasons: 422,
      wrongKind: 422,
      tooFewOfficers: 422,
      unknownCase: 404,
    });
    for (const r of Object.values(answers)) expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(malformed.json.type).toMatch(/malformed-json$/);
    expect(unknownAction.json.type).toMatch(/transfer-action-unknown$/);
    expect(wrongParty.json.type).toMatch(/head-required$/);
    expect(wrongState.json.type).toMatch(/transfer-transition-invalid$/);
    expect(wrongState.json.detail).toContain('待负责人审批');
    expect(wrongKind.json.errors[0]).toMatchObject({ path: 'policeDepartmentId', code: 'wrong-department-kind' });
    expect(tooFewOfficers.json.errors[0]).toMatchObject({ path: 'team', code: 'too-few' });
    const after = await versionOf(id);
    expect(after.version).toBe(before.version);
    expect(after.timeline).toEqual(before.timeline);
  });

  it('a retry with the same Idempotency-Key replays the answer; a different body under it conflicts', async () => {
    // Prepare
    const id = await report(t.officer, '重试案');
    const send = (body: unknown) =>
      api('POST', `/v1/transfer-cases/${id}/decide-approval`, {
        token: t.head,
        body,
        headers: { 'idempotency-key': 'approve-1' },
      });
    // Act
    const first = await send({ approved: true });
    const again = await send({ approved: true });
    const other = await send({ approved: false, reasons: '改变主意' });
    // Assess
    expect(first.status, first.text).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.version).toBe(first.json.version);
    expect(other.status).toBe(409);
    expect((await versionOf(id)).version).toBe(first.json.version);
  });
});
