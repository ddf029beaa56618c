import { type FormEvent, useState } from 'react';
import { ApiError, postJson, randomKey } from '../api';
import { Field } from '../pages/Field';
import { useProofOfWork } from '../pow/useProofOfWork';

interface Receipt {
  receiptCode: string | null;
  dueOn: string;
}

/** 我有异议: no account; a receipt code shown once, to read the unit's answer later. */
export function ObjectionForm({ itemId }: { itemId: number }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<Receipt | null>(null);
  if (done)
    return (
      <div className="receipt" role="status">
        <strong>异议已提交</strong>
        {done.receiptCode && (
          <p>
            查询码：<b className="code">{done.receiptCode}</b>（只显示一次，请抄写或截图保存）
          </p>
        )}
        <p>公开单位应在 {done.dueOn} 前答复，届时可凭查询码查看答复。</p>
      </div>
    );
  if (!open)
    return (
      <button type="button" className="ghost wide" onClick={() => setOpen(true)}>
        我对此有异议
      </button>
    );
  return <ObjectionFields itemId={itemId} onDone={setDone} />;
}

function ObjectionFields({ itemId, onDone }: { itemId: number; onDone: (r: Receipt) => void }) {
  const pow = useProofOfWork();
  const [text, setText] = useState('');
  const [key] = useState(() => randomKey());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const send = async () =>
      postJson<Receipt>(`/openness/items/${itemId}/objections`, {
        text,
        idempotencyKey: key,
        challenge: await pow.answer(),
      });
    try {
      try {
        onDone(await send());
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'challenge')) throw err;
        pow.renew(); // too old or already used: one more try with a fresh check, same form key
        onDone(await send());
      }
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'error', '提交失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h2>我对此有异议</h2>
      {error && (
        <div className="alert" role="alert">
          {error.message}
        </div>
      )}
      <Field label="异议内容" error={error?.fields.text} hint="请写明对哪项内容有异议及理由">
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} aria-label="异议内容" />
      </Field>
      <p className="hint">{pow.ready ? '安全校验已完成' : '正在进行安全校验（无需操作）…'}</p>
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? '正在提交…' : '提交异议'}
      </button>
    </form>
  );
}
