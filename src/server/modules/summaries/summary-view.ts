import { type RenderedPart, renderWording } from '../../../domain/summary-template.js';
import {
  OPENING,
  orgWords,
  SECTION_ORDER,
  SUMMARY_SECTIONS,
  type SummarySection,
  summaryParagraphs,
  withOrgWords,
} from './paragraphs.js';
import type { FiledFigure, StoredWording } from './schema.js';
import { renderValues } from './summary-figures.js';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface SummaryOrg {
  id: number;
  name: string;
  kind: string;
}

export interface ParagraphView {
  id: string;
  title: string;
  /** The wording as saved (placeholders in braces). */
  text: string;
  /** The registered template's wording for this org (what the lock compares against). */
  template: string;
  /** 一是、二是… among the kept ones; null when not numbered or dropped. */
  ordinal: string | null;
  /** The wording with its figures, or null: dropped (its figures are all zero or not available). */
  parts: RenderedPart[] | null;
}

export interface SectionView {
  key: SummarySection;
  /** 一、二、三 among the kept sections; null when the section is dropped. */
  number: string | null;
  heading: string;
  intro: string;
  paragraphs: ParagraphView[];
}

export interface SummaryBody {
  title: string;
  opening: string;
  sections: SectionView[];
  figures: FiledFigure[];
}

/** The wordings a summary starts with for an org: every registered paragraph's template. */
export function initialWordings(org: SummaryOrg): StoredWording[] {
  const words = orgWords(org.kind, org.name);
  return summaryParagraphs().map((p) => ({ id: p.id, text: withOrgWords(p.template, words) }));
}

/** The wording of each registered paragraph for this summary: as saved, else its template. */
export function wordingsOf(
  org: SummaryOrg,
  saved: StoredWording[],
): (StoredWording & { template: string })[] {
  const words = orgWords(org.kind, org.name);
  const byId = new Map(saved.map((w) => [w.id, w.text]));
  return summaryParagraphs().map((p) => {
    const template = withOrgWords(p.template, words);
    return { id: p.id, text: byId.get(p.id) ?? template, template };
  });
}

export const summaryTitle = (org: SummaryOrg, year: number) => `${org.name}${year}年干部监督管理工作总结`;

/**
 * The summary as it reads: the title, the opening, each section with its kept paragraphs (numbered
 * 一是、二是…) and the dropped ones marked, sections without a kept paragraph dropped and the rest
 * numbered 一、二、三. Only the figures its kept paragraphs use are listed (the appendix).
 */
export function summaryBody(
  org: SummaryOrg,
  year: number,
  saved: StoredWording[],
  figures: FiledFigure[],
): SummaryBody {
  const words = orgWords(org.kind, org.name);
  const values = renderValues(figures);
  const all = summaryParagraphs();
  const wording = new Map(wordingsOf(org, saved).map((w) => [w.id, w]));
  const used = new Set<string>();
  let sectionNo = 0;
  const sections = SECTION_ORDER.map((key): SectionView => {
    let n = 0;
    const paragraphs = all
      .filter((p) => p.section === key)
      .map((p): ParagraphView => {
        const w = wording.get(p.id)!;
        const parts = renderWording(w.text, values);
        if (parts) for (const part of parts) if ('key' in part) used.add(part.key);
        return {
          id: p.id,
          title: p.title,
          text: w.text,
          template: w.template,
          ordinal: parts && p.numbered ? `${CN[n++] ?? n}是` : null,
          parts,
        };
      });
    const kept = paragraphs.some((p) => p.parts);
    return {
      key,
      number: kept ? CN[sectionNo++] : null,
      heading: SUMMARY_SECTIONS[key].heading,
      intro: withOrgWords(SUMMARY_SECTIONS[key].intro, words),
      paragraphs,
    };
  });
  return {
    title: summaryTitle(org, year),
    opening: withOrgWords(OPENING, words),
    sections,
    figures: figures.filter((f) => used.has(f.key)),
  };
}
