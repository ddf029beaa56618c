import type { PublicStatus } from '../api';
import { MaterialForm, RatingForm, ReviewForm } from './StatusActions';

/** A case as the reporter sees it: stage, dates, notice, reply, and what they may still do. */
export function StatusView({
  code,
  status: s,
  onChange,
  onLeave,
}: {
  code: string;
  status: PublicStatus;
  onChange: (s: PublicStatus) => void;
  onLeave: () => void;
}) {
  const steps: [string, string | null][] = [
    ['收到举报', s.receivedOn],
    ['受理', s.acceptedOn],
    ['不予受理', s.declinedOn],
    ['答复', s.repliedOn],
    ['办结', s.concludedOn],
  ];
  return (
    <section className="status">
      <h1>办理进度</h1>
      <div className="case">
        <p className="case-title">{s.title}</p>
        <p className={`stage stage-${s.stage}`}>{s.stageLabel}</p>
        <ol className="steps">
          {steps
            .filter(([, on]) => on)
            .map(([label, on]) => (
              <li key={label}>
                <span>{label}</span>
                <time>{on}</time>
              </li>
            ))}
        </ol>
      </div>
      {s.notice && (
        <div className="block">
          <h2>不予受理告知</h2>
          <p className="text">{s.notice}</p>
        </div>
      )}
      {s.reply && (
        <div className="block">
          <h2>答复内容</h2>
          <p className="text">{s.reply}</p>
        </div>
      )}
      {s.materials.length > 0 && (
        <p className="hint">
          您已补充材料 {s.materials.length} 次（最近一次 {s.materials[s.materials.length - 1].on}）。
        </p>
      )}
      {s.rating !== null && (
        <p className="hint">
          您对办理结果的评价：{'★'.repeat(s.rating)}
          {'☆'.repeat(5 - s.rating)}
        </p>
      )}
      {s.canRate && <RatingForm code={code} onDone={onChange} />}
      {s.review.canRequest && <ReviewForm code={code} review={s.review} onDone={onChange} />}
      {!s.review.canRequest && s.review.problem && <p className="hint">{s.review.problem}</p>}
      {s.canAddMaterial && <MaterialForm code={code} onDone={onChange} />}
      <button type="button" className="ghost wide" onClick={onLeave}>
        查询其他查询码
      </button>
    </section>
  );
}
