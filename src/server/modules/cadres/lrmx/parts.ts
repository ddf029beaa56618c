import { isStorableText } from '../../../../domain/storable-text.js';
import { textOf } from './decode.js';
import { cleanLine, parseDate } from './text.js';

/** One <Item> of <JiaTingChengYuan>: a family member as the form lists them. */
export interface FamilyItem {
  relation: string;
  name: string;
  birthDate: string | null; // YYYY, YYYY-MM or YYYY-MM-DD
  politicalStatus: string | null;
  workUnit: string | null;
}

export interface Photo {
  bytes: Uint8Array;
  type: 'image/jpeg' | 'image/png';
}

const MAX_PHOTO = 2 * 1024 * 1024;

/** The base64 photo: JPEG or PNG by their magic bytes; anything else is dropped with a note. */
export function readPhoto(raw: string, problems: string[]): Photo | undefined {
  const b64 = raw.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!b64) return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    problems.push('照片数据已损坏，未导入照片');
    return undefined;
  }
  const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
  if (bytes.length > MAX_PHOTO) {
    problems.push('照片超过 2 MB，未导入照片');
    return undefined;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { bytes, type: 'image/jpeg' };
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return { bytes, type: 'image/png' };
  problems.push('照片格式无法识别（仅支持 JPG、PNG），未导入照片');
  return undefined;
}

const nameOf = (s: string) => cleanLine(s).replace(/\s+/g, '');
const orNull = (s: string) => cleanLine(s) || null;

/** The family members listed (at most 30, as on the family form); blank rows skipped, unusable ones noted. */
export function readFamily(node: unknown, problems: string[]): FamilyItem[] {
  const holder = node && typeof node === 'object' && !Array.isArray(node) ? node : {};
  const raw = (holder as { Item?: unknown }).Item;
  const items = Array.isArray(raw) ? raw : [];
  const out: FamilyItem[] = [];
  items.forEach((it, i) => {
    const get = (k: string) =>
      it && typeof it === 'object' ? textOf((it as Record<string, unknown>)[k]) : '';
    const relation = nameOf(get('ChengWei'));
    const name = nameOf(get('XingMing'));
    const birth = cleanLine(get('ChuShengRiQi'));
    const politicalStatus = orNull(get('ZhengZhiMianMao'));
    const workUnit = orNull(get('GongZuoDanWeiJiZhiWu'));
    const label = `家庭成员第 ${i + 1} 项`;
    if (!name) {
      if (relation || birth || politicalStatus || workUnit) problems.push(`${label}没有姓名，未导入`);
      return;
    }
    if (![relation, name, birth, politicalStatus ?? '', workUnit ?? ''].every(isStorableText)) {
      problems.push(`${label}含有无法保存的字符（如空字符），未导入`);
      return;
    }
    if (name.length > 20 || relation.length > 10) {
      problems.push(`${label}（${name.slice(0, 20)}）的称谓或姓名过长，未导入`);
      return;
    }
    if (out.length === 30) {
      problems.push(`家庭成员超过 30 人，${name}等未导入`);
      return;
    }
    const birthDate = birth ? parseDate(birth) : null;
    if (birth && !birthDate) problems.push(`${label}（${name}）的出生日期“${birth}”无法识别，未导入该项`);
    const within = (v: string | null, max: number, what: string) => {
      if (v && v.length > max) problems.push(`${label}（${name}）的${what}超过 ${max} 字，未导入该项`);
      return v && v.length <= max ? v : null;
    };
    out.push({
      relation,
      name,
      birthDate,
      politicalStatus: within(politicalStatus, 20, '政治面貌'),
      workUnit: within(workUnit, 100, '工作单位及职务'),
    });
  });
  return out;
}
