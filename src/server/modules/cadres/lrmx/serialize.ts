import { XMLBuilder } from 'fast-xml-parser';
import type { CadreRecords } from '../providers.js';
import type { cadres } from '../schema.js';
import { LRMX_ELEMENTS, type LrmxElement } from './elements.js';
import { writePartyBox } from './mapping.js';
import type { FamilyItem } from './parts.js';
import { compactDate, dottedMonth } from './text.js';

type CadreRow = typeof cadres.$inferSelect;

export interface LrmxExport {
  cadre: Omit<CadreRow, 'idNumberEnc' | 'idNumberDigest' | 'idNumberMasked'>;
  /** The full ID number (the form carries it). */
  idNumber: string | null;
  /** Posts held, for the 简历 when the cadre has none recorded. */
  tenures: { title: string; orgName: string | null; startDate: string; endDate: string | null }[];
  family: FamilyItem[];
  records: Pick<CadreRecords, 'annualGrades' | 'rewardsAndPunishments'>;
  /** YYYY-MM-DD: the form's 计算年龄时间 and 填表时间. */
  today: string;
  filledBy: string;
}

/** The 任免审批表 as the 3.0 (.lrmx) editor writes it: every element, empty when unknown, UTF-8. */
export function serializeLrmx(x: LrmxExport): Uint8Array {
  const c = x.cadre;
  const v: Record<LrmxElement, unknown> = {
    XingMing: c.name,
    XingBie: c.gender ?? '',
    ChuShengNianYue: compactDate(c.birthDate?.slice(0, 7)),
    MinZu: c.ethnicity ?? '',
    JiGuan: c.nativePlace ?? '',
    ChuShengDi: c.birthPlace ?? '',
    RuDangShiJian: writePartyBox(c.partyJoinDate, c.politicalStatus),
    CanJiaGongZuoShiJian: compactDate(c.workStartDate),
    JianKangZhuangKuang: c.health ?? '',
    ZhuanYeJiShuZhiWu: c.professionalTitle ?? '',
    ShuXiZhuanYeYouHeZhuanChang: c.expertise ?? '',
    QuanRiZhiJiaoYu_XueLi: c.fullTimeEducation ?? '',
    QuanRiZhiJiaoYu_XueWei: c.fullTimeDegree ?? '',
    QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: c.fullTimeSchool ?? '',
    QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: c.fullTimeDegreeSchool ?? '',
    ZaiZhiJiaoYu_XueLi: c.partTimeEducation ?? '',
    ZaiZhiJiaoYu_XueWei: c.partTimeDegree ?? '',
    ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: c.partTimeSchool ?? '',
    ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: c.partTimeDegreeSchool ?? '',
    XianRenZhiWu: c.currentPosition ?? '',
    NiRenZhiWu: '',
    NiMianZhiWu: '',
    JianLi: c.resume?.trim() || resumeFromTenures(x.tenures),
    JiangChengQingKuang: rewardsText(x.records.rewardsAndPunishments) ?? (c.rewards?.trim() || '无'),
    NianDuKaoHeJieGuo: gradesText(x.records.annualGrades) ?? (c.annualReviews?.trim() || '无'),
    RenMianLiYou: '',
    JiaTingChengYuan: x.family.length
      ? {
          Item: x.family.map((m) => ({
            ChengWei: m.relation,
            XingMing: m.name,
            ChuShengRiQi: compactDate(m.birthDate),
            ZhengZhiMianMao: m.politicalStatus ?? '',
            GongZuoDanWeiJiZhiWu: m.workUnit ?? '',
          })),
        }
      : '',
    ChengBaoDanWei: '',
    JiSuanNianLingShiJian: compactDate(x.today),
    TianBiaoShiJian: compactDate(x.today),
    TianBiaoRen: x.filledBy,
    ShenFenZheng: x.idNumber ?? '',
    ZhaoPian: c.photo ? Buffer.from(c.photo).toString('base64') : '',
    Version: '3.0',
  };
  const person = Object.fromEntries(Object.keys(LRMX_ELEMENTS).map((k) => [k, xmlSafe(v[k as LrmxElement])]));
  const xml = builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, Person: person });
  return new TextEncoder().encode(xml);
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
  processEntities: true,
});

const xmlChar = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c !== 0xfffe && c !== 0xffff);
};

/** Control characters XML 1.0 cannot carry (pasted from word processors) are dropped. */
function xmlSafe(v: unknown): unknown {
  if (typeof v === 'string') return [...v].filter(xmlChar).join('');
  if (Array.isArray(v)) return v.map(xmlSafe);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, xmlSafe(x)]));
  return v;
}

/**
 * 简历 lines from the posts held: `2015.03--2018.06  大兴镇党政办副主任`, the current one open-ended;
 * posts of one org held over the same months share a line (`大兴镇党委副书记、镇长`). A post of an
 * imported 简历 outside the registry is its line as written.
 */
export function resumeFromTenures(tenures: LrmxExport['tenures']): string {
  const sorted = [...tenures].sort((a, b) =>
    a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0,
  );
  const lines: { span: string; orgName: string | null; titles: string[] }[] = [];
  for (const t of sorted) {
    const span = `${dottedMonth(t.startDate)}--${t.endDate ? dottedMonth(t.endDate) : '       '}`;
    const last = lines.at(-1);
    if (last && t.orgName && last.orgName === t.orgName && last.span === span) last.titles.push(t.title);
    else lines.push({ span, orgName: t.orgName, titles: [t.title] });
  }
  return lines
    .map(({ span, orgName, titles }) => {
      const post = titles.join('、');
      return `${span}  ${orgName && !post.startsWith(orgName) ? `${orgName}${post}` : post}`;
    })
    .join('\n');
}

/** 奖惩情况 from the system's records, oldest first; undefined when there are none. */
export function rewardsText(items: CadreRecords['rewardsAndPunishments']): string | undefined {
  if (!items.length) return undefined;
  return [...items]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((r) => (/^\d{4}/.test(r.text) ? r.text : `${dottedMonth(r.date)}  ${r.text}`))
    .join('\n');
}

/** 年度考核结果 for the last three years on record: "2023年度考核称职，2024年度考核优秀。" */
export function gradesText(grades: CadreRecords['annualGrades']): string | undefined {
  if (!grades.length) return undefined;
  const byYear = new Map(grades.map((g) => [g.year, g.grade]));
  const years = [...byYear.keys()].sort((a, b) => a - b).slice(-3);
  return `${years.map((y) => `${y}年度考核${byYear.get(y)}`).join('，')}。`;
}
