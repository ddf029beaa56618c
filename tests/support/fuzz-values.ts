import fc from 'fast-check';

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

// The random requests: what the integration fuzz test sends in-process and bench/fuzz-http.ts over HTTP.

/** Path parameters that name a record that exists (or a real dictionary type, rule, day, action). */
export const GOOD_PARAMS: Record<string, string> = {
  id: '1',
  attachmentId: '1',
  type: 'education',
  key: 'petition.handling',
  day: '2026-10-01',
  action: 'accept',
};
/** A route's URL with its parameters filled in well, but for the one given bad (already encoded). */
export const fillParams = (url: string, bad?: { name: string; value: string }) =>
  url.replace(/:(\w+)/g, (_m, name: string) =>
    bad?.name === name ? bad.value : encodeURIComponent(GOOD_PARAMS[name] ?? '1'),
  );
/** A query string of the values given, with one bad value (already encoded) in place of its key's. */
export const queryString = (q: Record<string, unknown>, bad?: { key: string; value: string }) =>
  Object.entries({ ...q, ...(bad ? { [bad.key]: undefined } : {}) })
    .filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .concat(bad ? [`${bad.key}=${bad.value}`] : [])
    .join('&');
export const withQuery = (path: string, q: string) => (q ? `${path}?${q}` : path);
export const hasBody = (method: string) => method !== 'GET' && method !== 'DELETE';

/** Random JSON bodies: any value, or objects with the fields routes have, holding odd dates and bad strings. */
export const fuzzJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'name',
      'kind',
      'parentId',
      'username',
      'password',
      'code',
      'version',
      'value',
      'roles',
      'id',
      'page',
      'orgId',
      'title',
      'content',
      'receivedOn',
      'year',
      'date',
    ),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(...ODD_DATES, ...BAD_JSON_STRINGS.map(([, v]) => v), 1e308, -1, 2 ** 53, '１２', ''),
    ),
  ),
);
/** Random path parameters (encoded). */
export const fuzzParam = fc.oneof(
  fc.constantFrom(
    '1',
    '0',
    '-1',
    '999999999999',
    '1e5',
    'abc',
    '%00',
    '%ZZ',
    '2026-02-30',
    "'; drop table users;--",
    '１',
    '..%2F..%2Fetc',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
/** Random query strings by the keys routes have. */
export const fuzzQuery = fc.dictionary(
  fc.constantFrom(
    'page',
    'pageSize',
    'sort',
    'order',
    'q',
    'from',
    'to',
    'year',
    'status',
    'orgId',
    'parentId',
    'kind',
    'month',
    'date',
  ),
  fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.integer().map(String),
    fc.constantFrom(
      '-1',
      '1e99',
      'NaN',
      '2026-13-01',
      '9999-12-31',
      '0000-00-00',
      '+275760-09-13',
      '%00',
      '',
    ),
  ),
);
