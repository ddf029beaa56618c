import { portalLimits } from '../../../platform/http/portal-limits.js';
import type { App } from '../../../platform/http/types.js';
import { addMaterial } from './add-material.js';
import { issueChallenge } from './challenge.js';
import {
  challengeOut,
  codeInput,
  portalOrgsOut,
  publicStatusOut,
  ratingInput,
  reviewInput,
  submissionOut,
} from './contract.js';
import { portalOptions } from './portal-options.js';
import { publicStatus } from './public-status.js';
import { ratePetition } from './rate.js';
import { readPortalForm } from './read-form.js';
import { petitionByCode } from './receipt.js';
import { requestReview } from './request-review.js';
import { submitReport } from './submit.js';

/**
 * The public portal's API (no account): the form's options, the anti-bot challenge, the report,
 * and everything a reporter does with the receipt code. Anonymous by construction: a session the
 * browser happens to carry is ignored, so nothing here is tied to a user. Every route is limited
 * per address; wrong codes are counted per address in the database as well (see throttle.ts).
 * Forms with files are multipart: the JSON in a field `data`, then up to five files.
 */
export async function portalRoutes(app: App) {
  const { ctx } = app;
  const tags = ['portal'];
  await portalLimits(app, 'petitions');
  const config = { access: 'public' } as const;
  const base = '/api/v1/portal';

  app.get(`${base}/orgs`, { schema: { tags, response: { 200: portalOrgsOut } }, config }, () =>
    portalOptions(ctx),
  );
  app.get(`${base}/challenge`, { schema: { tags, response: { 200: challengeOut } }, config }, () =>
    issueChallenge(ctx),
  );
  app.post(
    `${base}/submissions`,
    {
      schema: {
        tags,
        description:
          'A report. JSON (submissionInput in contract.ts), or multipart/form-data with that JSON in the field `data` and up to five files (JPG, PNG, PDF, docx; 10 MB each). Resending the same idempotencyKey answers duplicate: true.',
        response: { 200: submissionOut },
      },
      config: { ...config, rateLimit: { max: 20, timeWindow: '10 minutes' } },
    },
    async (req) => submitReport(ctx, await readPortalForm(req)),
  );
  app.post(
    `${base}/status`,
    { schema: { tags, body: codeInput, response: { 200: publicStatusOut } }, config },
    async (req) => publicStatus(ctx, await petitionByCode(ctx, req.ip, req.body.code)),
  );
  app.post(
    `${base}/status/material`,
    {
      schema: {
        tags,
        description:
          'Material from the reporter: JSON { code, text }, or multipart with that JSON in `data` and up to five files.',
        response: { 200: publicStatusOut },
      },
      config: { ...config, rateLimit: { max: 20, timeWindow: '10 minutes' } },
    },
    async (req) => addMaterial(ctx, req.ip, await readPortalForm(req)),
  );
  app.post(
    `${base}/status/rating`,
    { schema: { tags, body: ratingInput, response: { 200: publicStatusOut } }, config },
    (req) => ratePetition(ctx, req.ip, req.body),
  );
  app.post(
    `${base}/status/review`,
    { schema: { tags, body: reviewInput, response: { 200: publicStatusOut } }, config },
    (req) => requestReview(ctx, req.ip, req.body),
  );
}
