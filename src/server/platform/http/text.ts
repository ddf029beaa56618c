import { z } from 'zod';
import { isIsoDate } from '../../../domain/calendar.js';
import { isStorableText, UNSTORABLE_MESSAGE } from '../../../domain/storable-text.js';
import { badRequest } from './errors.js';

export { isStorableText, UNSTORABLE_MESSAGE };

/**
 * The one string type of every request contract (body, query, path). The app refuses to build when
 * an input schema holds a string without this check (see `unsafeStringPaths`).
 */
export const text = (params?: { message?: string }) =>
  z
    .string(params?.message ? { message: params.message } : undefined)
    .refine(isStorableText, UNSTORABLE_MESSAGE);

/** Dates accepted from callers: real calendar days in a range the system can compute with. */
export const MIN_DAY = '1900-01-01';
export const MAX_DAY = '2100-12-31';
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const inDayRange = (s: string) => s >= MIN_DAY && s <= MAX_DAY;

/**
 * A calendar day as YYYY-MM-DD: it must exist and lie between 1900 and 2100. `required` is the
 * message when the value is missing or not text; `invalid`, when given, replaces the messages for
 * a wrong format and a day that does not exist.
 */
export const isoDay = (required = '请填写日期', invalid?: string) =>
  text({ message: required })
    .trim()
    .regex(DAY_PATTERN, invalid ?? '日期格式应为 YYYY-MM-DD，如 2026-03-02')
    .refine(inDayRange, '日期应在 1900-01-01 至 2100-12-31 之间')
    .refine(isIsoDate, invalid ?? '日期不存在，请检查年月日');

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const realTime = (s: string) => isIsoDate(s.slice(0, 10)) && Number.isFinite(Date.parse(s));

/** A moment as an ISO time with its zone (2026-03-01T08:00:00+08:00), between 1900 and 2100. */
export const isoInstant = (message = '时间格式应如 2026-03-01T08:00:00+08:00（须带时区）') =>
  text({ message })
    .trim()
    .max(40, message)
    .regex(INSTANT, message)
    .refine((s) => inDayRange(s.slice(0, 10)), '时间应在 1900 年至 2100 年之间')
    .refine(realTime, '日期或时间不存在，请检查');

/** A whole day (YYYY-MM-DD) or a moment with its zone; both between 1900 and 2100. */
export const dayOrInstant = (
  message = '请输入日期（如 2026-03-01）或带时区的时间（如 2026-03-01T08:00:00+08:00）',
) =>
  text({ message })
    .trim()
    .max(40, message)
    .refine((s) => DAY_PATTERN.test(s) || INSTANT.test(s), message)
    .refine((s) => inDayRange(s.slice(0, 10)), '日期应在 1900 年至 2100 年之间')
    .refine((s) => (DAY_PATTERN.test(s) ? isIsoDate(s) : realTime(s)), '日期不存在，请检查年月日');

/**
 * Refuses a range whose start is after its end, naming the end field. `from`/`to` may be days or
 * instants (ISO strings compare correctly once both are dates; instants are compared as times).
 */
export function orderedRange<T extends Record<string, unknown>>(
  fromKey: keyof T & string,
  toKey: keyof T & string,
  message = '不能早于开始日期',
) {
  return (value: T, ctx: z.RefinementCtx) => {
    const from = value[fromKey];
    const to = value[toKey];
    if (typeof from !== 'string' || typeof to !== 'string') return;
    const a = DAY_PATTERN.test(from) ? Date.parse(`${from}T00:00:00+08:00`) : Date.parse(from);
    const b = DAY_PATTERN.test(to) ? Date.parse(`${to}T23:59:59.999+08:00`) : Date.parse(to);
    if (Number.isFinite(a) && Number.isFinite(b) && a > b) {
      ctx.addIssue({ code: 'custom', path: [toKey], message });
    }
  };
}

/**
 * Text that reaches the server outside a zod contract (multipart file names and fields): refused
 * with a 400 naming the field when the database could not hold it.
 */
export function storableField(value: string, label: string, field = 'file'): string {
  if (!isStorableText(value))
    throw badRequest(`${label}${UNSTORABLE_MESSAGE}`, { [field]: `${label}${UNSTORABLE_MESSAGE}` });
  return value;
}

type Def = { type?: string; checks?: { _zod?: { def?: { fn?: unknown } } }[]; [k: string]: unknown };

/**
 * The paths, inside a request schema, of strings that lack the storable-text check: every string a
 * caller sends must go through `text()`. Walks objects, arrays, unions, records, pipes and wrappers.
 */
export function unsafeStringPaths(schema: unknown, path = '', seen = new Set<unknown>()): string[] {
  const zod = (schema as { _zod?: { def?: Def } } | null)?._zod;
  if (!zod?.def || seen.has(schema)) return [];
  const def = zod.def;
  if (def.type === 'string') {
    const ok = (def.checks ?? []).some((c) => c._zod?.def?.fn === isStorableText);
    return ok ? [] : [path || '(root)'];
  }
  const out: string[] = [];
  const walk = (child: unknown, at: string) => {
    out.push(...unsafeStringPaths(child, at, seen));
  };
  if (def.type === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>))
      walk(v, path ? `${path}.${k}` : k);
    if (def.catchall) walk(def.catchall, `${path}.*`);
    return out;
  }
  for (const key of ['innerType', 'element', 'in', 'out', 'left', 'right', 'keyType', 'valueType', 'rest']) {
    if (def[key]) walk(def[key], key === 'element' ? `${path}[]` : path);
  }
  for (const key of ['options', 'items']) {
    const list = def[key];
    if (Array.isArray(list)) for (const v of list) walk(v, path);
  }
  if (def.type === 'lazy' && typeof def.getter === 'function') {
    // a recursive schema: walk each lazy node once per path
    seen.add(schema);
    walk((def.getter as () => unknown)(), path);
    seen.delete(schema);
  }
  return out;
}

/** The strings of a route's request schemas (path, query, body, headers) that lack `text()`, as `part.path`. */
export function unsafeRequestStrings(schema: unknown): string[] {
  const parts = (schema ?? {}) as Record<string, unknown>;
  return ['params', 'querystring', 'body', 'headers'].flatMap((part) =>
    unsafeStringPaths(parts[part]).map((p) => `${part}.${p}`),
  );
}
