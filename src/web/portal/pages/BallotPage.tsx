import { type FormEvent, useState } from 'react';
import { DIMENSIONS, type Dimension, RATINGS, type Rating } from '../../../domain/assessments/evaluation';
import { ApiError, postJson } from '../api';
import { Field } from './Field';

interface Ballot {
  title: string;
  subjects: { id: number; name: string }[];
}
type Answers = Record<string, Partial<Record<Dimension, Rating>>>;

/**
 * 民主测评 on a phone: the one-time code from the slip (or its link), then 好/较好/一般/差 on each
 * item for each subject. Nothing but the code and the answers leaves the page; no account.
 */
export function BallotPage() {
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('c') ?? '');
  const [ballot, setBallot] = useState<Ballot | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const call = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '网络异常，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return setError('请输入测评码');
    return call(async () => setBallot(await postJson<Ballot>('/ballots/open', { code })));
  };
  const missing = ballot?.subjects.some((s) =>
    Object.keys(DIMENSIONS).some((d) => !answers[s.id]?.[d as Dimension]),
  );
  const vote = (e: FormEvent) => {
    e.preventDefault();
    if (missing) return setError('请对每一项作出评价');
    return call(async () => {
      await postJson('/ballots', { code, answers });
      setDone(true);
    });
  };

  if (done)
    return (
      <div className="form" data-testid="ballot-done">
        <h1>投票成功</h1>
        <p className="lead">感谢参加民主测评。测评码已失效，投票不记录您的身份。</p>
      </div>
    );
  if (!ballot)
    return (
      <form className="form" onSubmit={open} noValidate>
        <h1>民主测评</h1>
        <Field label="测评码" error={error ?? undefined} hint="测评码条上的 16 位测评码，每码只能投票一次">
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="XXXX-XXXX-XXXX-XXXX"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-label="测评码"
            className="code-input"
          />
        </Field>
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? '正在打开…' : '开始测评'}
        </button>
      </form>
    );
  return (
    <form className="form" onSubmit={vote} noValidate>
      <h1>{ballot.title}</h1>
      {ballot.subjects.map((s) => (
        <fieldset key={s.id} className="field">
          <legend className="label">测评对象：{s.name}</legend>
          {(Object.entries(DIMENSIONS) as [Dimension, string][]).map(([d, label]) => (
            <div key={d} className="field">
              <span className="label">{label}</span>
              <div
                className="toggle"
                style={{ gridTemplateColumns: 'repeat(4, 1fr)' }}
                role="radiogroup"
                aria-label={`${s.name}${label}`}
              >
                {RATINGS.map((r) => (
                  <label key={r} className={answers[s.id]?.[d] === r ? 'on' : undefined}>
                    <input
                      type="radio"
                      name={`${s.id}-${d}`}
                      checked={answers[s.id]?.[d] === r}
                      onChange={() => setAnswers({ ...answers, [s.id]: { ...answers[s.id], [d]: r } })}
                    />
                    {r}
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      ))}
      {error && <p className="error">{error}</p>}
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? '正在提交…' : '提交测评'}
      </button>
    </form>
  );
}
