import { type ChangeEvent, useRef } from 'react';

export const MAX_FILES = 5;
export const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,image/jpeg,image/png,application/pdf';
const OK_NAME = /\.(jpe?g|png|pdf|docx)$/i;

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

/** Files to send: pictures, PDF and Word, 10 MB each, 5 at most (the server checks the content again). */
export function FilePicker({
  files,
  onChange,
  onProblem,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  onProblem: (message: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const add = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(e.target.files ?? [])];
    e.target.value = '';
    const bad = picked.find((f) => !OK_NAME.test(f.name));
    const big = picked.find((f) => f.size > MAX_BYTES);
    const next = [...files, ...picked.filter((f) => OK_NAME.test(f.name) && f.size <= MAX_BYTES)];
    if (bad) onProblem(`“${bad.name}”的类型不支持，只能上传 JPG、PNG 图片、PDF 或 Word（.docx）文件`);
    else if (big) onProblem(`“${big.name}”超过 10 MB，请压缩或拆分后再上传`);
    else if (next.length > MAX_FILES) onProblem(`附件最多 ${MAX_FILES} 个`);
    else onProblem(null);
    onChange(next.slice(0, MAX_FILES));
  };
  return (
    <div className="files">
      <input ref={input} type="file" multiple accept={ACCEPT} onChange={add} hidden aria-label="选择附件" />
      <button
        type="button"
        className="ghost"
        onClick={() => input.current?.click()}
        disabled={files.length >= MAX_FILES}
      >
        添加附件
      </button>
      <span className="hint">可上传照片（JPG、PNG）、PDF 或 Word（.docx），最多 5 个，每个不超过 10 MB</span>
      {files.length > 0 && (
        <ul>
          {files.map((f, i) => (
            <li key={`${f.name}-${f.size}-${f.lastModified}`}>
              <span>
                {f.name}（{size(f.size)}）
              </span>
              <button
                type="button"
                className="link"
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                移除
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
