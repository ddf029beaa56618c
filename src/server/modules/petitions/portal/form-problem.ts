import type { z } from 'zod';
import { badRequest } from '../../../platform/http/errors.js';
import { fieldLabel } from '../../../platform/http/field-labels.js';

/** The portal form's own words for its fields (the platform's labels are the officers'). */
const LABELS: Record<string, string> = {
  orgId: '受理乡镇',
  'reporter.name': '姓名',
  'reporter.phone': '联系电话',
  'reporter.idNumber': '身份证号',
  'reporter.address': '住址',
  title: '标题',
  content: '反映内容',
  category: '问题类别',
  name: '被反映人姓名',
  unitText: '被反映人单位及职务',
  code: '查询码',
};

const labelOf = (path: string) => LABELS[path] ?? LABELS[path.split('.').pop() ?? ''] ?? fieldLabel(path);

/** A refused portal form: 400 naming the first field the way the form does, every field in `fields`. */
export function formProblem(error: z.ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  const [path, message] = Object.entries(fields)[0] ?? ['_', '格式不正确'];
  return badRequest(path === '_' ? message : `${labelOf(path)}：${message}`, fields);
}
