import type { z } from 'zod';
import { badRequest } from '../../../platform/http/errors.js';
import { fieldLabel } from '../../../platform/http/field-labels.js';

/** A zod failure of input handed over in code (portal, import) as the same 400 a route would give. */
export function zodProblem(error: z.ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  const [path, message] = Object.entries(fields)[0] ?? ['_', '格式不正确'];
  return badRequest(`${fieldLabel(path)}：${message}`, fields);
}
