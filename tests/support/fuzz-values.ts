/**
 * Valid-looking requests built from a route's zod schema, and the bad strings to put in each of its
 * string fields one at a time, so the bad value travels as far as the rest of the request lets it.
 */
type Def = {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod?: { def?: { check?: string; minimum?: number } } }[];
};
type Schema = { _zod: { def: Def }; safeParse(v: unknown): { success: boolean } };

const isSchema = (s: unknown): s is Schema => !!(s as Schema | null)?._zod?.def;

const STRING_CANDIDATES = [
  '2026-03-02',
  '测试内容足够长的一段文字用于模糊测试检查',
  'fuzz_value',
  'fuzzuser1',
  '13800138000',
  'fuzz@example.cn',
  '123456',
  'Fz!2026-sample',
  '2026-03-02T08:00:00+08:00',
  'AbCdEfGhIjKlMnOpQrStUv12',
  '110101199003078515',
  'x',
];
const NUMBER_CANDIDATES = [1, 2, 5, 10, 30, 2026, 0];

/** A value the schema accepts, as far as a generic guess gets (ids are 1, texts Chinese, dates real). */
export function sample(schema: unknown): unknown {
  if (!isSchema(schema)) return undefined;
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          .map(([k, v]) => [k, sample(v)])
          .filter(([, v]) => v !== undefined),
      );
    case 'string':
      return STRING_CANDIDATES.find((c) => schema.safeParse(c).success) ?? 'x';
    case 'number':
    case 'int':
      return NUMBER_CANDIDATES.find((c) => schema.safeParse(c).success) ?? 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return sample(def.innerType);
    case 'pipe':
      return def.in?._zod.def.type === 'transform' ? sample(def.out) : sample(def.in);
    case 'array': {
      const min =
        (def.checks ?? []).find((c) => c._zod?.def?.check === 'min_length')?._zod?.def?.minimum ?? 1;
      return Array.from({ length: Math.max(1, min) }, () => sample(def.element));
    }
    case 'union':
      return sample(def.options?.[0]);
    case 'record':
      return {};
    default:
      return 'x';
  }
}

/** The path of every string inside the schema (object keys; arrays by their first element). */
export function stringPaths(schema: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (!isSchema(schema)) return [];
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return [path];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => stringPaths(v, [...path, k]));
    case 'array':
      return stringPaths(def.element, [...path, 0]);
    case 'pipe':
      return def.in?._zod.def.type === 'transform' ? stringPaths(def.out, path) : stringPaths(def.in, path);
    case 'union':
      return stringPaths(def.options?.[0], path);
    default:
      return def.innerType ? stringPaths(def.innerType, path) : [];
  }
}

export function setAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const base = (
    value && typeof value === 'object' ? structuredClone(value) : typeof head === 'number' ? [] : {}
  ) as Record<string | number, unknown>;
  base[head] = setAt(base[head], rest, leaf);
  return base;
}

/** Bad strings for a JSON body: NUL, lone surrogates of both halves, a very long text. */
export const BAD_JSON_STRINGS: [string, string][] = [
  ['nul', '前\u0000后'],
  ['nul-only', '\u0000'],
  ['lone-high', 'a\ud800b'],
  ['lone-low', '\udc00尾'],
  ['long', '长'.repeat(100_000)],
];
/** Dates no one can compute with, for fields whose valid value is a date. */
export const ODD_DATES = [
  '9999-12-31',
  '0000-00-00',
  '0001-01-01',
  '2026-02-30',
  '1899-12-31',
  '2101-01-01',
  '2026-03-02T25:61:00Z',
  '+275760-09-13',
  '9999-12-31T23:59:59Z',
];
/** Bad values as they arrive in a URL (already percent-encoded): NUL, UTF-8 of a lone surrogate, a cut character, a long text. */
export const BAD_URL_VALUES: [string, string][] = [
  ['nul', '%E5%89%8D%00%E5%90%8E'],
  ['lone-surrogate', 'a%ED%A0%80b'],
  ['cut-utf8', 'a%F0%9F'],
  ['long', 'x'.repeat(6_000)],
];

export const looksLikeDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
