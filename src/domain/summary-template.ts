/**
 * The annual work summary's paragraphs (年度工作总结): wording with locked figure placeholders.
 * Pure: the server renders and checks with it, the admin UI shows the chips with it.
 *
 * A paragraph's wording holds placeholders `{petitions.letter}` or `{petitions.reports|余}`: a
 * registry figure key and, optionally, how an officer writes the number:
 * - none: the number as it is (44);
 * - `余`: rounded down the way a report says it (20–29 → 20余, 100–199 → 100余; a round number, or
 *   one under ten, as it is);
 * - `%`: a percentage (100%);
 * - `名录`: the records' own names, e.g. the titles 《…》 of the institutions adopted;
 * - `名称`: the records' names as they are, each once (the 工作失误 categories: 计生工作失职).
 * A clause in `[[…]]` is left out when its figures are all zero, so a sentence never says "0件".
 * The wording is free, the figures are not: an edit must keep every placeholder and may not type a
 * digit outside one (`lockedWordingProblem`).
 */

export const FIGURE_FORMATS = ['余', '%', '名录', '名称'] as const;
/** The formats that show the records' names rather than the number. */
export const NAME_FORMATS: readonly FigureFormat[] = ['名录', '名称'];
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

export interface Placeholder {
  /** As written, braces included. */
  raw: string;
  key: string;
  format: FigureFormat | null;
}

const PLACEHOLDER = /\{([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)(?:\|([^{}]{1,4}))?\}/g;
const DIGIT = /[0-9０-９]/;

/** The placeholders of a wording, in order (an unknown format is kept as written, to be refused). */
export function placeholdersOf(text: string): (Placeholder & { badFormat?: string })[] {
  const out: (Placeholder & { badFormat?: string })[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const fmt = m[2] ?? null;
    const known = fmt === null || (FIGURE_FORMATS as readonly string[]).includes(fmt);
    out.push({
      raw: m[0],
      key: m[1],
      format: known ? (fmt as FigureFormat | null) : null,
      ...(known ? {} : { badFormat: fmt! }),
    });
  }
  return out;
}

/** The figure keys a wording uses, each once. */
export const figureKeysOf = (text: string) => [...new Set(placeholdersOf(text).map((p) => p.key))];

/** A number as an officer writes it in a report. */
export function formatFigure(value: number, format: FigureFormat | null): string {
  if (format === '%') return `${value}%`;
  if (format === '余') {
    if (!Number.isInteger(value) || value < 10) return String(value);
    const step = 10 ** (String(value).length - 1);
    const floor = Math.floor(value / step) * step;
    return floor === value ? String(value) : `${floor}余`;
  }
  return String(value);
}

/** A figure's value for rendering: null when it has nothing to count (a ratio over nothing). */
export interface RenderValue {
  value: number | null;
  /** For `名录` and `名称`: the records' names (titles). */
  names?: string[];
}

export type RenderedPart = { text: string } | { key: string; format: FigureFormat | null; text: string };

/**
 * A wording with its figures filled in, as parts (text, and each figure with what it shows), or
 * null when the paragraph is to be dropped: it uses figures and every one of them is zero or has
 * nothing to count (or is not available: not registered, not the reader's). A wording without
 * figures is always kept.
 */
export function renderWording(wording: string, values: Map<string, RenderValue>): RenderedPart[] | null {
  const holders = placeholdersOf(wording);
  const counts = (h: Placeholder) => {
    const v = values.get(h.key);
    return !!v && v.value !== null && v.value !== 0;
  };
  if (holders.length) {
    if (!holders.some(counts)) return null;
    if (holders.some((h) => !values.has(h.key))) return null;
  }
  const text = withoutEmptyClauses(wording, (clause) => placeholdersOf(clause).some(counts));
  const parts: RenderedPart[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index! > at) parts.push({ text: text.slice(at, m.index) });
    const h = placeholdersOf(m[0])[0];
    const v = values.get(h.key)!;
    const shown =
      h.format === '名录'
        ? (v.names ?? []).map((n) => (n.startsWith('《') ? n : `《${n}》`)).join('、')
        : h.format === '名称'
          ? [...new Set(v.names ?? [])].join('、')
          : v.value === null
            ? '—'
            : formatFigure(v.value, h.format);
    parts.push({ key: h.key, format: h.format, text: shown });
    at = m.index! + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

const CLAUSE = /\[\[([^[\]]*)\]\]/g;

/**
 * A wording without its empty clauses: `[[…]]` marks a clause to leave out when its figures are all
 * zero (so a sentence says what there was, never "0件"); a kept clause loses its brackets. The
 * punctuation left doubled by a dropped clause is tidied (，， → ，, ，。 → 。).
 */
export function withoutEmptyClauses(text: string, keep: (clause: string) => boolean): string {
  return text
    .replace(CLAUSE, (_, inner: string) => (placeholdersOf(inner).length === 0 || keep(inner) ? inner : ''))
    .replace(/[，、；]+(?=[。；！])/g, '')
    .replace(/，{2,}/g, '，')
    .replace(/([：；。])，/g, '$1');
}

export const partsText = (parts: RenderedPart[]) => parts.map((p) => p.text).join('');

/**
 * Why an edited wording cannot be saved, in Chinese naming the paragraph, or null when it may: it
 * must keep each placeholder of the template exactly (as many times, same figure and format), add
 * none, and hold no digit outside them — the numbers come from the records, never from the keyboard.
 */
export function lockedWordingProblem(template: string, edited: string, paragraph: string): string | null {
  const where = `段落“${paragraph}”`;
  if (!edited.trim()) return `${where}不能为空`;
  const want = placeholdersOf(template).map((p) => p.raw);
  const got = placeholdersOf(edited);
  const bad = got.find((p) => p.badFormat !== undefined);
  if (bad) return `${where}中的统计数字“${bad.raw}”格式不正确，数字由系统按登记记录生成，不能改动`;
  const left = [...want];
  for (const p of got) {
    const i = left.indexOf(p.raw);
    if (i < 0)
      return `${where}中的统计数字“${p.raw}”不是本段原有的，数字由系统按登记记录生成，不能新增或改动`;
    left.splice(i, 1);
  }
  if (left.length)
    return `${where}删除或改动了统计数字“${left.join('”“')}”：措辞可以修改，数字由登记记录生成，不能删改`;
  const outside = edited.replace(PLACEHOLDER, '');
  const digit = outside.match(DIGIT);
  if (digit || /[{}]/.test(outside))
    return digit
      ? `${where}在统计数字之外填写了数字“${digit[0]}”：数字由登记记录生成，请使用统计数字占位，不要手工填写`
      : `${where}中的统计数字占位不完整（花括号不成对），数字由登记记录生成，不能改动`;
  return null;
}
