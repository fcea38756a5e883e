// Detection (issue 10 item 5): an agency posts its penalty cases; the service judges them against the
// thresholds and its transfers and sends each flag to the procuratorate with its Chinese explanation;
// a procurator confirms or dismisses it. A dismissed flag stays dismissed while the case is re-posted
// unchanged and is raised again when the case changes. Plus who may do it, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import { REPORT } from './support';

let rt: LocalRuntime;
let api: Api;
const t = {} as Record<'officer' | 'police' | 'proc' | 'admin' | 'samrKey' | 'procKey' | 'court', string>;
const WAN = 1_000_000;

const base = {
  decisionNo: '芜市监罚〔2026〕1号',
  violationType: '销售伪劣产品',
  facts: '销售以假充真的产品',
  legalBasis: '《中华人民共和国产品质量法》第五十条',
  penaltyCategories: ['罚款', '没收违法所得'],
  penaltyContent: '罚款并没收违法所得',
  fineFen: 2 * WAN,
  confiscatedFen: 0,
  decidedOn: '2026-03-01',
  partyName: '某商贸有限公司',
  partyKind: 'unit',
  authorityName: '芜湖市市场监督管理局',
};
const A = { ...base, caseNo: 'D-A', offenceCategory: 'fake-products', amounts: { salesAmount: 12 * WAN } };
const B = { ...base, caseNo: 'D-B', offenceCategory: 'fake-products', amounts: { salesAmount: 3 * WAN } };
const C = {
  ...base,
  caseNo: 'D-C',
  decisionNo: '芜市监罚〔2026〕3号',
  partyKind: 'individual',
  offenceCategory: 'illegal-business',
  amounts: { illegalGain: 2 * WAN },
};
const D = { ...base, caseNo: 'D-D', decisionNo: '芜市监罚〔2026〕4号', suspectedCrime: true };
const E = {
  ...base,
  caseNo: REPORT.enforcementCaseNo,
  decisionNo: '芜市监罚〔2026〕5号',
  offenceCategory: 'fake-products',
  amounts: { salesAmount: 12 * WAN },
};

type FlagView = { id: string; kind: string; caseNo: string; explanation: string; status: string; decision?: any };
const postCases = (cases: unknown[], token = t.officer) =>
  api('POST', '/v1/transfer-penalty-cases', { token, body: { cases } });
const flags = async (q = '') =>
  (await api('GET', `/v1/transfer-flags${q}`, { token: t.proc })).json.items as FlagView[];
const decide = (id: string, body: unknown, token = t.proc) =>
  api('POST', `/v1/transfer-flags/${id}/decision`, { token, body });

async function raisedInInbox(): Promise<{ flagId: string; explanation: string }[]> {
  const out: { flagId: string; explanation: string }[] = [];
  let after = '';
  for (;;) {
    const r = await api('GET', `/v1/inbox?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`, {
      token: t.procKey,
    });
    const items = r.json.items as { event: Record<string, any> }[];
    for (const { event } of items) if (event['detail-type'] === 'TransferFlag.Raised') out.push(event.detail.data);
    if (items.length === 0) return out;
    after = r.json.next as string;
  }
}

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  t.officer = await login(api, 'samr.duty');
  t.police = await login(api, 'psb.duty');
  t.proc = await login(api, 'procuratorate.duty');
  t.court = await login(api, 'court.duty');
  t.admin = await login(api, 'admin');
  const keyOf = (id: string) => rt.credentials!.departments.find((d) => d.id === id)!.apiKey;
  t.samrKey = keyOf('samr');
  t.procKey = keyOf('procuratorate');
  // A transfer reported for case E but not yet transferred: its penalty is a 以罚代刑, not a 有案不移.
  expect((await api('POST', '/v1/transfer-cases', { token: t.officer, body: REPORT })).status).toBe(201);
});
afterAll(async () => rt?.stop());

describe('detection of 有案不移 and 以罚代刑', () => {
  let flagA: string;

  it('a set of penalty cases and the thresholds give exactly the expected flags, each explained', async () => {
    // Act
    const r = await postCases([A, B, C, D, E], t.samrKey);
    // Assess
    expect(r.status, r.text).toBe(200);
    expect(r.json.items.map((i: any) => [i.caseNo, i.outcome, i.flags.length])).toEqual([
      ['D-A', 'created', 1],
      ['D-B', 'created', 0],
      ['D-C', 'created', 1],
      ['D-D', 'created', 1],
      [REPORT.enforcementCaseNo, 'created', 1],
    ]);
    const all = await flags();
    expect(all.map((f) => [f.caseNo, f.kind, f.status]).sort()).toEqual(
      [
        ['D-A', 'untransferred', 'open'],
        ['D-C', 'untransferred', 'open'],
        ['D-D', 'penalty-instead', 'open'],
        [REPORT.enforcementCaseNo, 'penalty-instead', 'open'],
      ].sort(),
    );
    const a = all.find((f) => f.caseNo === 'D-A')!;
    flagA = a.id;
    expect(a.explanation).toMatch(
      /^销售金额 12 万元 ≥ 阈值 5 万元（生产、销售伪劣产品罪），依据 《中华人民共和国刑法》第一百四十条/,
    );
    expect(a.explanation).toMatch(/第三条；未移送$/);
    expect(all.find((f) => f.caseNo === 'D-C')!.explanation).toMatch(
      /^违法所得数额 2 万元 ≥ 阈值 1 万元（非法经营罪）.*未移送（该标准尚待本地确认）$/,
    );
    expect(all.find((f) => f.caseNo === 'D-D')!.explanation).toContain('执法机关认定涉嫌犯罪');
    expect(all.find((f) => f.caseNo === REPORT.enforcementCaseNo)!.explanation).toContain('已提出移送报告但尚未移送');
  });

  it('each flag reaches the procuratorate’s inbox with its explanation', async () => {
    // Act
    const got = await eventually(async () => {
      const raised = await raisedInInbox();
      return raised.length >= 4 && raised;
    }, 'the four TransferFlag.Raised');
    // Assess
    expect(got.find((e) => e.flagId === flagA)!.explanation).toContain('销售金额 12 万元 ≥ 阈值 5 万元');
    expect(got).toHaveLength(4);
  });

  it('a dismissed flag stays dismissed when the case is re-posted unchanged, and is raised again when it changes', async () => {
    // Act
    const dismissed = await decide(flagA, { decision: 'dismissed', reason: '销售金额系重复统计' });
    const again = await postCases([A]);
    const changed = await postCases([{ ...A, amounts: { salesAmount: 13 * WAN } }]);
    // Assess
    expect(dismissed.status, dismissed.text).toBe(200);
    expect(dismissed.json).toMatchObject({
      id: flagA,
      status: 'dismissed',
      decision: { decision: 'dismissed', reason: '销售金额系重复统计', by: 'procuratorate.duty' },
    });
    expect(dismissed.json.decision.threshold).toEqual({ id: 'fake-products.sales', version: 1 });
    expect(again.status).toBe(200);
    expect(again.headers.get('x-fazhi-outcome')).toBe('already-recorded');
    expect(again.json.items[0]).toMatchObject({ outcome: 'unchanged', flags: [{ id: flagA, status: 'dismissed' }] });
    expect(changed.json.items[0].outcome).toBe('changed');
    const raised = changed.json.items[0].flags[0] as FlagView;
    expect(raised.id).not.toBe(flagA);
    expect(raised).toMatchObject({ kind: 'untransferred', status: 'open' });
    expect(raised.explanation).toContain('销售金额 13 万元 ≥ 阈值 5 万元');
    const open = await flags('?status=open');
    expect(open.map((f) => f.id)).toContain(raised.id);
    expect(open.map((f) => f.id)).not.toContain(flagA);
    expect((await flags('?status=dismissed')).map((f) => f.id)).toEqual([flagA]);
    await eventually(async () => (await raisedInInbox()).some((e) => e.flagId === raised.id), 'the new flag');
  });

  it('the list shows open flags first; confirming a 有案不移 raises the 以罚代刑 of its penalty', async () => {
    // Prepare
    const c = (await flags()).find((f) => f.caseNo === 'D-C')!;
    // Act
    const confirmed = await decide(c.id, { decision: 'confirmed' });
    // Assess
    expect(confirmed.status, confirmed.text).toBe(200);
    const list = await flags();
    const firstDecided = list.findIndex((f) => f.status !== 'open');
    expect(list.slice(firstDecided).every((f) => f.status !== 'open')).toBe(true);
    const penalty = list.find((f) => f.caseNo === 'D-C' && f.kind === 'penalty-instead');
    expect(penalty?.explanation).toContain('已确认有案不移');
    expect((await decide(c.id, { decision: 'dismissed', reason: '重复' })).status).toBe(409);
  });
});

describe('who may, and bad input (problem+json, nothing written)', () => {
  it('POST /v1/transfer-penalty-cases: enforcement agencies only', async () => {
    const statuses = await Promise.all(
      [t.police, t.proc, t.court, t.admin].map(async (k) => (await postCases([{ ...A, caseNo: 'X-1' }], k)).status),
    );
    expect(statuses).toEqual([403, 403, 403, 403]);
    expect((await postCases([{ ...A, caseNo: 'X-1' }], t.officer)).status).toBe(200);
  });

  it('GET /v1/transfer-flags: the procuratorate and admins; others 403', async () => {
    const status = async (k: string) => (await api('GET', '/v1/transfer-flags', { token: k })).status;
    expect([await status(t.proc), await status(t.admin), await status(t.officer), await status(t.police)]).toEqual([
      200, 200, 403, 403,
    ]);
  });

  it('a flag decision is a procurator’s: others 403 or 404', async () => {
    const open = (await flags('?status=open'))[0]!;
    expect((await decide(open.id, { decision: 'confirmed' }, t.officer)).status).toBe(404);
    expect((await decide(open.id, { decision: 'confirmed' }, t.admin)).status).toBe(403);
    expect((await decide(open.id, { decision: 'confirmed' }, t.procKey)).status).toBe(403);
    expect((await decide('f'.repeat(32), { decision: 'confirmed' })).status).toBe(404);
    expect((await flags('?status=open'))[0]).toMatchObject({ id: open.id, status: 'open' });
  });

  it('refuses bad bodies and writes nothing', async () => {
    const before = (await flags('?status=all')).length;
    const cases = [
      await postCases([]),
      await postCases([{ ...A, caseNo: 'Y-1', fineFen: -1 }]),
      await postCases([{ ...A, caseNo: 'Y-2', misspelt: 1 }]),
      await postCases([
        { ...A, caseNo: 'Y-3' },
        { ...A, caseNo: 'Y-3' },
      ]),
      await postCases(Array.from({ length: 11 }, (_, i) => ({ ...A, caseNo: `Y-${10 + i}` }))),
    ];
    const open = (await flags('?status=open'))[0]!;
    const noReason = await decide(open.id, { decision: 'dismissed' });
    const badDecision = await decide(open.id, { decision: 'maybe' });
    const badId = await decide('not-a-flag', { decision: 'confirmed' });
    for (const r of [...cases, noReason, badDecision]) {
      expect(r.status, r.text).toBe(422);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(badId.status).toBe(400);
    expect(noReason.json.detail).toContain('排除线索须说明理由');
    expect((await flags('?status=all')).length).toBe(before);
    expect((await flags('?status=open'))[0]).toMatchObject({ id: open.id, status: 'open' });
  });
});
