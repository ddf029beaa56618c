import type { CadreRecords } from './cadre-records.js';
import { addDays } from './calendar.js';
import { periodClearsOn, periodText } from './effect-period.js';
import type { BlockingReason, ReasonCode, RuleRef } from './promotion-eligibility.js';
import { minTenureRuleFor, type PostLevel, postLevelText } from './promotion-ladder.js';
import { gradeBlock, type TenureFact, timeInRank } from './promotion-records.js';

/** The reasons of each rule of the table; promotion-eligibility.ts puts them together. */
type Rules = Record<string, RuleRef>;

export const need = (rules: Rules, key: string): RuleRef => {
  const r = rules[key];
  if (!r) throw new Error(`rule ${key} not supplied`);
  return r;
};
const ref = (key: string, r: RuleRef) => ({ key, name: r.name, source: r.source });

const KIND_LABELS: Record<string, string> = {
  'admonition.promotion_block': '诫勉',
  'sanction.party.warning': '党内警告处分',
  'sanction.party.serious_warning': '党内严重警告处分',
  'sanction.party.removal_from_post': '撤销党内职务处分',
  'sanction.party.probation': '留党察看处分',
  'sanction.party.expulsion': '开除党籍处分',
  'sanction.government.warning': '政务警告处分',
  'sanction.government.demerit': '记过处分',
  'sanction.government.major_demerit': '记大过处分',
  'sanction.government.demotion': '降级处分',
  'sanction.government.dismissal': '撤职处分',
  'sanction.government.expulsion': '开除处分',
  'org_measure.transfer': '调离岗位',
  'org_measure.removal': '免职',
  'org_measure.removal_higher': '免职（较重情形）',
  'org_measure.demotion': '降职',
};

const minDay = (a: string, b?: string) => (b && b < a ? b : a);

/** 上年度考核基本称职或以下: does not clear by time, only by a new annual grade. */
export function gradeReasons(records: CadreRecords, rules: Rules, onDate: string): BlockingReason[] {
  const r = need(rules, 'promotion.blocking_grades');
  const g = gradeBlock(records.annualGrades, onDate, r.value as string[]);
  if (!g) return [];
  const message = `${g.year} 年度考核结果为${g.grade}，需有新的年度考核结果后方可提拔`;
  return [{ code: 'annual_grade', message, rule: ref('promotion.blocking_grades', r), clearsOn: null }];
}

/** 诫勉, 党纪政务处分, 组织处理: blocked from the day each takes effect for its rule's period. */
export function periodReasons(records: CadreRecords, rules: Rules, onDate: string): BlockingReason[] {
  const periods: { code: ReasonCode; key: string; from: string; title?: string; endsOn?: string }[] = [
    ...records.admonitions.map((a) => ({
      code: 'admonition' as const,
      key: 'admonition.promotion_block',
      ...a,
    })),
    ...records.sanctions.map((s) => ({ code: 'sanction' as const, key: `sanction.${s.kind}`, ...s })),
    ...records.orgMeasures.map((m) => ({ code: 'org_measure' as const, key: `org_measure.${m.kind}`, ...m })),
  ].map(({ code, key, effectiveFrom, title, endsOn }) => ({ code, key, from: effectiveFrom, title, endsOn }));
  periods.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  const out: BlockingReason[] = [];
  for (const { code, key, from, title, endsOn } of periods) {
    if (from > onDate) continue; // not yet in effect
    if (endsOn && onDate >= endsOn) continue; // taken out of force (changed, lifted, released) by then
    const label = title ?? KIND_LABELS[key] ?? key;
    const r = rules[key];
    if (!r) {
      // a kind no rule knows: block rather than let it pass unseen
      const message = `${label}（${from} 起）的影响期未配置规则（${key}），请在规则配置中补充`;
      out.push({ code, message, rule: { key, name: label, source: '' }, since: from, clearsOn: null });
      continue;
    }
    const unit = r.unit ?? 'months';
    const clearsOn = minDay(periodClearsOn(from, r.value as number, unit), endsOn);
    if (onDate >= clearsOn) continue;
    const message = `${label}（${from} 起）影响期 ${periodText(r.value as number, unit)}，${addDays(clearsOn, -1)} 期满前不得提拔`;
    out.push({ code, message, rule: ref(key, r), since: from, clearsOn });
  }
  return out;
}

/** 任职年限: deputy → principal 2 years, lower principal → higher deputy 3 years, at the current rank. */
export function minTenureReasons(
  tenures: TenureFact[],
  current: TenureFact | null,
  target: PostLevel | null,
  rules: Rules,
  onDate: string,
): BlockingReason[] {
  if (!current || !target) return [];
  const key = minTenureRuleFor({ level: current.level ?? '', isPrincipal: current.isPrincipal }, target);
  if (!key) return [];
  const r = need(rules, key);
  const unit = r.unit ?? 'years';
  const since = timeInRank(tenures, current);
  const clearsOn = periodClearsOn(since, r.value as number, unit);
  if (onDate >= clearsOn) return [];
  const message = `自 ${since} 起任${postLevelText(current)}（现任${current.title}），提任${postLevelText(target)}须任满 ${periodText(r.value as number, unit)}`;
  return [{ code: 'min_tenure', message, rule: ref(key, r), since, clearsOn }];
}

/** 试用期: a post held on the date whose probation has not ended (probationEnd is its last day). */
export function probationReasons(tenures: TenureFact[], rules: Rules, onDate: string): BlockingReason[] {
  return tenures
    .filter((t) => t.probationEnd && t.startDate <= onDate && (!t.endDate || t.endDate >= onDate))
    .filter((t) => t.probationEnd! >= onDate)
    .map((t) => ({
      code: 'probation' as const,
      message: `${t.title}试用期至 ${t.probationEnd}，试用期内不得提拔`,
      rule: ref('appointment.probation', need(rules, 'appointment.probation')),
      since: t.startDate,
      clearsOn: addDays(t.probationEnd!, 1),
    }));
}
