import { type FormEvent, useState } from 'react';
import { ApiError, type PublicStatus, postJson } from '../api';
import { Field } from './Field';
import { StatusView } from './StatusView';

/** 查询进度: the receipt code in, the case's progress out. The code stays in this page's memory only. */
export function StatusPage() {
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return setError('请输入查询码');
    setBusy(true);
    setError(null);
    try {
      setStatus(await postJson<PublicStatus>('/status', { code }));
    } catch (err) {
      setStatus(null);
      setError(err instanceof ApiError ? err.message : '查询失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  if (status)
    return <StatusView code={code} status={status} onChange={setStatus} onLeave={() => setStatus(null)} />;
  return (
    <form className="form" onSubmit={lookUp} noValidate>
      <h1>查询进度</h1>
      <Field
        label="查询码"
        error={error ?? undefined}
        hint="提交举报后显示的 16 位查询码，不区分大小写，短横线可不输入"
      >
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-label="查询码"
          className="code-input"
        />
      </Field>
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? '正在查询…' : '查询'}
      </button>
    </form>
  );
}
