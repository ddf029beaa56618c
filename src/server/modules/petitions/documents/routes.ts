import { z } from 'zod';
import { downloadHeaders } from '../../../platform/files/disposition.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import { revealReporterBody } from '../identity/reveal-reporter.js';
import { printCaseDocument } from './print-document.js';
import { type CaseDocument, DOCUMENT_FILES } from './printable.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const idParam = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });

/**
 * Printable case documents (.docx): a GET for each, open to whoever may see the case; and the
 * 登记表 with the reporter's identity, a POST with the reason, for holders of petition.reveal_identity.
 */
export async function petitionDocumentRoutes(app: App) {
  const { ctx } = app;
  const tags = ['petitions'];
  for (const [kind, file] of Object.entries(DOCUMENT_FILES) as [CaseDocument, string][]) {
    app.get(
      `/api/v1/petitions/:id/documents/${file}`,
      {
        schema: { tags, params: idParam },
        config: { access: ['petition.read', 'petition.assigned'], audit: 'petition.print' },
      },
      async (req, reply) => {
        const doc = await printCaseDocument({ ctx, actor: actorOf(req), id: req.params.id, kind });
        return reply.headers(downloadHeaders(doc.fileName, DOCX)).send(doc.bytes);
      },
    );
  }
  app.post(
    `/api/v1/petitions/:id/documents/${DOCUMENT_FILES.registration}`,
    {
      schema: { tags, params: idParam, body: revealReporterBody },
      config: { access: 'petition.reveal_identity', audit: 'petition.print' },
    },
    async (req, reply) => {
      const doc = await printCaseDocument({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        kind: 'registration',
        reveal: { reason: req.body.reason },
      });
      return reply.headers(downloadHeaders(doc.fileName, DOCX)).send(doc.bytes);
    },
  );
}
