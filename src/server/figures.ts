import { accountabilityFigures } from './modules/accountability/figures/accountability-figures.js';
import { admonitionFigures } from './modules/admonitions/figures/admonition-figures.js';
import { inquiryFigures } from './modules/admonitions/figures/inquiry-figures.js';
import { trackingPanel } from './modules/admonitions/figures/tracking-panel.js';
import { appointmentFigures } from './modules/appointments/figures/appointment-figures.js';
import { noticePanel } from './modules/appointments/figures/notice-panel.js';
import { objectionsPanel } from './modules/appointments/figures/objections-panel.js';
import { assessmentFigures } from './modules/assessments/figures/assessment-figures.js';
import { lastPlacePanel } from './modules/assessments/figures/last-place-panel.js';
import { auditFigures } from './modules/audits/figures/audit-figures.js';
import { overdueItemsPanel } from './modules/audits/figures/overdue-panel.js';
import { cadreFigures } from './modules/cadres/figures/cadre-figures.js';
import { disclosureFigures } from './modules/openness/figures/disclosure-figures.js';
import { petitionFigures } from './modules/petitions/figures/petition-figures.js';
import { pledgeFigures } from './modules/pledges/figures/pledge-figures.js';
import { policyFigures } from './modules/policies/figures/policy-figures.js';
import { registerAllSummaryParagraphs } from './modules/summaries/catalogue.js';
import { registerDashboardPanel } from './platform/dashboard/panels.js';
import { registerFigures } from './platform/figures/registry.js';

/** Every module's figures in the registry. A module adds one line here. */
export function registerAllFigures(): void {
  for (const m of [
    petitionFigures(),
    cadreFigures(),
    policyFigures(),
    pledgeFigures(),
    accountabilityFigures(),
    admonitionFigures(),
    inquiryFigures(),
    appointmentFigures(),
    auditFigures(),
    assessmentFigures(),
    disclosureFigures(),
  ])
    registerFigures(m.source, m.figures);
  registerDashboardPanel(trackingPanel);
  registerDashboardPanel(noticePanel);
  registerDashboardPanel(objectionsPanel);
  registerDashboardPanel(overdueItemsPanel);
  registerDashboardPanel(lastPlacePanel);
  registerAllSummaryParagraphs();
}
