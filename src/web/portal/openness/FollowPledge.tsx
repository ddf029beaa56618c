import { type FormEvent, useState } from 'react';
import { ApiError, postJson } from '../api';
import { Field } from '../pages/Field';
import { useProofOfWork } from '../pow/useProofOfWork';

/** 关注此承诺: a follow code shown once, and, with a phone number, an SMS at each new progress entry. */
export function FollowPledge({ pledgeId }: { pledgeId: number }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<{ followCode: string; sms: boolean } | null>(null);
  if (done)
    return (
      <div className="receipt" role="status">
        <strong>已关注</strong>
        <p>
          关注码：<b className="code">{done.followCode}</b>（只显示一次，请保存；凭它可查看或取消关注）
        </p>
        {done.sms && <p>该承诺有新进展时，将以短信通知您。</p>}
      </div>
    );
  if (!open)
    return (
      <button type="button" className="ghost" onClick={() => setOpen(true)}>
        关注此承诺
      </button>
    );
  return <FollowFields pledgeId={pledgeId} onDone={setDone} />;
}

function FollowFields({
  pledgeId,
  onDone,
}: {
  pledgeId: number;
  onDone: (r: { followCode: string; sms: boolean }) => void;
}) {
  const pow = useProofOfWork();
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      onDone(
        await postJson(`/pledges/${pledgeId}/follow`, {
          phone: phone.trim() || null,
          challenge: await pow.answer(),
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.code === 'challenge') pow.renew();
      setError(err instanceof ApiError ? err : new ApiError(0, 'error', '提交失败，请稍后重试'));
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {error && (
        <div className="alert" role="alert">
          {error.message}
        </div>
      )}
      <Field
        label="手机号码（选填）"
        error={error?.fields.phone}
        hint="填写后，有新进展时短信通知；不填只取关注码"
      >
        <input
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          inputMode="numeric"
          aria-label="手机号码"
        />
      </Field>
      <button type="submit" className="primary" disabled={!pow.ready}>
        {pow.ready ? '关注' : '正在进行安全校验…'}
      </button>
    </form>
  );
}
