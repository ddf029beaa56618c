import { type App, actorOf } from '../http/types.js';
import { computeFigures } from './compute-figures.js';
import {
  figureKeyParams,
  figureRecordsOut,
  figureRecordsQuery,
  figuresOut,
  figuresQuery,
} from './contract.js';
import { figureRecords } from './figure-records.js';

/**
 * The figures registry over HTTP: any signed-in caller may ask; each figure needs its own permission
 * (a figure named that the caller may not see is a 403; unnamed ones are left out).
 */
export async function figureRoutes(app: App) {
  const { ctx } = app;
  const tags = ['figures'];

  app.get(
    '/api/v1/figures',
    {
      schema: { tags, querystring: figuresQuery, response: { 200: figuresOut } },
      config: { access: 'authenticated' },
    },
    async (req) => computeFigures({ ctx, actor: actorOf(req), query: req.query }),
  );

  app.get(
    '/api/v1/figures/:key/records',
    {
      schema: {
        tags,
        params: figureKeyParams,
        querystring: figureRecordsQuery,
        response: { 200: figureRecordsOut },
      },
      config: { access: 'authenticated' },
    },
    async (req) => figureRecords({ ctx, actor: actorOf(req), key: req.params.key, query: req.query }),
  );
}
