import { type FormEvent, useState } from 'react';
import { ApiError, postJson } from '../api';
import { Field } from '../pages/Field';
import type { ObjectionStatus } from './types';

/** The villager reads the unit's answer with the receipt code. */
export function ObjectionStatusPage() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [data, setData] = useState<ObjectionStatus | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setData(await postJson<ObjectionStatus>('/openness/objections/status', { code }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '查询失败，请稍后重试');
    }
  };
  return (
    <section>
      <h1>查看异议答复</h1>
      <form className="form" onSubmit={submit} noValidate>
        {error && (
          <div className="alert" role="alert">
            {error}
          </div>
        )}
        <Field label="查询码">
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-label="查询码"
            autoComplete="off"
          />
        </Field>
        <button type="submit" className="primary wide">
          查询
        </button>
      </form>
      {data && (
        <article className="card status">
          <strong>
            {data.orgName} · {data.itemTitle}
          </strong>
          <span>
            {data.receivedOn} 提出：{data.text}
          </span>
          {data.answer ? (
            <span className="answer">
              {data.answeredOn} 答复：{data.answer}
            </span>
          ) : (
            <span>尚未答复，答复期限 {data.dueOn}</span>
          )}
        </article>
      )}
    </section>
  );
}
