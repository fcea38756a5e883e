// #/apply: the public online application for mediation (网上申请调解), no sign-in. Mobile first:
// one column, large controls. The consent text and its version come from the API (the domain's
// text), shown above the checkbox the applicant must tick.
import { useEffect, useRef, useState } from 'preact/hooks';
import { callPublic } from './public-api';
import './public.css';

interface Form {
  consentTextVersion: string;
  consentText: string;
  disputeTypes: { code: string; name: string }[];
  regions: { code: string; name: string }[];
}
interface Applied {
  referenceNo: string;
  statusToken: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

export function ApplyPage() {
  const [form, setForm] = useState<Form | undefined>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useState(0);
  const [done, setDone] = useState<Applied | undefined>();
  const [v, setV] = useState({
    phone: '',
    code: '',
    name: '',
    respondent: '',
    respondentPhone: '',
    disputeType: '',
    regionCode: '',
    summary: '',
    amountYuan: '',
    consent: false,
  });
  const key = useRef(crypto.randomUUID());
  const set = (k: keyof typeof v) => (e: Event) => {
    const t = e.currentTarget as HTMLInputElement;
    setV({ ...v, [k]: t.type === 'checkbox' ? t.checked : t.value });
  };

  useEffect(() => {
    void callPublic<Form>('GET', '/v1/public/mediation/form').then((r) =>
      r.ok ? setForm(r.body) : setError(r.message),
    );
  }, []);
  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  const sendCode = async () => {
    if (!MOBILE.test(v.phone)) return setError('请输入11位手机号码');
    setError('');
    const r = await callPublic('POST', '/v1/public/mediation/phone-codes', { phone: v.phone });
    if (!r.ok) {
      setError(r.message);
      if (r.status === 429) setWait(Math.min(r.retryAfter, 60));
      return;
    }
    setWait(60);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!form) return;
    const problem = !MOBILE.test(v.phone)
      ? '请输入11位手机号码'
      : !/^\d{6}$/.test(v.code)
        ? '请输入6位验证码'
        : !v.name.trim() || !v.respondent.trim()
          ? '请填写申请人和被申请人姓名'
          : !v.disputeType || !v.regionCode
            ? '请选择纠纷类型和发生地'
            : !v.summary.trim()
              ? '请简要说明纠纷情况'
              : !v.consent
                ? '请阅读并勾选同意调解'
                : '';
    if (problem) return setError(problem);
    const yuan = Number(v.amountYuan || 0);
    if (!Number.isFinite(yuan) || yuan < 0) return setError('涉及金额请填写数字');
    setBusy(true);
    setError('');
    const r = await callPublic<Applied>(
      'POST',
      '/v1/public/mediation/applications',
      {
        phone: v.phone,
        code: v.code,
        applicant: { name: v.name.trim() },
        respondent: { name: v.respondent.trim(), ...(v.respondentPhone ? { phone: v.respondentPhone } : {}) },
        disputeType: v.disputeType,
        regionCode: v.regionCode,
        summary: v.summary.trim(),
        ...(yuan > 0 ? { amountFen: Math.round(yuan * 100) } : {}),
        consentTextVersion: form.consentTextVersion,
        consentGiven: true,
      },
      key.current,
    );
    setBusy(false);
    if (r.ok) setDone(r.body);
    else setError(r.message);
  };

  if (done)
    return (
      <main class="pub" data-testid="apply-done">
        <h1>申请已提交</h1>
        <p>调处中心将尽快与您联系。请记下受理编号：</p>
        <p class="pub-ref" data-testid="reference-no">
          {done.referenceNo}
        </p>
      </main>
    );
  return (
    <main class="pub">
      <h1>网上申请调解</h1>
      <p class="pub-lead">矛盾纠纷多元化解中心受理您的调解申请，免费调解。</p>
      <form onSubmit={submit} noValidate>
        <label>
          手机号码
          <input
            type="tel"
            inputMode="numeric"
            maxLength={11}
            value={v.phone}
            onInput={set('phone')}
            data-testid="phone"
          />
        </label>
        <div class="pub-code">
          <label>
            短信验证码
            <input inputMode="numeric" maxLength={6} value={v.code} onInput={set('code')} data-testid="code" />
          </label>
          <button type="button" class="btn" disabled={wait > 0} onClick={sendCode} data-testid="send-code">
            {wait > 0 ? `${wait}秒后重发` : '获取验证码'}
          </button>
        </div>
        <label>
          申请人姓名
          <input maxLength={100} value={v.name} onInput={set('name')} data-testid="name" />
        </label>
        <label>
          被申请人（对方）姓名或单位
          <input maxLength={100} value={v.respondent} onInput={set('respondent')} data-testid="respondent" />
        </label>
        <label>
          对方联系电话（选填）
          <input type="tel" maxLength={13} value={v.respondentPhone} onInput={set('respondentPhone')} />
        </label>
        <label>
          纠纷类型
          <select value={v.disputeType} onChange={set('disputeType')} data-testid="dispute-type">
            <option value="">请选择</option>
            {form?.disputeTypes.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          纠纷发生地
          <select value={v.regionCode} onChange={set('regionCode')} data-testid="region">
            <option value="">请选择</option>
            {form?.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          纠纷情况
          <textarea rows={5} maxLength={2000} value={v.summary} onInput={set('summary')} data-testid="summary" />
        </label>
        <label>
          涉及金额（元，选填）
          <input inputMode="decimal" value={v.amountYuan} onInput={set('amountYuan')} />
        </label>
        <section class="pub-consent" aria-label="调解告知">
          <h2>调解告知书</h2>
          {form?.consentText.split('\n').map((line) => (
            <p key={line}>{line}</p>
          ))}
          <label class="pub-check">
            <input type="checkbox" checked={v.consent} onChange={set('consent')} data-testid="consent" />
            我已阅读上述告知，自愿申请调解
          </label>
        </section>
        {error && (
          <p class="pub-error" role="alert" data-testid="apply-error">
            {error}
          </p>
        )}
        <button type="submit" class="btn btn-primary btn-block" disabled={busy || !form} data-testid="submit">
          {busy ? '正在提交…' : '提交申请'}
        </button>
      </form>
    </main>
  );
}
