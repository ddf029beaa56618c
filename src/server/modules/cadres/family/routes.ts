import { z } from 'zod';
import { type App, actorOf } from '../../../platform/http/types.js';
import { idParam } from '../contract.js';
import { familyBody, familyMemberOut } from './contract.js';
import { familyOf, listFamily } from './list-family.js';
import { replaceFamily } from './replace-family.js';

/** 家庭成员: shown to cadre readers (each viewing audited), replaced as a whole by cadre managers. */
export async function familyRoutes(app: App) {
  const { ctx } = app;
  const tags = ['cadres'];

  app.get(
    '/api/v1/cadres/:id/family',
    {
      schema: { tags, params: idParam, response: { 200: z.array(familyMemberOut) } },
      config: { access: 'cadre.read', audit: 'family.view', auditView: 'family.view' },
    },
    (req) => listFamily({ ctx, actor: actorOf(req), cadreId: req.params.id }),
  );
  app.put(
    '/api/v1/cadres/:id/family',
    {
      schema: { tags, params: idParam, body: familyBody, response: { 200: z.array(familyMemberOut) } },
      config: { access: 'cadre.manage', audit: 'family.update' },
    },
    async (req) => {
      await replaceFamily({ ctx, actor: actorOf(req), cadreId: req.params.id, input: req.body });
      return familyOf(ctx.db, req.params.id);
    },
  );
}
