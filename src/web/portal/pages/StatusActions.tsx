import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, type PublicStatus, postForm, postJson } from '../api';
import { FilePicker } from './FilePicker';

/** One action of the reporter: a titled form with its own error and busy state. */
function ActionForm({
  title,
  submitLabel,
  children,
  send,
}: {
  title: string;
  submitLabel: string;
  children: ReactNode;
  send: () => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '提交失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="block action" onSubmit={submit} noValidate>
      <h2>{title}</h2>
      {children}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? '正在提交…' : submitLabel}
      </button>
    </form>
  );
}

type Done = { code: string; onDone: (s: PublicStatus) => void };

export function MaterialForm({ code, onDone }: Done) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <ActionForm
      title="补充材料"
      submitLabel="提交补充材料"
      send={async () => {
        onDone(await postForm<PublicStatus>('/status/material', { code, text }, files));
        setText('');
        setFiles([]);
      }}
    >
      <textarea
        rows={4}
        value={text}
        maxLength={5000}
        onChange={(e) => setText(e.target.value)}
        aria-label="补充内容"
        placeholder="补充说明（可只上传附件）"
      />
      <FilePicker files={files} onChange={setFiles} onProblem={setProblem} />
      {problem && <p className="error">{problem}</p>}
    </ActionForm>
  );
}

const STARS = ['很不满意', '不满意', '基本满意', '满意', '非常满意'];

export function RatingForm({ code, onDone }: Done) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <ActionForm
      title="评价办理结果"
      submitLabel="提交评价"
      send={async () =>
        onDone(await postJson<PublicStatus>('/status/rating', { code, rating: rating || undefined, comment }))
      }
    >
      <div className="stars">
        {STARS.map((label, i) => (
          <label key={label} className={rating > i ? 'on' : ''} title={label}>
            <input
              type="radio"
              name="rating"
              checked={rating === i + 1}
              onChange={() => setRating(i + 1)}
              aria-label={label}
            />
            ★
          </label>
        ))}
        <span className="hint">{rating ? STARS[rating - 1] : '请选择'}</span>
      </div>
      <textarea
        rows={2}
        value={comment}
        maxLength={500}
        onChange={(e) => setComment(e.target.value)}
        aria-label="评价意见"
        placeholder="评价意见（可不填）"
      />
      <p className="hint">评价只能提交一次。</p>
    </ActionForm>
  );
}

export function ReviewForm({ code, review, onDone }: Done & { review: PublicStatus['review'] }) {
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={`申请${review.label}`}
      submitLabel={`提交${review.label}申请`}
      send={async () => onDone(await postJson<PublicStatus>('/status/review', { code, reason }))}
    >
      <p className="hint">
        对答复不满意的，可在 {review.until} 前申请{review.label}
        {review.label === '复核' ? '（复核为最后一级，复核后不再受理）' : ''}。
      </p>
      <textarea
        rows={4}
        value={reason}
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
        aria-label="申请理由"
        placeholder="请写明不满意的理由"
      />
    </ActionForm>
  );
}
