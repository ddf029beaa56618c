import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Form, type FormInstance, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { fetchEligibility } from '../cadre-file/api';
import { Verdict } from '../cadre-file/EligibilityPanel';
import type { Candidate } from './api';

/**
 * 提拔资格 of a registry cadre for the post of the case, on a date: the cadre file's eligibility
 * endpoint and its verdict view, at candidate choice (资格审查) and at decision (讨论决定).
 */
export function CaseEligibility(props: {
  cadreId: number;
  name: string;
  post: { title: string; level: string; isPrincipal: boolean };
  date?: string;
}) {
  const target = `${props.post.level}:${props.post.isPrincipal}`;
  const q = useQuery({
    queryKey: ['cadre-file', props.cadreId, 'eligibility', props.date ?? 'today', target],
    queryFn: () => fetchEligibility(props.cadreId, props.date ?? '', target),
  });
  return (
    <Card size="small" title={`提拔资格：${props.name} → ${props.post.title}`} style={{ marginBottom: 12 }}>
      {q.isLoading && <Spin size="small" />}
      {q.error && <Alert type="error" showIcon title={(q.error as Error).message} />}
      {q.data && <Verdict e={q.data} />}
    </Card>
  );
}

/** The eligibility of the candidates a step's form acts on, on the date the form holds (`on`). */
export function CandidatesEligibility(props: {
  form: FormInstance;
  candidates: Candidate[];
  /** The form field holding the chosen candidate ids; all candidates when absent. */
  chosenField?: string;
}) {
  const on = Form.useWatch('on', props.form) as Dayjs | undefined;
  const chosen = Form.useWatch(props.chosenField ?? '__none', props.form) as number[] | undefined;
  const shown = props.chosenField
    ? props.candidates.filter((c) => (chosen ?? []).includes(c.id))
    : props.candidates;
  if (!shown.length) return null;
  return (
    <>
      {shown.map((c) => (
        <CaseEligibility
          key={c.id}
          cadreId={c.cadreId}
          name={c.name}
          post={{ title: c.post, level: c.level, isPrincipal: c.isPrincipal }}
          date={on?.format('YYYY-MM-DD')}
        />
      ))}
    </>
  );
}
