import { z } from 'zod';
import { type App, actorOf } from '../../../platform/http/types.js';
import { idParam } from '../contract.js';
import { loadCadre } from '../load-cadre.js';
import { addConcurrentPost, listConcurrentPosts, removeConcurrentPost } from './concurrent-posts.js';
import {
  concurrentPostIn,
  concurrentPostOut,
  tenureEnd,
  tenureOut,
  tenureStart,
  tenureUpdate,
} from './contract.js';
import { endTenure } from './end-tenure.js';
import { tenuresOf } from './load-tenure.js';
import { startTenure } from './start-tenure.js';
import { updateTenure } from './update-tenure.js';

const ok = z.object({ ok: z.boolean() });
const postParam = idParam.extend({ postId: z.coerce.number().int().positive('编号不正确') });

/** 任职经历 (take up, leave, correct a post) and 交叉兼职 of a cadre. */
export async function tenureRoutes(app: App) {
  const { ctx } = app;
  const tags = ['tenures'];

  app.get(
    '/api/v1/cadres/:id/tenures',
    {
      schema: { tags, params: idParam, response: { 200: z.array(tenureOut) } },
      config: { access: 'cadre.read' },
    },
    async (req) => {
      await loadCadre(ctx.db, actorOf(req), req.params.id);
      return tenuresOf(ctx.db, req.params.id);
    },
  );
  app.post(
    '/api/v1/cadres/:id/tenures',
    {
      schema: { tags, params: idParam, body: tenureStart, response: { 200: z.object({ id: z.number() }) } },
      config: { access: 'cadre.manage', audit: 'tenure.start' },
    },
    async (req) => ({
      id: await startTenure({ ctx, actor: actorOf(req), cadreId: req.params.id, input: req.body }),
    }),
  );
  app.post(
    '/api/v1/tenures/:id/end',
    {
      schema: { tags, params: idParam, body: tenureEnd, response: { 200: ok } },
      config: { access: 'cadre.manage', audit: 'tenure.end' },
    },
    async (req) => {
      await endTenure({ ctx, actor: actorOf(req), id: req.params.id, input: req.body });
      return { ok: true };
    },
  );
  app.put(
    '/api/v1/tenures/:id',
    {
      schema: { tags, params: idParam, body: tenureUpdate, response: { 200: ok } },
      config: { access: 'cadre.manage', audit: 'tenure.update' },
    },
    async (req) => {
      await updateTenure({ ctx, actor: actorOf(req), id: req.params.id, input: req.body });
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/cadres/:id/concurrent-posts',
    {
      schema: { tags, params: idParam, response: { 200: z.array(concurrentPostOut) } },
      config: { access: 'cadre.read' },
    },
    (req) => listConcurrentPosts({ ctx, actor: actorOf(req), cadreId: req.params.id }),
  );
  app.post(
    '/api/v1/cadres/:id/concurrent-posts',
    {
      schema: { tags, params: idParam, body: concurrentPostIn, response: { 200: ok } },
      config: { access: 'cadre.manage', audit: 'concurrent_post.create' },
    },
    async (req) => {
      await addConcurrentPost({ ctx, actor: actorOf(req), cadreId: req.params.id, input: req.body });
      return { ok: true };
    },
  );
  app.delete(
    '/api/v1/cadres/:id/concurrent-posts/:postId',
    {
      schema: { tags, params: postParam, response: { 200: ok } },
      config: { access: 'cadre.manage', audit: 'concurrent_post.delete' },
    },
    async (req) => {
      const { id, postId } = req.params;
      await removeConcurrentPost({ ctx, actor: actorOf(req), cadreId: id, postId });
      return { ok: true };
    },
  );
}
