import { z } from 'zod';
import { type App, actorOf } from '../http/types.js';
import { addRuleVersion } from './add-version.js';
import { keyParam, newVersionBody, ruleOut } from './contract.js';
import { getRule, listRules } from './list-rules.js';

export async function ruleRoutes(app: App) {
  const { ctx } = app;
  const tags = ['rules'];

  app.get(
    '/api/v1/rules',
    { schema: { tags, response: { 200: z.array(ruleOut) } }, config: { access: 'rule.read' } },
    () => listRules({ ctx }),
  );
  app.get(
    '/api/v1/rules/:key',
    { schema: { tags, params: keyParam, response: { 200: ruleOut } }, config: { access: 'rule.read' } },
    (req) => getRule({ ctx, key: req.params.key }),
  );
  app.post(
    '/api/v1/rules/:key/versions',
    {
      schema: { tags, params: keyParam, body: newVersionBody, response: { 200: ruleOut } },
      config: { access: 'rule.manage', audit: 'rule.new_version' },
    },
    (req) => addRuleVersion({ ctx, actor: actorOf(req), key: req.params.key, input: req.body }),
  );
}
