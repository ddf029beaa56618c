import { idNumberFacts, idNumberProblem } from './id-number.js';

/** The birth date to record, or why the written date and the ID number cannot both be right. */
export type BirthCheck = { birthDate: string | null } | { error: string };

/**
 * 出生日期 against the 公民身份号码, the one rule of every way in (roster sheet, .lrmx, the cadre
 * form). `written` is what the form says: YYYY-MM when it gives only the month (出生年月), or
 * YYYY-MM-DD. Where it gives only the month, the ID number's full date wins; where it contradicts
 * the ID number (another month, or another day), that is an error naming both dates. No written
 * date: the ID number's; no valid ID number: the written date (the first of the month when only
 * the month is known).
 */
export function birthDateAgainstId(
  written: string | null | undefined,
  idNumber: string | null | undefined,
): BirthCheck {
  const fromId = idNumber && !idNumberProblem(idNumber) ? idNumberFacts(idNumber).birthDate : null;
  if (!written) return { birthDate: fromId };
  if (!fromId) return { birthDate: written.length === 10 ? written : `${written.slice(0, 7)}-01` };
  const agrees = written.length === 10 ? written === fromId : fromId.startsWith(written);
  if (!agrees) return { error: birthContradiction(written, fromId) };
  return { birthDate: fromId };
}

/** "出生日期 1980-03-15 与身份证号码中的 1980-05-15 不一致" */
export const birthContradiction = (written: string, fromId: string) =>
  `出生日期 ${written} 与身份证号码中的 ${fromId} 不一致`;
