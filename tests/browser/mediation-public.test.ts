// 网上申请调解 (#/apply) in a real browser on a 390×844 phone, with no sign-in: the code button counts
// down, the code comes by SMS (the runtime's log adapter), a wrong code is refused in Chinese, the
// consent text is shown with its checkbox, and the application lands in the hub's intake queue.
// A forged satisfaction link (#/survey/…) says so in Chinese.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import type { SmsMessage } from '../../packages/platform/src/sms';
import { apiOf, eventually, login } from '../support/runtime';
import { type BrowserRig, SHOTS, startBrowserRig } from './support/browser-runtime';

const WAIT = { timeout: 20_000, interval: 250 };
const PHONE = '13700001234';

let rig: BrowserRig;
let rt: LocalRuntime;
let page: Page;

beforeAll(async () => {
  rig = await startBrowserRig('public', { width: 390, height: 844 });
  ({ runtime: rt, page } = rig);
}, 180_000);

afterAll(async () => rig?.stop());

const codeSent = () =>
  eventually(async () => {
    const sent = (rt.deps.sms as unknown as { sent: SmsMessage[] }).sent;
    return /验证码为(\d{6})/.exec(sent.filter((m) => m.phone === PHONE).at(-1)?.text ?? '')?.[1];
  }, 'the SMS code');

describe('网上申请调解 on a phone', () => {
  it('applies without sign-in: code with countdown, consent, Chinese errors, into the intake queue', async () => {
    // Prepare
    await page.goto(`${rt.baseUrl}/#/apply`);
    await page.getByRole('heading', { name: '网上申请调解' }).waitFor(WAIT);
    await page.getByTestId('phone').fill(PHONE);
    // Act: the code
    await page.getByTestId('send-code').click();
    const code = await codeSent();
    // Assess: the button counts down
    await expect.poll(() => page.getByTestId('send-code').textContent(), WAIT).toMatch(/^\d+秒后重发$/);
    expect(await page.getByTestId('send-code').isDisabled()).toBe(true);

    // Act: the form with a wrong code
    await page.getByTestId('code').fill(code === '000000' ? '111111' : '000000');
    await page.getByTestId('name').fill('陈某');
    await page.getByTestId('respondent').fill('刘某');
    await page.getByTestId('dispute-type').selectOption('neighbourhood');
    await page.getByTestId('region').selectOption('340202001');
    await page.getByTestId('summary').fill('楼上住户装修噪声扰民，协商未果。');
    await page.getByTestId('submit').click();
    // Assess: no consent yet, said in Chinese
    await expect.poll(() => page.getByTestId('apply-error').textContent(), WAIT).toBe('请阅读并勾选同意调解');

    // Act: consent, still the wrong code
    const consentText = await page.locator('.pub-consent').textContent();
    await page.getByTestId('consent').check();
    await page.getByTestId('submit').click();
    // Assess
    await expect.poll(() => page.getByTestId('apply-error').textContent(), WAIT).toBe('验证码不正确，请核对后重新输入');
    expect(consentText).toContain('人民调解法第十七条');
    const formText = (await page.locator('main').textContent()) ?? '';
    expect(formText).not.toMatch(/[A-Za-z]{2,}/);
    await page.screenshot({ path: `${SHOTS}mediation-apply-390x844.png`, fullPage: true });

    // Act: the right code
    await page.getByTestId('code').fill(code);
    await page.getByTestId('submit').click();
    // Assess: the reference number, and the case in the hub's intake queue
    const ref = page.getByTestId('reference-no');
    await ref.waitFor(WAIT);
    const referenceNo = ((await ref.textContent()) ?? '').trim();
    expect(referenceNo).toMatch(/^WT\d{8}[0-9A-Z]{6}$/);
    await page.screenshot({ path: `${SHOTS}mediation-apply-done-390x844.png`, fullPage: true });
    const api = apiOf(rt.baseUrl);
    const hub = await login(api, 'justice.hub');
    const queue = (await api('GET', '/v1/mediation-cases?queue=intake', { token: hub })).json.items as {
      id: string;
      source: string;
    }[];
    expect(queue.find((c) => c.id.endsWith(referenceNo.slice(-6)))?.source).toBe('online');
  });

  it('says in Chinese that a forged satisfaction link is not valid', async () => {
    // Act
    await page.goto(`${rt.baseUrl}/#/survey/eyJrIjoicyJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    // Assess
    await expect.poll(() => page.getByTestId('survey-error').textContent(), WAIT).toBe('链接无效，请核对短信中的链接');
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(/[A-Za-z]{2,}/);
  });
});
