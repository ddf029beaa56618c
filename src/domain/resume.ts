/**
 * 简历 (the résumé lines of the 干部任免审批表) read into dated entries. Real résumés are typed by
 * hand: `1987.09--1991.07  XX大学XX专业学习`, `2015.03--  大兴镇党委委员、副镇长` (still held),
 * `2015.03—至今`, `2003.07-2008.12`, `1987年9月至1991年7月`, full-width digits and dashes, a long
 * post wrapped onto the next line, `（其间：2015.09--2018.07 在省委党校学习）` asides. Lines that
 * begin with a date start an entry; lines that do not continue the one before. What cannot be read
 * is returned with the reason, never guessed.
 */

/** 任职 (a post) or 学习 (education: 学习、就读、进修 …), which is not a post. */
export type ResumeKind = 'post' | 'study';

export interface ResumeEntry {
  /** The line of the 简历 (1-based, blank lines not counted) where the entry begins. */
  line: number;
  /** YYYY-MM */
  start: string;
  /** YYYY-MM; null while it is still held (`2015.03--`, `至今`). */
  end: string | null;
  /** What the line says after its dates, wrapped lines joined. */
  text: string;
  kind: ResumeKind;
  /** A `（其间：…）` line: something done alongside the entry before it. */
  aside: boolean;
}

export interface UnparsedLine {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedResume {
  entries: ResumeEntry[];
  unparsed: UnparsedLine[];
}

const STUDY_ANYWHERE = /学习|就读|读书|进修|攻读|求学|深造|读研|读博/;
const STUDY_AT_END = /(毕业|学生|学员|培训|培训班)$/;

/** 学习、就读、进修 … anywhere, or 毕业/学生/培训 at the end: education, not a post. */
export function resumeKind(text: string): ResumeKind {
  return STUDY_ANYWHERE.test(text) || STUDY_AT_END.test(text) ? 'study' : 'post';
}

/** Full-width digits, dots and dashes as ASCII; the many dashes of Chinese input as `-`. */
function normalize(s: string): string {
  return s
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。](?=\s*\d)/g, '.')
    .replace(/[／]/g, '/')
    .replace(/[—–―─－‐‑⁃﹣]/g, '-')
    .replace(/[～〜]/g, '~')
    .replace(/[：]/g, ':')
    .replace(/[\u3000\u00a0\t]/g, ' ');
}

interface YearMonth {
  year: number;
  month: number;
}

/** A year and month at `s[i]`: 1990.01, 1990.1, 1990/01, 1990年1月, 199001; with `hyphen`, 1990-01 too. */
function readMonth(s: string, i: number, hyphen: boolean): { ym: YearMonth; next: number } | null {
  const rest = s.slice(i);
  const m =
    /^(\d{4})\s*(?:[./]\s*(\d{1,2})(?!\d)|年\s*(\d{1,2})\s*月?|(\d{2})(?!\d))/.exec(rest) ??
    (hyphen ? /^(\d{4})-(\d{1,2})(?![\d.])/.exec(rest) : null);
  if (!m) return null;
  const month = Number(m[2] ?? m[3] ?? m[4]);
  return { ym: { year: Number(m[1]), month }, next: i + m[0].length };
}

const iso = (d: YearMonth) => `${d.year}-${String(d.month).padStart(2, '0')}`;

function badDate(d: YearMonth): string | null {
  if (d.year < 1900 || d.year > 2100) return '年份不正确';
  if (d.month < 1 || d.month > 12) return '月份不正确';
  return null;
}

const OPEN_END = /^(至今|迄今|今|现在|目前)/;
const ASIDE = /^[(（]\s*(?:其间|期间)?\s*[:,，]?\s*/;

type LineRead =
  | { kind: 'entry'; start: string; end: string | null; textFrom: number; aside: boolean }
  | { kind: 'bad'; reason: string }
  | { kind: 'text' };

/**
 * One (trimmed) line: an entry (dates, then its text from `textFrom`), a dated line that cannot be
 * read, or text continuing the last entry. Normalizing maps character for character, so positions
 * in it are positions in the line as written.
 */
function readLine(line: string): LineRead {
  const s = normalize(line);
  const aside = ASIDE.exec(s);
  const at = aside ? aside[0].length : 0;
  if (!/^\d/.test(s.slice(at))) return { kind: 'text' };
  // 1990-01--1995-03: hyphenated months only where a run of dashes or 至 separates the two
  const hyphen = /^\d{4}-\d{1,2}\s*(?:-{2,}|~|至)/.test(s.slice(at));
  const start = readMonth(s, at, hyphen);
  if (!start) return { kind: 'bad', reason: '起始时间无法识别，应如 1990.01' };
  let i = start.next;
  const sep = /^\s*(-+|~|至|到)\s*/.exec(s.slice(i));
  const openNow = OPEN_END.exec(s.slice(i).trimStart());
  if (!sep && !openNow) return { kind: 'bad', reason: '只有一个时间，应写明起止时间，如 1990.01--1995.03' };
  let end: YearMonth | null = null;
  if (sep) {
    i += sep[0].length;
    const open = OPEN_END.exec(s.slice(i));
    if (open) i += open[0].length;
    else if (/^\d{4}/.test(s.slice(i))) {
      const e = readMonth(s, i, hyphen);
      if (!e) return { kind: 'bad', reason: '结束时间无法识别，应如 1995.03' };
      end = e.ym;
      i = e.next;
    }
  } else if (openNow) {
    i += s.slice(i).length - s.slice(i).trimStart().length + openNow[0].length;
  }
  const problem = badDate(start.ym) ?? (end ? badDate(end) : null);
  if (problem) return { kind: 'bad', reason: problem };
  if (end && iso(end) < iso(start.ym)) return { kind: 'bad', reason: '结束时间早于起始时间' };
  return { kind: 'entry', start: iso(start.ym), end: end ? iso(end) : null, textFrom: i, aside: !!aside };
}

/** Spaces between Chinese characters (left by wrapping) go; other runs become one space. */
function tidy(text: string, aside: boolean): string {
  let t = text
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '')
    .trim()
    .replace(/^[\s:：,，、;；]+/, '')
    .replace(/[\s;；,，。]+$/, '');
  const opens = (t.match(/[(（]/g) ?? []).length;
  const closes = (t.match(/[)）]/g) ?? []).length;
  if (aside && closes > opens) t = t.replace(/[)）]\s*$/, '').trim();
  return t;
}

/** Reads the 简历 lines (blank lines skipped) into entries and the lines that could not be read. */
export function parseResume(resume: string | null | undefined): ParsedResume {
  const lines = (resume ?? '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const entries: (ResumeEntry & { raw: string })[] = [];
  const unparsed: UnparsedLine[] = [];
  let last: { entry: (typeof entries)[number] } | { bad: UnparsedLine } | null = null;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const read = readLine(raw);
    if (read.kind === 'entry') {
      const entry = {
        line,
        start: read.start,
        end: read.end,
        text: '',
        kind: 'post' as const,
        aside: read.aside,
        raw: raw.slice(read.textFrom),
      };
      entries.push(entry);
      last = { entry };
    } else if (read.kind === 'bad') {
      const bad = { line, text: raw, reason: read.reason };
      unparsed.push(bad);
      last = { bad };
    } else if (last && 'entry' in last) {
      last.entry.raw += ` ${raw}`;
    } else if (last && 'bad' in last) {
      last.bad.text += raw;
    } else {
      const bad = { line, text: raw, reason: '没有起止时间' };
      unparsed.push(bad);
      last = { bad };
    }
  });
  const out: ResumeEntry[] = [];
  for (const { raw, ...e } of entries) {
    const text = tidy(raw, e.aside);
    if (!text) {
      unparsed.push({ line: e.line, text: lines[e.line - 1], reason: '只有时间，没有任职或学习内容' });
      continue;
    }
    out.push({ ...e, text, kind: resumeKind(text) });
  }
  unparsed.sort((a, b) => a.line - b.line);
  return { entries: out, unparsed };
}

/** A post of the registry that 现任职务 may name. */
export interface RegistryPosition {
  id: number;
  title: string;
  level: string;
  isPrincipal: boolean;
}

export interface CurrentPostMatch {
  /** The part of 现任职务 that names the post (`镇长` of `大兴镇党委副书记、镇长`). */
  part: string;
  position: RegistryPosition;
  /** YYYY-MM from the résumé entry that holds it now; null when the résumé does not say. */
  start: string | null;
  /** The index (in `entries`) of that entry. */
  entry: number | null;
}

const squash = (s: string) => normalize(s).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** `大兴镇党委副书记、镇长` → `党委副书记`, `镇长`: split at 、，；/兼, each without the org's names in front. */
export function currentPostParts(current: string, orgNames: string[]): string[] {
  const names = [...new Set(orgNames.map(squash).filter(Boolean))].sort((a, b) => b.length - a.length);
  const strip = (p: string) => {
    for (let again = true; again; ) {
      again = false;
      for (const n of names)
        if (p.startsWith(n) && p.length > n.length) {
          p = p.slice(n.length);
          again = true;
        }
    }
    return p;
  };
  return squash(current)
    .split(/[、,，;；/]|兼任?/)
    .map((p) => strip(p.replace(/^(原|现任?|任)/, '')))
    .filter(Boolean);
}

/**
 * 现任职务 against the registry's posts of the cadre's org: each part whose title is a post there
 * becomes that post, from the start of the open résumé entry that names it (else the latest open
 * post entry). Parts with no post of that title are returned as unmatched.
 */
export function matchCurrentPosts(
  current: string | null | undefined,
  positions: RegistryPosition[],
  orgNames: string[],
  entries: ResumeEntry[],
): { matches: CurrentPostMatch[]; unmatched: string[] } {
  const matches: CurrentPostMatch[] = [];
  const unmatched: string[] = [];
  if (!current?.trim()) return { matches, unmatched };
  const open = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.end === null && e.kind === 'post' && !e.aside);
  for (const part of currentPostParts(current, orgNames)) {
    const position = positions.find((p) => squash(p.title) === part);
    if (!position) {
      unmatched.push(part);
      continue;
    }
    if (matches.some((m) => m.position.id === position.id)) continue;
    const naming = open.filter(({ e }) => squash(e.text).includes(part));
    const from = naming.at(-1) ?? open.at(-1) ?? null;
    matches.push({ part, position, start: from?.e.start ?? null, entry: from?.i ?? null });
  }
  return { matches, unmatched };
}

/** A tenure to record from the résumé: a post of the registry, or a post as the line wrote it. */
export interface ResumeTenure {
  positionId: number | null;
  title: string;
  level: string | null;
  isPrincipal: boolean;
  /** YYYY-MM-01: the résumé gives months. */
  startDate: string;
  endDate: string | null;
}

/**
 * The tenures a résumé stands for: every post entry (not the study ones), and the matched current
 * posts. An open entry whose posts were all matched to the registry is replaced by them; when
 * 现任职务 names something the registry lacks, the entry is kept as written beside them.
 */
export function resumeTenures(
  entries: ResumeEntry[],
  matches: CurrentPostMatch[],
  allMatched: boolean,
): ResumeTenure[] {
  const day = (ym: string) => `${ym}-01`;
  const replaced = new Set(allMatched ? matches.map((m) => m.entry).filter((i) => i !== null) : []);
  const fromRegistry: ResumeTenure[] = matches
    .filter((m) => m.start !== null)
    .map((m) => ({
      positionId: m.position.id,
      title: m.position.title,
      level: m.position.level,
      isPrincipal: m.position.isPrincipal,
      startDate: day(m.start!),
      endDate: null,
    }));
  const asWritten: ResumeTenure[] = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e, i }) => e.kind === 'post' && !replaced.has(i))
    .map(({ e }) => ({
      positionId: null,
      title: e.text,
      level: null,
      isPrincipal: false,
      startDate: day(e.start),
      endDate: e.end ? day(e.end) : null,
    }));
  return [...fromRegistry, ...asWritten];
}
