import { z } from 'zod';
import { type App, actorOf } from '../../../platform/http/types.js';
import '../provider.js';
import { revealReporter, revealReporterBody, revealReporterOut } from './reveal-reporter.js';

const idParam = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });

/** Reporter protection: the identity only on a stated reason, each reveal audited. */
export async function petitionIdentityRoutes(app: App) {
  const { ctx } = app;
  app.post(
    '/api/v1/petitions/:id/reporter',
    {
      schema: {
        tags: ['petitions'],
        params: idParam,
        body: revealReporterBody,
        response: { 200: revealReporterOut },
      },
      config: { access: 'petition.reveal_identity', audit: 'petition.reveal_identity' },
    },
    (req) => revealReporter({ ctx, actor: actorOf(req), id: req.params.id, reason: req.body.reason }),
  );
}
