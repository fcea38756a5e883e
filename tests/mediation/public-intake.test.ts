// The public online application and the satisfaction link, end to end on the local runtime with no
// login: the code comes from the runtime's SMS adapter (printed to its log), the application lands
// in the hub's intake queue with source online and the applicant's consent with the text version;
// hostile input is refused (wrong code six times, an expired code, a replayed code, the limits with
// 429 and Retry-After, an oversize body, malformed JSON); the satisfaction link sent at closure
// records the party's answer once, via `link`, and a forged or expired link opens nothing.
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_CONSENT_TEXT_VERSION } from '../../packages/domain/src/mediation/public-intake';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { signLink } from '../../packages/platform/src/secrets/link-tokens';
import type { SmsMessage } from '../../packages/platform/src/sms';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;
let hub: string;
let mediator: string;
const logged: { msg: string; extra?: Record<string, unknown> }[] = [];
let phoneSerial = 0;
/** A fresh mobile number per test, so one test's limits do not meet another's. */
const newPhone = () => `139${String(process.pid % 1000).padStart(3, '0')}${String(++phoneSerial).padStart(5, '0')}`;

const sent = () => (rt.deps.sms as unknown as { sent: SmsMessage[] }).sent;

/** The code of the last SMS to `phone`, as the runtime's log printed it. */
function codeFromLog(phone: string): string {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const line = logged.filter((l) => l.msg.startsWith('sms') && l.extra?.to === masked).at(-1);
  const code = /验证码为(\d{6})/.exec(String(line?.extra?.text ?? ''))?.[1];
  if (!code) throw new Error(`no code was logged for ${masked}`);
  return code;
}

const requestCode = (phone: string) => api('POST', '/v1/public/mediation/phone-codes', { body: { phone } });

/** A code request from another loopback address (127.0.0.0/8 is all this machine's). */
function requestCodeFrom(localAddress: string, phone: string): Promise<{ status: number; retryAfter?: string }> {
  const url = new URL(`${rt.baseUrl}/v1/public/mediation/phone-codes`);
  const body = JSON.stringify({ phone });
  return new Promise((ok, fail) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress },
      (res) => {
        res.resume();
        res.on('end', () => ok({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string }));
      },
    );
    req.on('error', fail);
    req.setHeader('content-type', 'application/json');
    req.end(body);
  });
}

const application = (phone: string, code: string, over: Record<string, unknown> = {}) => ({
  phone,
  code,
  applicant: { name: '陈某' },
  respondent: { name: '刘某', phone: '13900001111' },
  disputeType: 'neighbourhood',
  regionCode: '340202001',
  summary: '楼上住户装修噪声扰民，协商未果。',
  consentTextVersion: CURRENT_CONSENT_TEXT_VERSION,
  consentGiven: true,
  ...over,
});

const apply = (body: unknown, key?: string) =>
  api('POST', '/v1/public/mediation/applications', {
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

/** The hub's intake queue entry of an application, found by its reference number's tail. */
async function intakeEntryOf(referenceNo: string) {
  return eventually(async () => {
    const r = await api('GET', '/v1/mediation-cases?queue=intake', { token: hub });
    return (r.json?.items ?? []).find((c: { id: string }) => c.id.endsWith(referenceNo.slice(-6)));
  }, `intake entry ${referenceNo}`);
}

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual', log: (msg, extra) => logged.push({ msg, extra }) });
  api = apiOf(rt.baseUrl);
  [hub, mediator] = await Promise.all([login(api, 'justice.hub'), login(api, 'fanluoshan.zhou')]);
});
afterAll(async () => rt?.stop());
// Each test starts at 01:00 UTC of a day of its own, so no limit's window (the minute, the hour, the
// day; all tests come from 127.0.0.1) carries over from another test or ends in the middle of one.
beforeEach(() => {
  const DAY = 86_400_000;
  rt.virtualClock!.advance(DAY - (rt.clock.now() % DAY) + 3_600_000);
});

describe('the online application', () => {
  it('registers the case in the intake queue, source online, with the applicant’s consent and its text version', async () => {
    // Prepare
    const phone = newPhone();
    expect((await requestCode(phone)).status).toBe(202);
    const code = codeFromLog(phone);
    // Act
    const r = await apply(application(phone, code), `apply-${phone}`);
    // Assess
    expect(r.status, r.text).toBe(201);
    expect(r.json.referenceNo).toMatch(/^WT\d{8}[0-9A-Z]{6}$/);
    expect(r.json.statusToken).toMatch(/\./);
    const entry = await intakeEntryOf(r.json.referenceNo);
    expect(entry.source).toBe('online');
    const c = (await api('GET', `/v1/mediation-cases/${entry.id}`, { token: hub })).json;
    expect(c.status).toBe('queued');
    expect(c.consents).toEqual([
      expect.objectContaining({ partyId: 'p1', given: true, via: 'online', textVersion: CURRENT_CONSENT_TEXT_VERSION }),
    ]);
    expect(c.parties.find((p: { id: string }) => p.id === 'p1').phone).toBe(phone);
    expect(c.timeline.map((t: { what: string }) => t.what)).toEqual([
      'MediationCase.Received',
      'MediationCase.ConsentRecorded',
    ]);
    const form = await api('GET', '/v1/public/mediation/form');
    expect(form.json.consentTextVersion).toBe(CURRENT_CONSENT_TEXT_VERSION);
    expect(form.json.consentText).toContain('人民调解法第十七条');
    const status = await api('GET', `/v1/public/mediation/applications/${r.json.statusToken}`);
    expect(status.status, status.text).toBe(200);
    expect(status.json).toMatchObject({ referenceNo: r.json.referenceNo, status: 'queued', statusName: '待分派' });
  });

  it('answers a retry with the same Idempotency-Key as the first, and refuses the used code to a new key', async () => {
    // Prepare
    const phone = newPhone();
    await requestCode(phone);
    const body = application(phone, codeFromLog(phone));
    const first = await apply(body, `k1-${phone}`);
    // Act
    const retry = await apply(body, `k1-${phone}`);
    const replayedCode = await apply(body, `k2-${phone}`);
    // Assess
    expect(first.status, first.text).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json).toEqual(first.json);
    expect(replayedCode.status).toBe(422);
    expect(replayedCode.json.type).toContain('phone-code-expired');
  });

  it('kills a code after five wrong tries: the sixth try, even with the right code, is refused', async () => {
    // Prepare
    const phone = newPhone();
    await requestCode(phone);
    const right = codeFromLog(phone);
    const wrong = right === '000000' ? '111111' : '000000';
    // Act
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push((await apply(application(phone, wrong))).json.type);
    const sixth = await apply(application(phone, right));
    // Assess
    expect(tries.every((t: string) => t.endsWith('/phone-code-wrong'))).toBe(true);
    expect(sixth.status).toBe(422);
    expect(sixth.json.type).toContain('phone-code-expired');
  });

  it('refuses a code after its ten minutes', async () => {
    // Prepare
    const phone = newPhone();
    await requestCode(phone);
    const code = codeFromLog(phone);
    rt.virtualClock!.advance(10 * 60_000 + 1000);
    // Act
    const r = await apply(application(phone, code));
    // Assess
    expect(r.status).toBe(422);
    expect(r.json.type).toContain('phone-code-expired');
  });

  it('sends one code a minute per phone and answers the next with 429 and Retry-After', async () => {
    // Prepare
    const phone = newPhone();
    expect((await requestCode(phone)).status).toBe(202);
    const count = sent().length;
    // Act
    const again = await requestCode(phone);
    // Assess
    expect(again.status).toBe(429);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    const wait = Number(again.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(sent().length).toBe(count);
  });

  it('sends at most five codes a day per phone', async () => {
    // Prepare
    const phone = newPhone();
    for (let i = 0; i < 5; i++) {
      expect((await requestCode(phone)).status).toBe(202);
      rt.virtualClock!.advance(61_000);
    }
    // Act
    const sixth = await requestCode(phone);
    // Assess
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it('takes at most three applications a day from one phone', async () => {
    // Prepare
    const phone = newPhone();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      await requestCode(phone);
      statuses.push((await apply(application(phone, codeFromLog(phone)))).status);
      rt.virtualClock!.advance(61_000);
    }
    await requestCode(phone);
    // Act
    const fourth = await apply(application(phone, codeFromLog(phone)));
    // Assess
    expect(statuses).toEqual([201, 201, 201]);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it('sends at most twenty codes an hour to one address, whatever the phones', async () => {
    // Prepare
    const from = '127.0.0.2';
    for (let i = 0; i < 20; i++) expect((await requestCodeFrom(from, newPhone())).status).toBe(202);
    // Act
    const next = await requestCodeFrom(from, newPhone());
    const elsewhere = await requestCodeFrom('127.0.0.3', newPhone());
    // Assess
    expect(next.status).toBe(429);
    expect(Number(next.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(elsewhere.status).toBe(202);
  });

  it('answers the same for a phone that has applied before as for one that never did', async () => {
    // Prepare
    const known = newPhone();
    await requestCode(known);
    await apply(application(known, codeFromLog(known)));
    rt.virtualClock!.advance(61_000);
    const unknown = newPhone();
    // Act
    const a = await requestCode(known);
    const b = await requestCode(unknown);
    // Assess
    expect(a.status).toBe(b.status);
    expect(a.json).toEqual(b.json);
  });

  it('refuses an oversize body with 413 and malformed JSON with 400, as problem+json', async () => {
    // Act
    const big = await api('POST', '/v1/public/mediation/applications', {
      raw: JSON.stringify({ summary: 'x'.repeat(300 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    const bad = await api('POST', '/v1/public/mediation/phone-codes', {
      raw: '{"phone": "139',
      headers: { 'content-type': 'application/json' },
    });
    const notTrue = await apply({ ...application(newPhone(), '123456'), consentGiven: false });
    // Assess
    expect(big.status).toBe(413);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(notTrue.status).toBe(422);
  });
});

describe('the satisfaction link', () => {
  async function closedOnlineCase(): Promise<{ id: string; phone: string }> {
    const phone = newPhone();
    await requestCode(phone);
    const made = await apply(application(phone, codeFromLog(phone)));
    expect(made.status, made.text).toBe(201);
    const { id } = await intakeEntryOf(made.json.referenceNo);
    const step = async (token: string, action: string, body: unknown) => {
      const r = await api('POST', `/v1/mediation-cases/${id}/${action}`, { token, body });
      expect(r.status, `${action}: ${r.text}`).toBeLessThan(300);
    };
    await step(hub, 'dispatch', { organisationId: 'fanluoshan' });
    await step(mediator, 'answer', { accepted: true });
    await step(mediator, 'consent', { partyId: 'p2', given: true, via: 'phone' });
    const at = new Date(rt.clock.now() - 60_000).toISOString();
    await step(mediator, 'session', {
      at,
      place: '调解室',
      participants: ['陈某', '刘某'],
      summary: '双方协商',
      nextStep: '签协议',
    });
    await step(mediator, 'agreement', {
      documentNo: '镜范调〔2026〕1号',
      facts: '装修噪声',
      terms: ['每日12时至14时不施工'],
      amountFen: 0,
      performanceDueAt: new Date(rt.clock.now() + 7 * 86_400_000).toISOString(),
    });
    await step(mediator, 'close', {});
    return { id, phone };
  }

  const linkFor = (phone: string) =>
    eventually(
      async () => {
        const text = sent()
          .filter((m) => m.phone === phone && m.text.includes('#/survey/'))
          .at(-1)?.text;
        return text ? /#\/survey\/([A-Za-z0-9_.-]+)/.exec(text)?.[1] : undefined;
      },
      `survey link to ${phone}`,
      60_000,
    );

  it('is texted to each party at closure, shows no personal data and records the answer once, via link', async () => {
    // Prepare
    const { id, phone } = await closedOnlineCase();
    const token = await linkFor(phone);
    // Act
    const shown = await api('GET', `/v1/public/mediation/satisfaction/${token}`);
    const recorded = await api('POST', `/v1/public/mediation/satisfaction/${token}`, {
      body: { score: 5, comment: '调解员很耐心' },
    });
    const replay = await api('POST', `/v1/public/mediation/satisfaction/${token}`, { body: { score: 1 } });
    // Assess
    expect(shown.status, shown.text).toBe(200);
    expect(shown.json).toMatchObject({
      disputeTypeName: '邻里',
      organisationName: '范罗山街道人民调解委员会',
      recorded: false,
    });
    expect(shown.text).not.toContain('陈某');
    expect(shown.text).not.toContain(phone);
    expect(recorded.status, recorded.text).toBe(201);
    expect(replay.status).toBe(409);
    const c = (await api('GET', `/v1/mediation-cases/${id}`, { token: mediator })).json;
    expect(c.satisfaction).toEqual([expect.objectContaining({ partyId: 'p1', score: 5, via: 'link' })]);
    expect(sent().some((m) => m.phone === '13900001111' && m.text.includes('#/survey/'))).toBe(true);
  });

  it('opens nothing with a forged token (404) or an expired one (410)', async () => {
    // Prepare
    const { id } = await closedOnlineCase();
    const expired = await signLink(rt.deps.links, { k: 's', c: id, p: 'p1', e: Math.floor(rt.clock.now() / 1000) - 1 });
    const good = await signLink(rt.deps.links, { k: 's', c: id, p: 'p1', e: Math.floor(rt.clock.now() / 1000) + 3600 });
    const [payload, mac] = good.split('.') as [string, string];
    const otherParty = Buffer.from(JSON.stringify({ k: 's', c: id, p: 'p2', e: 9_999_999_999 })).toString('base64url');
    // Act
    const forged = await api('GET', `/v1/public/mediation/satisfaction/${otherParty}.${mac}`);
    const garbage = await api('POST', '/v1/public/mediation/satisfaction/not-a-token', { body: { score: 3 } });
    const flipped = await api(
      'GET',
      `/v1/public/mediation/satisfaction/${payload}.${mac.replace(/^./, mac[0] === 'A' ? 'B' : 'A')}`,
    );
    const old = await api('POST', `/v1/public/mediation/satisfaction/${expired}`, { body: { score: 3 } });
    // Assess
    expect(forged.status).toBe(404);
    expect(garbage.status).toBe(404);
    expect(flipped.status).toBe(404);
    expect(old.status).toBe(410);
    expect(old.headers.get('content-type')).toContain('application/problem+json');
  });
});
