import type { Config } from './config.js';
import { registerAdmonitionJobs } from './modules/admonitions/jobs.js';
import { registerAssessmentJobs } from './modules/assessments/structure-refresh.js';
import { registerOpennessJobs } from './modules/openness/jobs.js';
import { registerPetitionJobs } from './modules/petitions/workflow/jobs.js';
import { registerFollowTask } from './modules/pledges/portal/follow.js';
import { registerPolicyJobs } from './modules/policies/jobs.js';
import { registerAuditJobs } from './platform/audit/jobs.js';
import { registerBackupJobs } from './platform/backup/jobs.js';
import { registerFileJobs } from './platform/files/jobs.js';
import { registerSchedulerJobs } from './platform/jobs/cleanup.js';
import { registerTodoJobs } from './platform/todos/jobs.js';

/** Every background job of the system. A module adds one line here (its `registerJob` calls). */
export function registerJobs(config: Pick<Config, 'rateLimitSweepMs' | 'structureRefreshMs'> = {}): void {
  registerSchedulerJobs(config);
  registerTodoJobs();
  registerPetitionJobs(config);
  registerAuditJobs();
  registerBackupJobs();
  registerFileJobs();
  registerPolicyJobs();
  registerAdmonitionJobs();
  registerOpennessJobs();
  registerAssessmentJobs(config);
  registerFollowTask();
}
