// 调解协议书模板 (the hub and admins): the city's 人民调解协议书 template, which the agreement PDF is
// printed from — title, preamble, numbered sections (a textarea each), the signature and seal lines.
// Saved with the version it was read at: somebody else's save in between is refused (409) and the
// page offers to reload; an unknown placeholder is refused (422) and named beside its field.
import { useState } from 'preact/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLoad } from '../hooks/use-load';
import { formatDateTime, instant } from '../time/china-time';
import { type AgreementTemplate, type AgreementTemplateView, mediationApi } from './mediation-api';

function fieldLabels(t: AgreementTemplate): Record<string, string> {
  return {
    '(body)': '模板',
    title: '标题',
    preamble: '开头',
    'signatures.party': '当事人签名行',
    ...Object.fromEntries(
      t.sections.flatMap((_s, i) => [
        [`sections.${i}.heading`, `第${i + 1}节标题`],
        [`sections.${i}.body`, `第${i + 1}节正文`],
      ]),
    ),
    ...Object.fromEntries(t.signatures.lines.map((_l, i) => [`signatures.lines.${i}`, `签章第${i + 1}行`])),
  };
}

function Editor({ view, onSaved }: { view: AgreementTemplateView; onSaved: (v: AgreementTemplateView) => void }) {
  const [draft, setDraft] = useState<AgreementTemplate>(structuredClone(view.template));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const edit = (next: AgreementTemplate) => setDraft(next);
  const section = (i: number, patch: Partial<AgreementTemplate['sections'][number]>) =>
    edit({ ...draft, sections: draft.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await mediationApi.saveAgreementTemplate(view.version, draft));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form med-form med-template" onSubmit={save} data-testid="agreement-template-form">
      <label>
        标题
        <input
          value={draft.title}
          data-testid="template-title"
          onInput={(e) => edit({ ...draft, title: e.currentTarget.value })}
        />
      </label>
      <label>
        开头（编号等）
        <textarea
          rows={2}
          value={draft.preamble}
          onInput={(e) => edit({ ...draft, preamble: e.currentTarget.value })}
        />
      </label>
      {draft.sections.map((s, i) => (
        <fieldset key={i} class="card" data-testid="template-section">
          <legend>第{i + 1}节</legend>
          <label>
            标题
            <input value={s.heading} onInput={(e) => section(i, { heading: e.currentTarget.value })} />
          </label>
          <label>
            正文
            <textarea rows={5} value={s.body} onInput={(e) => section(i, { body: e.currentTarget.value })} />
          </label>
          <button
            type="button"
            class="btn med-touch"
            disabled={draft.sections.length <= 1}
            onClick={() => edit({ ...draft, sections: draft.sections.filter((_x, j) => j !== i) })}
          >
            删除本节
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        class="btn med-touch"
        data-testid="template-add-section"
        onClick={() => edit({ ...draft, sections: [...draft.sections, { heading: '新的一节', body: '' }] })}
      >
        添加一节
      </button>
      <label>
        当事人签名行（每位申请人、被申请人各印一行）
        <input
          value={draft.signatures.party}
          onInput={(e) => edit({ ...draft, signatures: { ...draft.signatures, party: e.currentTarget.value } })}
        />
      </label>
      <label>
        调解员签名、印章、日期（每行一项）
        <textarea
          rows={4}
          value={draft.signatures.lines.join('\n')}
          onInput={(e) =>
            edit({
              ...draft,
              signatures: { ...draft.signatures, lines: e.currentTarget.value.split('\n').filter((l) => l.trim()) },
            })
          }
        />
      </label>
      {error !== undefined && (
        <ErrorNotice
          error={error}
          context="模板未保存"
          fieldLabels={fieldLabels(draft)}
          onDismiss={() => setError(undefined)}
          testId="template-error"
        />
      )}
      <div class="med-actions">
        <button type="submit" class="btn btn-primary med-touch" disabled={busy} data-testid="template-save">
          {busy ? '正在保存…' : '保存模板'}
        </button>
      </div>
    </form>
  );
}

function Placeholders({ view }: { view: AgreementTemplateView }) {
  const rows = [
    ...Object.entries(view.placeholders),
    ...Object.entries(view.partyPlaceholders).map(([k, v]) => [k, `${v}（仅用于当事人签名行）`] as const),
  ];
  return (
    <details>
      <summary>可用的占位符</summary>
      <table class="med-table">
        <tbody>
          {rows.map(([name, what]) => (
            <tr key={name}>
              <td>
                <code>{`{{${name}}}`}</code>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function TemplateSection() {
  const load = useLoad(() => mediationApi.agreementTemplate(), 'agreement-template');
  const [view, setView] = useState<AgreementTemplateView>();
  const [saved, setSaved] = useState<number>();
  const current = view ?? load.data;
  return (
    <>
      {load.error !== undefined && <ErrorNotice error={load.error} context="无法载入协议书模板" />}
      {current ? (
        <>
          <p class="muted" data-testid="template-version">
            {current.version === 0
              ? '现用默认模板（尚未修改）'
              : `第 ${current.version} 版${current.updatedAt ? `，${formatDateTime(instant(current.updatedAt))} 保存` : ''}`}
            <button
              type="button"
              class="btn med-touch"
              onClick={async () => {
                setView(undefined);
                setSaved(undefined);
                await load.reload();
              }}
            >
              重新载入
            </button>
          </p>
          {saved !== undefined && (
            <p class="notice notice-info" data-testid="template-saved">
              已保存为第 {saved} 版，此后下载的协议书即按此模板生成。
            </p>
          )}
          <Placeholders view={current} />
          <Editor
            key={current.version}
            view={current}
            onSaved={(v) => {
              setView(v);
              setSaved(v.version);
            }}
          />
        </>
      ) : (
        load.error === undefined && <p>正在载入…</p>
      )}
    </>
  );
}

/** Folded until opened, so the dispatcher's board does not load the template it seldom edits. */
export function AgreementTemplateEditor() {
  const [open, setOpen] = useState(false);
  return (
    <details class="card" data-testid="agreement-template" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2 style={{ display: 'inline' }}>调解协议书模板</h2>
      </summary>
      {open && <TemplateSection />}
    </details>
  );
}
