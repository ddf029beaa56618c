import { birthDateAgainstId } from '../../../../domain/birth-date.js';
import { idNumberFacts, idNumberProblem, normalizeIdNumber } from '../../../../domain/id-number.js';
import { isoOf, parseRosterDate } from '../../../../domain/roster-date.js';
import { type CadreFields, cadreFields } from '../contract.js';
import { decodePerson, LrmxRefused, textOf } from './decode.js';
import { EXPECTED_ELEMENTS, LRMX_ELEMENTS, type LrmxElement } from './elements.js';
import { highestEducation, readPartyBox } from './mapping.js';
import { type FamilyItem, type Photo, readFamily, readPhoto } from './parts.js';
import { cleanBlock, cleanLine, halfWidth } from './text.js';

export { LrmxRefused } from './decode.js';
export type { FamilyItem, Photo } from './parts.js';

export type LrmxFields = Partial<CadreFields> & { family: FamilyItem[]; photo?: Photo };

export interface ParsedLrmx {
  fields: LrmxFields;
  /** Chinese names of expected boxes that are absent or empty. */
  missing: string[];
  /** What was in the file but could not be used (and was left out). */
  problems: string[];
}

type TextField = Exclude<keyof CadreFields, 'orgId' | 'status' | 'birthDate' | 'idNumber'>;

/** Boxes copied as written: one line, or a block of lines (简历, 奖惩情况 …). */
const TEXT_BOXES: [LrmxElement, TextField, 'line' | 'block'][] = [
  ['MinZu', 'ethnicity', 'line'],
  ['JiGuan', 'nativePlace', 'line'],
  ['ChuShengDi', 'birthPlace', 'line'],
  ['JianKangZhuangKuang', 'health', 'line'],
  ['ZhuanYeJiShuZhiWu', 'professionalTitle', 'line'],
  ['ShuXiZhuanYeYouHeZhuanChang', 'expertise', 'line'],
  ['QuanRiZhiJiaoYu_XueLi', 'fullTimeEducation', 'line'],
  ['QuanRiZhiJiaoYu_XueWei', 'fullTimeDegree', 'line'],
  ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'fullTimeSchool', 'line'],
  ['QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', 'fullTimeDegreeSchool', 'line'],
  ['ZaiZhiJiaoYu_XueLi', 'partTimeEducation', 'line'],
  ['ZaiZhiJiaoYu_XueWei', 'partTimeDegree', 'line'],
  ['ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'partTimeSchool', 'line'],
  ['ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', 'partTimeDegreeSchool', 'line'],
  ['XianRenZhiWu', 'currentPosition', 'line'],
  ['JianLi', 'resume', 'block'],
  ['JiangChengQingKuang', 'rewards', 'block'],
  ['NianDuKaoHeJieGuo', 'annualReviews', 'block'],
];

/**
 * Reads a 干部任免审批表 (.lrmx): what the file holds, what it lacks, and what could not be used.
 * Throws LrmxRefused when the file is not an .lrmx at all or names no one.
 */
export function parseLrmx(bytes: Uint8Array): ParsedLrmx {
  const person = decodePerson(bytes);
  const raw = (el: LrmxElement) => textOf(person[el]);
  const problems: string[] = [];
  const f: Record<string, unknown> = {};

  const name = cleanLine(raw('XingMing')).replace(/\s+/g, '');
  const nameCheck = cadreFields.shape.name.safeParse(name);
  if (!nameCheck.success) throw new LrmxRefused(`${nameCheck.error.issues[0].message}，无法导入`);
  f.name = name;

  const gender = cleanLine(raw('XingBie'));
  if (gender === '男' || gender === '女' || gender === '男性' || gender === '女性') f.gender = gender[0];
  else if (gender) problems.push(`性别“${gender}”无法识别，未导入`);

  for (const [el, key, kind] of TEXT_BOXES) {
    const v = kind === 'line' ? cleanLine(raw(el)) : cleanBlock(raw(el));
    if (v) f[key] = v;
  }
  const education = highestEducation(f.fullTimeEducation as string, f.partTimeEducation as string);
  if (education) f.education = education;

  const workStart = cleanLine(raw('CanJiaGongZuoShiJian'));
  if (workStart) {
    const d = formDate(workStart);
    if ('date' in d) f.workStartDate = d.date;
    else problems.push(`参加工作时间“${workStart}”${d.error}，未导入`);
  }
  const party = cleanLine(raw('RuDangShiJian'));
  if (party) Object.assign(f, readPartyBox(party));

  const idRaw = normalizeIdNumber(halfWidth(raw('ShenFenZheng')));
  if (idRaw) {
    const problem = idNumberProblem(idRaw);
    if (problem) problems.push(`${problem}，未导入身份证号码`);
    else f.idNumber = idRaw;
  }
  readBirth(cleanLine(raw('ChuShengNianYue')), f, problems);
  if (f.gender && f.idNumber && idNumberFacts(f.idNumber as string).gender !== f.gender)
    problems.push(`性别“${f.gender}”与身份证号码不一致，按表上所填导入`);

  const fields = keepValid(f, problems) as LrmxFields;
  fields.family = readFamily(person.JiaTingChengYuan, problems);
  const photo = readPhoto(raw('ZhaoPian'), problems);
  if (photo) fields.photo = photo;

  const missing = EXPECTED_ELEMENTS.filter((el) =>
    el === 'JiaTingChengYuan'
      ? fields.family.length === 0 && !problems.some((p) => p.startsWith('家庭成员'))
      : cleanLine(raw(el)) === '',
  ).map((el) => LRMX_ELEMENTS[el]);
  return { fields, missing, problems };
}

/** A date box read as the roster reads its cells, so both say the same of the same mistake (月份不正确 …). */
function formDate(value: string): { date: string } | { error: string } {
  const p = parseRosterDate(value);
  if (p === null) return { error: '日期格式不正确' };
  return 'error' in p ? p : { date: isoOf(p.date) };
}

/**
 * 出生年月 against the ID number (the rule of every way in): the month from the form and the day
 * from the ID number; when they contradict, the form's date is left out (the ID number's stands)
 * and the problem names both.
 */
function readBirth(value: string, f: Record<string, unknown>, problems: string[]) {
  if (!value) return;
  const d = formDate(value);
  if ('error' in d || d.date.length === 4) {
    const why = 'error' in d ? d.error : '应至少精确到月，如 1990.01';
    problems.push(`出生年月“${value}”${why}，未导入`);
    return;
  }
  const read = birthDateAgainstId(d.date, f.idNumber as string | undefined);
  if ('error' in read) {
    const fromId = idNumberFacts(f.idNumber as string).birthDate;
    problems.push(`${read.error}，未导入出生年月（按身份证号码记为 ${fromId}）`);
    return;
  }
  f.birthDate = read.birthDate;
}

/** Each field checked on its own against the cadre contract: a bad one is left out and noted. */
function keepValid(f: Record<string, unknown>, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const shape = cadreFields.shape as Record<string, { safeParse(v: unknown): any }>;
  for (const [key, value] of Object.entries(f)) {
    const check = shape[key].safeParse(value);
    if (check.success) out[key] = check.data;
    else problems.push(`${fieldLabel(key)}：${check.error.issues[0].message}，未导入`);
  }
  return out;
}

const LABELS: Record<string, string> = {
  politicalStatus: '政治面貌（入党时间）',
  partyJoinDate: '入党时间',
  education: '学历',
  birthDate: '出生年月',
  idNumber: '身份证号码',
  ...Object.fromEntries(TEXT_BOXES.map(([el, key]) => [key, LRMX_ELEMENTS[el]])),
};
const fieldLabel = (key: string) => LABELS[key] ?? key;
