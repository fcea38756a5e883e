// The forward path of a transfer through the HTTP API on the virtual clock (DOMAIN.md §4 steps 1–8):
// report → head approval → an incomplete transfer (recorded, the 24 h keeps running) → the transfer
// with the five documents → police receive → filed → hand-over. Each clock is due where the statute
// says, computed here independently; every step reaches the other parties as a catalog event. Then a
// clock left to breach alerts the answering department and is recorded on the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import {
  advanceTo,
  calendarDaysDue,
  clockOf,
  DOCUMENTS,
  HOUR,
  nextThursdayTen,
  nowOf,
  REPORT,
  TRANSFER,
  YEAR_2027,
} from './support';

let rt: LocalRuntime;
let api: Api;
let officer: string;
let head: string;
let police: string;
let procurator: string;

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  const admin = await login(api, 'admin');
  expect((await api('PUT', '/v1/config/calendars/2027', { token: admin, body: YEAR_2027 })).status).toBe(200);
  [officer, head, police, procurator] = await Promise.all([
    login(api, 'samr.duty'),
    login(api, 'samr.head'),
    login(api, 'psb.duty'),
    login(api, 'procuratorate.duty'),
  ]);
});
afterAll(async () => rt?.stop());

const keyOf = (id: string) => rt.credentials!.departments.find((d) => d.id === id)!.apiKey;
const post = (id: string, action: string, token: string, body: unknown = {}) =>
  api('POST', `/v1/transfer-cases/${id}/${action}`, { token, body });

async function inboxTypes(dept: string, caseId: string): Promise<string[]> {
  const r = await api('GET', '/v1/inbox?limit=100', { token: keyOf(dept) });
  return (r.json.items as { event: Record<string, unknown> & { detail: { data: { caseId?: string } } } }[])
    .filter((i) => i.event.detail.data.caseId === caseId)
    .map((i) => String(i.event['detail-type'] ?? i.event.detailType));
}

describe('the forward path of a transfer', () => {
  it('runs every clock where the statute puts it and shares every step with the parties', async () => {
    // Prepare: a Thursday report, so the head's 3 days end on a Sunday and roll to the working day.
    await advanceTo(api, nextThursdayTen(await nowOf(api)));
    // Act + Assess, step by step
    const reported = await api('POST', '/v1/transfer-cases', { token: officer, body: REPORT });
    expect(reported.status, reported.text).toBe(201);
    const id = reported.json.id as string;
    const reportedAt = Date.parse(reported.json.reportedAt);
    const approval = clockOf(reported.json, 'head-approval')!;
    expect(Date.parse(approval.dueAt)).toBe(calendarDaysDue(reportedAt, 3));
    expect(Date.parse(approval.dueAt)).toBeGreaterThan(reportedAt + 3 * 24 * HOUR + 14 * HOUR);
    expect(approval.departmentId).toBe('samr');

    await advanceTo(api, reportedAt + 26 * HOUR);
    const approved = await post(id, 'decide-approval', head, { approved: true });
    expect(approved.status, approved.text).toBe(200);
    const approvedAt = Date.parse(approved.json.approval.at);
    expect(clockOf(approved.json, 'head-approval')!.status).toBe('met');
    expect(Date.parse(clockOf(approved.json, 'to-police')!.dueAt)).toBe(approvedAt + 24 * HOUR);

    const incomplete = await post(id, 'transfer', officer, {
      ...TRANSFER,
      documents: DOCUMENTS.filter((d) => d.kind !== 'seized-items-list'),
    });
    expect(incomplete.status, incomplete.text).toBe(200);
    expect(incomplete.json.status).toBe('approved');
    expect(incomplete.json.attempts[0]).toMatchObject({ complete: false, missing: ['seized-items-list'] });
    expect(incomplete.json.attempts[0].explanation).toContain('涉案物品清单未附');
    expect(clockOf(incomplete.json, 'to-police')!.status).toBe('running');

    await advanceTo(api, approvedAt + 5 * HOUR);
    const transferred = await post(id, 'transfer', officer, TRANSFER);
    expect(transferred.status, transferred.text).toBe(200);
    expect(transferred.json.status).toBe('transferred');
    expect(clockOf(transferred.json, 'to-police')!.status).toBe('met');

    await advanceTo(api, approvedAt + 30 * HOUR);
    const received = await post(id, 'receive', police);
    expect(received.status, received.text).toBe(200);
    const receivedAt = Date.parse(received.json.receivedAt);
    const filing = clockOf(received.json, 'filing-1')!;
    expect(Date.parse(filing.dueAt)).toBe(calendarDaysDue(receivedAt, 3));
    expect(filing.departmentId).toBe('psb');

    await advanceTo(api, receivedAt + 48 * HOUR);
    const filed = await post(id, 'decide-filing', police, { filed: true, documentNo: '芜公立字〔2026〕45号' });
    expect(filed.status, filed.text).toBe(200);
    const filedAt = Date.parse(filed.json.filing.at);
    expect(clockOf(filed.json, 'filing-1')!.status).toBe('met');
    const handover = clockOf(filed.json, 'handover-1')!;
    expect(Date.parse(handover.dueAt)).toBe(calendarDaysDue(filedAt, 3));
    expect(handover.departmentId).toBe('samr');

    const handed = await post(id, 'hand-over', officer, { note: '涉案食品42箱' });
    expect(handed.status, handed.text).toBe(200);
    expect(clockOf(handed.json, 'handover-1')!.status).toBe('met');
    expect(handed.json.timeline.map((t: { what: string }) => t.what)).toEqual([
      'TransferCase.Reported',
      'TransferCase.Approved',
      'TransferCase.TransferIncomplete',
      'TransferCase.Transferred',
      'TransferCase.Received',
      'TransferCase.Filed',
      'TransferCase.HandedOver',
    ]);
    // Every step reaches the police and the procuratorate through the exchange.
    const psbTypes = await eventually(async () => {
      const t = await inboxTypes('psb', id);
      return t.includes('TransferCase.HandedOver') && t;
    }, 'the hand-over in the police inbox');
    expect(psbTypes).toContain('TransferCase.Transferred');
    const procTypes = await eventually(async () => {
      const t = await inboxTypes('procuratorate', id);
      return t.includes('TransferCase.HandedOver') && t;
    }, 'the hand-over in the procuratorate inbox');
    expect(procTypes).toContain('TransferCase.Reported');
    expect(procTypes).toContain('TransferCase.TransferIncomplete');
    expect(await inboxTypes('ndrc', id)).toEqual([]);
    expect((await api('GET', `/v1/transfer-cases/${id}`, { token: procurator })).status).toBe(200);
  });

  it('a clock left to breach alerts the answering department and is recorded on the case', async () => {
    // Prepare
    const reported = await api('POST', '/v1/transfer-cases', { token: officer, body: { ...REPORT, title: '超期案' } });
    const id = reported.json.id as string;
    const approved = await post(id, 'decide-approval', head, { approved: true });
    const due = Date.parse(clockOf(approved.json, 'to-police')!.dueAt);
    // Act
    await advanceTo(api, due + 90_000);
    // Assess
    expect(approved.status, approved.text).toBe(200);
    const alert = await eventually(async () => {
      const items = (await api('GET', '/v1/alerts?status=all', { token: officer })).json.items as {
        clockId: string;
        reason: string;
        recipients: string[];
      }[];
      return items.find((a) => a.clockId === `${id}.to-police` && a.reason === 'breach');
    }, 'the breach alert to the agency');
    expect(alert.recipients).toContain('samr.duty');
    const recorded = await eventually(async () => {
      const r = await api('GET', `/v1/transfer-cases/${id}`, { token: officer });
      return r.json.overdue === true && r.json;
    }, 'the breach on the case');
    expect(recorded.timeline.at(-1).what).toBe('TransferCase.ClockBreached');
    expect(clockOf(recorded, 'to-police')!.status).toBe('breached');
    const list = await api('GET', '/v1/transfer-cases', { token: officer });
    expect(list.json.items[0]).toMatchObject({ id, overdue: true });
    await eventually(
      async () =>
        (await inboxTypes('psb', id)).length === 0 &&
        (await inboxTypes('procuratorate', id)).includes('TransferCase.ClockBreached'),
      'the breach shared with the procuratorate',
    );
  });
});
