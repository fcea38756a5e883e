// #/survey/{token}: a party's satisfaction with the mediation of their case, through the link texted
// at closure, no sign-in. Shows the dispute type and the organisation only; five points and a comment.
import { useEffect, useState } from 'preact/hooks';
import { callPublic } from './public-api';
import './public.css';

interface Survey {
  disputeTypeName: string;
  organisationName: string;
  recorded: boolean;
}

const SCORES = [
  [5, '非常满意'],
  [4, '满意'],
  [3, '基本满意'],
  [2, '不满意'],
  [1, '非常不满意'],
] as const;

export function SurveyPage({ token }: { token: string }) {
  const path = `/v1/public/mediation/satisfaction/${encodeURIComponent(token)}`;
  const [survey, setSurvey] = useState<Survey | undefined>();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void callPublic<Survey>('GET', path).then((r) => (r.ok ? setSurvey(r.body) : setError(r.message)));
  }, [path]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!score) return setError('请选择满意程度');
    setBusy(true);
    const r = await callPublic('POST', path, { score, comment: comment.trim() });
    setBusy(false);
    if (r.ok) setDone(true);
    else setError(r.message);
  };

  if (done || survey?.recorded)
    return (
      <main class="pub" data-testid="survey-done">
        <h1>感谢您的评价</h1>
        <p>您的意见将帮助我们改进调解工作。</p>
      </main>
    );
  return (
    <main class="pub">
      <h1>调解满意度评价</h1>
      {survey && (
        <p class="pub-lead" data-testid="survey-about">
          {survey.organisationName}调解的{survey.disputeTypeName}纠纷
        </p>
      )}
      {survey && (
        <form onSubmit={submit}>
          <fieldset class="pub-scores">
            <legend>您对本次调解是否满意？</legend>
            {SCORES.map(([n, label]) => (
              <label key={n} class="pub-check">
                <input
                  type="radio"
                  name="score"
                  checked={score === n}
                  onChange={() => setScore(n)}
                  data-testid={`score-${n}`}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <label>
            意见和建议（选填）
            <textarea rows={4} maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn btn-primary btn-block" disabled={busy} data-testid="survey-submit">
            提交评价
          </button>
        </form>
      )}
      {error && (
        <p class="pub-error" role="alert" data-testid="survey-error">
          {error}
        </p>
      )}
    </main>
  );
}
