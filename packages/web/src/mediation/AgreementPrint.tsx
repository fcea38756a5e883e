// The 人民调解协议书 as the parties sign it: parties, facts, terms, the performance deadline, and the
// places for signatures and seals. On screen only its buttons show: the PDF the API prints from the
// city's template (GET …/agreement.pdf), and the browser's print, which shows only the document.
import { useState } from 'preact/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { saveFile } from '../components/save-file';
import { formatDateTime, instant } from '../time/china-time';
import { type MediationCase, mediationApi } from './mediation-api';
import { nameOf, PARTY_ROLE_NAMES, yuan } from './words';

const chinaDate = (iso: string) => {
  const [y, m, d] = formatDateTime(instant(iso)).slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** Downloads the agreement PDF under its Chinese name. */
function AgreementDownload({ c, documentNo }: { c: MediationCase; documentNo: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const blob = await mediationApi.agreementPdf(c.id);
      saveFile(blob, `人民调解协议书-${documentNo}.pdf`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="btn med-touch" data-testid="agreement-pdf" disabled={busy} onClick={download}>
        {busy ? '正在生成…' : '下载协议书（PDF）'}
      </button>
      {error !== undefined && (
        <ErrorNotice error={error} context="无法生成协议书" onDismiss={() => setError(undefined)} />
      )}
    </>
  );
}

export function AgreementPrint({ c, organisation }: { c: MediationCase; organisation: string }) {
  const a = c.agreement;
  if (!a) return null;
  return (
    <>
      <div class="med-actions">
        <AgreementDownload c={c} documentNo={a.documentNo} />
        <button type="button" class="btn med-touch" data-testid="agreement-print" onClick={() => window.print()}>
          打印调解协议书
        </button>
      </div>
      <article class="med-print" data-testid="agreement-document" aria-label="人民调解协议书">
        <h1>人民调解协议书</h1>
        <p class="med-print-no">{a.documentNo}</p>
        <section>
          <h2>当事人</h2>
          {c.parties.map((p) => (
            <p key={p.id}>
              {nameOf(PARTY_ROLE_NAMES, p.role)}：{p.name}
              {p.idNumber ? `，证件号码 ${p.idNumber}` : ''}
              {p.phone ? `，联系电话 ${p.phone}` : ''}
            </p>
          ))}
        </section>
        <section>
          <h2>纠纷主要事实、争议事项</h2>
          <p class="prewrap">{a.facts}</p>
        </section>
        <section>
          <h2>经调解，自愿达成如下协议</h2>
          <ol>
            {a.terms.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ol>
          {a.amountFen > 0 && <p>协议涉及金额：人民币 {yuan(a.amountFen)}</p>}
        </section>
        <section>
          <h2>履行方式、时限</h2>
          <p>当事人应于 {chinaDate(a.performanceDueAt)} 前履行完毕。</p>
          <p>
            本协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。本协议书一式三份，双方当事人、人民调解委员会各执一份。
          </p>
        </section>
        <div class="med-print-signs">
          {c.parties
            .filter((p) => p.role !== 'agent')
            .map((p) => (
              <p key={p.id}>{nameOf(PARTY_ROLE_NAMES, p.role)}（签名、盖章或按指印）：＿＿＿＿＿＿</p>
            ))}
          <p>人民调解员（签名）：＿＿＿＿＿＿</p>
          <p>{organisation}（印）</p>
          <p>{chinaDate(a.at)}</p>
        </div>
      </article>
    </>
  );
}
