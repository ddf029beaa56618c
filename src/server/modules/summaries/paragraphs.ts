/**
 * The summary's paragraph templates, registered by section (年度工作总结的段落模板). A module adds its
 * paragraphs with one call of `registerSummaryParagraphs` (src/server/summary-paragraphs.ts); each
 * names the registry figures it uses as placeholders (src/domain/summary-template.ts). A paragraph
 * whose figures are all zero, not registered or not the reader's is dropped from the summary.
 */
export const SUMMARY_SECTIONS = {
  institutions: {
    heading: '在制度上，加大创新力度，完善监督管理体系',
    intro:
      '为了使{我}干部监督管理工作逐步走上规范化、制度化的轨道，一年来，我们在干部监督管理方面先后出台和完善了一系列制度。',
  },
  focus: {
    heading: '在内容上，突出监督重点，增强监督管理工作的实际效果',
    intro:
      '干部监督管理工作面广量大，必须抓住关键，突出重点，力求取得实实在在的效果，在此基础上，以点带面，实现干部监督管理工作的全面推进。为此，我们在工作中主要突出以下重点：',
  },
  measures: {
    heading: '在手段上，实施配套改革，全方位拓宽监督管理范围',
    intro:
      '干部监督管理工作，需要放在整个社会大背景下去考虑，需要方方面面的相关制度及实实在在的措施加以配套，才能真正落到实处，收到实效。为此，我们在不断加大干部监督管理制度建设的同时，还建立健全了与之相配套的一系列制度，通过内部监督与外部监督相结合、领导监督与群众监督相结合、职能机关监督与社会监督相结合，形成了有效的约束机制，进一步规范了干部行为。',
  },
} as const;
export type SummarySection = keyof typeof SUMMARY_SECTIONS;
export const SECTION_ORDER: SummarySection[] = ['institutions', 'focus', 'measures'];

/** The opening paragraph (no figures: always kept). */
export const OPENING =
  '做好干部监督管理工作，对于防止、纠正干部队伍中的不正之风和腐败现象，具有十分重要的意义。干部监督管理不到位，不仅会毁掉一批干部，更会影响一地政权稳定，耽误一域经济发展，败坏一方社会风气。一年来，我们在上级党委、政府的正确指导下，以建设高素质干部队伍为根本目标，采取有力措施，不断加大干部监督管理工作力度，规范全{单位}领导干部行为，取得了一定的成效。现总结如下：';

export interface SummaryParagraph {
  /** Stable, `<module>.<name>`: an edited wording is kept under it. */
  id: string;
  section: SummarySection;
  /** How the page and the refusal messages name it (群众监督). */
  title: string;
  /** Its place in the section (smaller first). */
  order: number;
  /** Numbered 一是、二是… among the section's kept numbered paragraphs. */
  numbered: boolean;
  /** The wording in the seed's words, with `{我}` / `{单位}` for the org and figure placeholders. */
  template: string;
}

const paragraphs = new Map<string, SummaryParagraph>();

/** A module registers its paragraphs in a section; registering an id again replaces it. */
export function registerSummaryParagraphs(
  section: SummarySection,
  list: (Omit<SummaryParagraph, 'section' | 'numbered'> & { numbered?: boolean })[],
): void {
  for (const p of list) paragraphs.set(p.id, { numbered: true, ...p, section });
}

export const summaryParagraph = (id: string) => paragraphs.get(id);

/** Every registered paragraph, section by section, in order. */
export const summaryParagraphs = () =>
  [...paragraphs.values()].sort(
    (a, b) =>
      SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) ||
      a.order - b.order ||
      a.id.localeCompare(b.id),
  );

/** Removes a paragraph (tests register and remove their own). */
export const unregisterSummaryParagraph = (id: string) => paragraphs.delete(id);

/** How the org names itself in its summary: 我镇 / 全镇 for a township, 我区 / 全区 for a district. */
export function orgWords(kind: string, name: string): { self: string; unit: string } {
  if (kind === 'township' || name.endsWith('镇')) return { self: '我镇', unit: '镇' };
  if (name.endsWith('乡')) return { self: '我乡', unit: '乡' };
  if (kind === 'district' || name.endsWith('区')) return { self: '我区', unit: '区' };
  if (name.endsWith('街道')) return { self: '我街道', unit: '街道' };
  return { self: '我单位', unit: '单位' };
}

/** A template with the org's words in place of `{我}` and `{单位}` (the figures stay placeholders). */
export const withOrgWords = (template: string, words: { self: string; unit: string }) =>
  template.replaceAll('{我}', words.self).replaceAll('{单位}', words.unit);
