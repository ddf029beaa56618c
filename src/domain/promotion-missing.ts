import type { CadreRecords } from './cadre-records.js';
import { type PostLevel, postLevelText } from './promotion-ladder.js';
import type { TenureFact } from './promotion-records.js';

/** A fact the promotion rules need that the records do not hold: the answer is then 无法判断, never 符合. */
export interface MissingFact {
  code: 'no_current_post' | 'post_level' | 'target' | 'annual_grade';
  message: string;
}

/**
 * What is missing for a full answer on `onDate`: the current post (任职年限 counts from it), its level
 * (the ladder and the rule depend on it), the post considered (when no step up follows from the
 * current one), and an annual grade of last year or the year before (第二十四条 reads the latest).
 */
export function missingFacts(
  onDate: string,
  current: TenureFact | null,
  target: PostLevel | null,
  records: CadreRecords,
): MissingFact[] {
  const out: MissingFact[] = [];
  if (!current) {
    out.push({ code: 'no_current_post', message: `${onDate} 无在任职务记录，无法判断任职年限` });
  } else if (!current.level) {
    out.push({
      code: 'post_level',
      message: `现任职务“${current.title}”未填写职务层次，无法判断任职年限和拟提任层次`,
    });
  } else if (!target) {
    out.push({
      code: 'target',
      message: `现任${postLevelText(current)}没有可推定的上一级职务层次，请选择拟任职务层次后再判断`,
    });
  }
  const lastYear = Number(onDate.slice(0, 4)) - 1;
  if (!records.annualGrades.some((g) => g.year === lastYear || g.year === lastYear - 1)) {
    out.push({
      code: 'annual_grade',
      message: `${lastYear} 年度考核结果未录入，无法判断上年度考核是否影响提拔`,
    });
  }
  return out;
}
