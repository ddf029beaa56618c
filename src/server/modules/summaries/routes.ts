import { downloadHeaders } from '../../platform/files/disposition.js';
import { type App, actorOf } from '../../platform/http/types.js';
import {
  differenceOut,
  editParagraphBody,
  finalizeBody,
  generateBody,
  listSummariesQuery,
  paragraphParams,
  summaryIdParams,
  summaryListOut,
  summaryOut,
} from './contract.js';
import { editParagraph } from './edit-paragraph.js';
import { finalizeSummary } from './finalize-summary.js';
import { generateDraft } from './generate-draft.js';
import { listSummaries } from './list-summaries.js';
import { loadSummary } from './load-summary.js';
import { summaryDifference } from './summary-difference.js';
import { summaryDocument } from './summary-document.js';
import { summaryOut as toSummaryOut } from './summary-out.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 年度工作总结: drafts, locked-figure editing, final versions with their .docx, and the difference. */
export async function summaryRoutes(app: App) {
  const { ctx } = app;
  const tags = ['summaries'];
  const access = 'summary.manage' as const;

  app.get(
    '/api/v1/summaries',
    {
      schema: { tags, querystring: listSummariesQuery, response: { 200: summaryListOut } },
      config: { access, audit: 'summary.list' },
    },
    async (req) => listSummaries({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/summaries',
    { schema: { tags, body: generateBody, response: { 200: summaryOut } }, config: { access } },
    async (req) => generateDraft({ ctx, actor: actorOf(req), body: req.body }),
  );
  app.get(
    '/api/v1/summaries/:id',
    {
      schema: { tags, params: summaryIdParams, response: { 200: summaryOut } },
      config: { access, audit: 'summary.view' },
    },
    async (req) => {
      const actor = actorOf(req);
      const { row, org } = await loadSummary(ctx.db, actor, req.params.id);
      return toSummaryOut(ctx, actor, row, org);
    },
  );
  app.put(
    '/api/v1/summaries/:id/paragraphs/:paragraphId',
    {
      schema: { tags, params: paragraphParams, body: editParagraphBody, response: { 200: summaryOut } },
      config: { access },
    },
    async (req) =>
      editParagraph({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        paragraphId: req.params.paragraphId,
        body: req.body,
      }),
  );
  app.post(
    '/api/v1/summaries/:id/finalize',
    {
      schema: { tags, params: summaryIdParams, body: finalizeBody, response: { 200: summaryOut } },
      config: { access },
    },
    async (req) =>
      finalizeSummary({ ctx, actor: actorOf(req), id: req.params.id, rowVersion: req.body.rowVersion }),
  );
  app.get(
    '/api/v1/summaries/:id/difference',
    { schema: { tags, params: summaryIdParams, response: { 200: differenceOut } }, config: { access } },
    async (req) => summaryDifference({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.get(
    '/api/v1/summaries/:id/document.docx',
    { schema: { tags, params: summaryIdParams }, config: { access } },
    async (req, reply) => {
      const doc = await summaryDocument({ ctx, actor: actorOf(req), id: req.params.id });
      return reply.headers(downloadHeaders(doc.fileName, DOCX)).send(doc.bytes);
    },
  );
}
