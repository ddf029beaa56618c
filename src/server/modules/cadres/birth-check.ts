import { birthDateAgainstId } from '../../../domain/birth-date.js';
import { badRequest } from '../../platform/http/errors.js';

/**
 * The cadre form's 出生日期 against the ID number (the rule the roster and .lrmx imports follow):
 * a contradiction is refused naming both dates, on the 出生日期 field.
 */
export function assertBirthMatchesId(
  birthDate: string | null | undefined,
  idNumber: string | null | undefined,
) {
  if (!birthDate || !idNumber) return;
  const read = birthDateAgainstId(birthDate, idNumber);
  if ('error' in read) throw badRequest(read.error, { birthDate: read.error });
}
