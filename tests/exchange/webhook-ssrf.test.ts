// Webhooks are not an SSRF channel, through the real local runtime (strict: no loopback flag).
// Registration refuses every spelling of a non-public host and every name that resolves to one; a
// name that passed registration and later resolves to a refused address (DNS rebinding) is refused
// at delivery. The resolver is the injected port: a real DNS cannot be made to answer each class on
// demand. The sender sees only delivered / failed / pending; the recipient sees the error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { webhookSender } from '../../packages/platform/src/webhook-sender';
import { REFUSED_SAMPLES } from '../support/refused-addresses';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;
let admin: string;
let keyOf: (dept: string) => string;
/** What the injected resolver answers for every name, switched by the test. */
let answer = '203.0.113.7';

const lead = (summary: string) => ({
  entries: [
    {
      detailType: 'EnforcementLead.Shared',
      detail: { data: { subjectName: '某某食品有限公司', uscc: '91350100M000100Y43', category: 'food-drug', summary } },
    },
  ],
});

beforeAll(async () => {
  rt = await startTestRuntime({
    allowLoopbackWebhooks: false,
    webhooks: webhookSender({
      resolve: async () => [{ address: answer, family: answer.includes(':') ? 6 : 4 }],
      timeoutMs: 500,
    }),
  });
  api = apiOf(rt.baseUrl);
  admin = await login(api, 'admin');
  keyOf = (dept) => rt.credentials!.departments.find((d) => d.id === dept)!.apiKey;
});
afterAll(async () => rt?.stop());

const register = (url: string) => api('PUT', '/v1/departments/procuratorate/webhook', { token: admin, body: { url } });

describe('registering a webhook', () => {
  it.each([
    'https://127.1/hook',
    'https://2130706433/hook',
    'https://0x7f000001/hook',
    'https://0177.0.0.1/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::1]/hook',
    'https://localhost./hook',
    'https://0.0.0.0/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.1/hook',
    'https://[fd00::1]/hook',
    'http://hook.example.org/hook',
    'http://127.0.0.1:3000/hook',
  ])('refuses %s with 422', async (url) => {
    // Act
    const r = await register(url);

    // Assess
    expect(r.status, r.text).toBe(422);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.json.errors[0]).toMatchObject({ path: 'url', code: 'webhook-url-refused' });
  });

  it.each(REFUSED_SAMPLES)('refuses a name that resolves to %s (%s)', async (_, address) => {
    answer = address;
    const r = await register('https://hook.example.org/x');
    expect(r.status, r.text).toBe(422);
    expect(r.json.errors[0].code).toBe('webhook-url-refused');
  });

  it('accepts a name that resolves to a public address', async () => {
    answer = '203.0.113.7';
    expect((await register('https://hook.example.org/x')).status).toBe(200);
  });
});

describe('delivering to a name that now resolves elsewhere (DNS rebinding)', () => {
  it.each(REFUSED_SAMPLES)('refuses %s (%s) at delivery, and tells only the recipient why', async (_, address) => {
    // Prepare: registered while the name was public; now it resolves to a refused address
    answer = '203.0.113.7';
    expect((await register('https://hook.example.org/x')).status).toBe(200);
    answer = address;

    // Act
    const posted = await api('POST', '/v1/events', {
      token: keyOf('psb'),
      headers: { 'idempotency-key': `ssrf-${address}` },
      body: lead(`重绑定 ${address}`),
    });
    expect(posted.status, posted.text).toBe(202);
    const eventId = posted.json.entries[0].eventId as string;

    // Assess: the recipient sees the refusal; the sender sees "failed" and a count, nothing more
    const own = await eventually(async () => {
      const x = await api('GET', `/v1/events/${eventId}/receipts`, { token: keyOf('procuratorate') });
      const w = x.json?.receipts?.[0]?.webhook;
      return w?.attempts >= 1 ? w : undefined;
    }, 'a delivery attempt');
    expect(own.status).toBe('failing');
    expect(own.lastError).toMatch(/^refused: hook\.example\.org resolves to /);
    const sender = await api('GET', `/v1/events/${eventId}/receipts`, { token: keyOf('psb') });
    const seen = sender.json.receipts.find((r: { departmentId: string }) => r.departmentId === 'procuratorate');
    expect(seen.webhook).toEqual({ status: 'failed', attempts: expect.any(Number) });
  });
});
