export interface Subject {
  id: number;
  name: string;
  unitText: string;
}

let next = 0;
export const newSubject = (): Subject => ({ id: ++next, name: '', unitText: '' });

/** The people reported on (optional): a name and their unit and post, up to five. */
export function SubjectFields({
  subjects,
  onChange,
  errors,
}: {
  subjects: Subject[];
  onChange: (subjects: Subject[]) => void;
  errors: Record<string, string>;
}) {
  const set = (i: number, k: keyof Subject, v: string) =>
    onChange(subjects.map((s, j) => (j === i ? { ...s, [k]: v } : s)));
  const problem = Object.entries(errors).find(([k]) => k.startsWith('subjects'))?.[1];
  return (
    <fieldset className="subjects">
      <legend className="label">被反映人（可不填）</legend>
      {subjects.map((s, i) => (
        <div className="pair" key={s.id}>
          <input
            placeholder="姓名"
            value={s.name}
            maxLength={30}
            onChange={(e) => set(i, 'name', e.target.value)}
            aria-label={`被反映人${i + 1}姓名`}
          />
          <input
            placeholder="单位及职务"
            value={s.unitText}
            maxLength={60}
            onChange={(e) => set(i, 'unitText', e.target.value)}
            aria-label={`被反映人${i + 1}单位及职务`}
          />
        </div>
      ))}
      {problem && <span className="error">{problem}</span>}
      {subjects.length < 5 && (
        <button type="button" className="link" onClick={() => onChange([...subjects, newSubject()])}>
          再添加一人
        </button>
      )}
    </fieldset>
  );
}
