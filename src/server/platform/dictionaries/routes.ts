import { z } from 'zod';
import { type App, actorOf } from '../http/types.js';
import {
  dictItemOut,
  dictOptionOut,
  dictTypeOut,
  itemCreate,
  itemEnabled,
  itemParam,
  itemUpdate,
  optionsQuery,
  typeParam,
} from './contract.js';
import { createDictItem } from './create-item.js';
import { deleteDictItem } from './delete-item.js';
import { dictOptions, listDictItems, listDictTypes } from './list-dictionaries.js';
import { updateDictItem } from './update-item.js';

export async function dictionaryRoutes(app: App) {
  const { ctx } = app;
  const tags = ['dictionaries'];
  const manage = (audit: string) => ({ access: 'dict.manage' as const, audit });

  app.get(
    '/api/v1/dicts',
    { schema: { tags, response: { 200: z.array(dictTypeOut) } }, config: { access: 'dict.read' } },
    () => listDictTypes({ ctx }),
  );
  app.get(
    '/api/v1/dicts/:type',
    {
      schema: {
        tags,
        params: typeParam,
        querystring: optionsQuery,
        response: { 200: z.array(dictOptionOut) },
      },
      config: { access: 'dict.read' },
    },
    (req) => dictOptions({ ctx, type: req.params.type, includeDisabled: !!req.query.includeDisabled }),
  );
  app.get(
    '/api/v1/dicts/:type/items',
    {
      schema: { tags, params: typeParam, response: { 200: z.array(dictItemOut) } },
      config: { access: 'dict.read' },
    },
    (req) => listDictItems({ ctx, type: req.params.type }),
  );
  app.post(
    '/api/v1/dicts/:type/items',
    {
      schema: { tags, params: typeParam, body: itemCreate, response: { 200: dictItemOut } },
      config: manage('dict.item_create'),
    },
    (req) => createDictItem({ ctx, actor: actorOf(req), type: req.params.type, input: req.body }),
  );
  app.put(
    '/api/v1/dicts/:type/items/:id',
    {
      schema: { tags, params: itemParam, body: itemUpdate, response: { 200: dictItemOut } },
      config: manage('dict.item_update'),
    },
    (req) =>
      updateDictItem({ ctx, actor: actorOf(req), type: req.params.type, id: req.params.id, input: req.body }),
  );
  app.put(
    '/api/v1/dicts/:type/items/:id/enabled',
    {
      schema: { tags, params: itemParam, body: itemEnabled, response: { 200: dictItemOut } },
      config: manage('dict.item_update'),
    },
    (req) =>
      updateDictItem({ ctx, actor: actorOf(req), type: req.params.type, id: req.params.id, input: req.body }),
  );
  app.delete(
    '/api/v1/dicts/:type/items/:id',
    { schema: { tags, params: itemParam }, config: manage('dict.item_delete') },
    async (req) => {
      await deleteDictItem({ ctx, actor: actorOf(req), type: req.params.type, id: req.params.id });
      return { ok: true };
    },
  );
}
