import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, getJson, postForm, randomKey, type SubmissionResult } from '../api';
import { useProofOfWork } from '../pow/useProofOfWork';
import { Field } from './Field';
import { FilePicker } from './FilePicker';
import { IdentityFields, type Reporter } from './IdentityFields';
import { ReceiptPage } from './ReceiptPage';
import { newSubject, type Subject, SubjectFields } from './SubjectFields';

interface Options {
  orgs: { id: number; name: string }[];
  categories: { code: string; label: string }[];
}

/** 我要举报: the form; on success the receipt page replaces it (the code is never put in the address). */
export function ReportPage() {
  const [options, setOptions] = useState<Options | null>(null);
  const [orgId, setOrgId] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [reporter, setReporter] = useState<Reporter>({ name: '', phone: '', idNumber: '', address: '' });
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [content, setContent] = useState('');
  // “我要反映” on a 任前公示 page: the notice and the person come pre-linked, the org chosen
  const [fromNotice] = useState(() => {
    const q = new URLSearchParams(window.location.search);
    const caseId = Number(q.get('notice'));
    const candidateId = Number(q.get('person'));
    return caseId && candidateId
      ? {
          caseId,
          candidateId,
          orgId: q.get('org') ?? '',
          name: q.get('name') ?? '',
          post: q.get('post') ?? '',
        }
      : null;
  });
  const [subjects, setSubjects] = useState<Subject[]>(() => [newSubject()]);
  const [files, setFiles] = useState<File[]>([]);
  const [website, setWebsite] = useState('');
  const [key] = useState(() => randomKey());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [result, setResult] = useState<SubmissionResult | null>(null);
  const pow = useProofOfWork();

  useEffect(() => {
    getJson<Options>('/orgs').then(
      (o) => {
        setOptions(o);
        if (fromNotice) setOrgId(fromNotice.orgId);
        else if (o.orgs.length === 1) setOrgId(String(o.orgs[0].id));
      },
      (e: ApiError) => setError({ message: e.message, fields: {} }),
    );
  }, [fromNotice]);

  if (result) return <ReceiptPage result={result} />;

  /** A field's message goes as soon as the field is changed; with the last one the summary goes too. */
  const fixed = (...keys: string[]) =>
    setError((e) => {
      if (!e) return e;
      const left = Object.entries(e.fields).filter(
        ([k]) => !keys.some((key) => k === key || k.startsWith(`${key}.`) || k.startsWith(`${key}[`)),
      );
      if (left.length === Object.keys(e.fields).length) return e;
      return left.length ? { ...e, fields: Object.fromEntries(left) } : null;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const data = {
      orgId: Number(orgId) || 0,
      anonymous,
      reporter: anonymous ? null : clean(reporter),
      title,
      content,
      category: category || null,
      subjects: subjects
        .filter((s) => s.name.trim())
        .map((s) => ({ name: s.name, unitText: s.unitText || null })),
      notice: fromNotice ? { caseId: fromNotice.caseId, candidateId: fromNotice.candidateId } : null,
      website,
      idempotencyKey: key,
    };
    try {
      const send = async () =>
        postForm<SubmissionResult>('/submissions', { ...data, challenge: await pow.answer() }, files);
      try {
        setResult(await send());
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'challenge')) throw err;
        pow.renew(); // too old or already used: one more try with a fresh check, same form key
        setResult(await send());
      }
    } catch (err) {
      const api = err instanceof ApiError ? err : new ApiError(0, 'error', '提交失败，请稍后重试');
      setError({ message: api.message, fields: api.fields });
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  };

  const f = error?.fields ?? {};
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h1>{fromNotice ? '对任前公示对象反映问题' : '我要举报'}</h1>
      {fromNotice && (
        <p className="lead">
          反映对象：{fromNotice.name}（{fromNotice.post}）。公示期内反映的问题由纪委优先核查。
        </p>
      )}
      {error && (
        <div className="alert" role="alert">
          {error.message}
        </div>
      )}
      <Field label="向哪个乡镇反映" error={f.orgId}>
        <select
          value={orgId}
          onChange={(e) => {
            setOrgId(e.target.value);
            fixed('orgId');
          }}
          aria-label="受理乡镇"
        >
          <option value="">请选择乡镇</option>
          {options?.orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <IdentityFields
        anonymous={anonymous}
        onAnonymous={(v) => {
          setAnonymous(v);
          fixed('reporter', 'anonymous');
        }}
        reporter={reporter}
        onReporter={(r) => {
          setReporter(r);
          fixed('reporter');
        }}
        errors={f}
      />
      <Field label="标题" error={f.title} hint="一句话概括反映的问题，如“反映某村干部优亲厚友”">
        <input
          value={title}
          maxLength={100}
          onChange={(e) => {
            setTitle(e.target.value);
            fixed('title');
          }}
          aria-label="标题"
        />
      </Field>
      <Field label="问题类别（可不选）" error={f.category}>
        <select
          value={category}
          onChange={(e) => {
            setCategory(e.target.value);
            fixed('category');
          }}
          aria-label="问题类别"
        >
          <option value="">请选择</option>
          {options?.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="反映内容"
        error={f.content}
        hint={`请写清时间、地点、人物和事情经过（${content.length}/5000）`}
      >
        <textarea
          value={content}
          rows={8}
          maxLength={5000}
          onChange={(e) => {
            setContent(e.target.value);
            fixed('content');
          }}
          aria-label="反映内容"
        />
      </Field>
      <SubjectFields
        subjects={subjects}
        onChange={(list) => {
          setSubjects(list);
          fixed('subjects');
        }}
        errors={f}
      />
      <Field label="附件（可不传）" error={fileProblem ?? undefined}>
        <FilePicker files={files} onChange={setFiles} onProblem={setFileProblem} />
      </Field>
      <div className="trap" aria-hidden="true">
        <label>
          网址
          <input
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
            name="website"
          />
        </label>
      </div>
      <p className="hint">{pow.ready ? '安全校验已完成' : '正在进行安全校验（无需操作）…'}</p>
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? '正在提交…' : '提交'}
      </button>
    </form>
  );
}

const clean = (r: Reporter) => ({
  name: r.name,
  phone: r.phone || null,
  idNumber: r.idNumber || null,
  address: r.address || null,
});
