// Every table of the system, for Drizzle and drizzle-kit. Modules add their schema.ts here.

export * from '../../modules/accountability/schema.js';
export * from '../../modules/admonitions/schema.js';
export * from '../../modules/appointments/schema.js';
export * from '../../modules/assessments/schema.js';
export * from '../../modules/audits/schema.js';
export * from '../../modules/cadres/schema.js';
export * from '../../modules/openness/objections/schema.js';
export * from '../../modules/openness/portal/schema.js';
export * from '../../modules/openness/schema.js';
export * from '../../modules/petitions/figures/cube-schema.js';
export * from '../../modules/petitions/portal/schema.js';
export * from '../../modules/petitions/schema.js';
export * from '../../modules/pledges/schema.js';
export * from '../../modules/policies/schema.js';
export * from '../../modules/summaries/schema.js';
export * from '../audit/schema.js';
export * from '../auth/schema.js';
export * from '../calendar/schema.js';
export * from '../dictionaries/schema.js';
export * from '../imports/schema.js';
export * from '../jobs/schema.js';
export * from '../orgs/schema.js';
export * from '../rules/schema.js';
export * from '../settings/schema.js';
export * from '../todos/schema.js';
export * from '../users/schema.js';
