import type { PetitionClockRules } from '../../../domain/petition-workflow.js';
import type { RulesService } from '../../platform/rules/service.js';

/** The petition clocks' rule values in force on a date (rules are data). */
export async function petitionClockRules(rules: RulesService, onDate?: string): Promise<PetitionClockRules> {
  const v = (key: string) => rules.value<number>(key, onDate);
  return {
    acceptanceDays: await v('petition.acceptance'),
    handlingDays: await v('petition.handling'),
    extensionMaxDays: await v('petition.extension_max'),
    reviewRequestDays: await v('petition.review_request'),
    reviewAnswerDays: await v('petition.review_answer'),
    realNameResultWorkingDays: await v('petition.realname_result_feedback'),
  };
}
