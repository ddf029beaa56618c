import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteAccess } from '../../../domain/permissions.js';
import type { Actor } from '../access/actor.js';
import type { SessionRow } from '../auth/session-store.js';
import type { AppContext } from '../context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: a permission (or a list: any of them), 'authenticated' or 'public'. Required on every /api route. */
    access?: RouteAccess | RouteAccess[];
    /** Routes a session may call before its pending step (password change, TOTP) is done. */
    allowPending?: boolean;
    /** Action name for the audit record; state-changing routes without their own record get one under it. */
    audit?: string;
    /** Audit every successful GET of this route as a view of protected data, under this action name. */
    auditView?: string;
    /** A public-portal route (set by `portalLimits`): no session is read for it, none changed by it. */
    portal?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The caller's session as the access hook read it (GET /me shows its user's columns). */
    sessionRow: SessionRow | null;
  }
  interface FastifyInstance {
    ctx: AppContext;
    /** Every route as registered, for the tests that walk the route table. */
    routeTable: {
      method: string;
      url: string;
      access: string | string[] | undefined;
      /** The request schemas (params, querystring, body) as declared. */
      schema?: { params?: unknown; querystring?: unknown; body?: unknown; consumes?: readonly string[] };
    }[];
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The caller of a route that is not public: the access hook has already refused anonymous callers. */
export const actorOf = (req: { actor: Actor | null }): Actor => {
  if (!req.actor) throw new Error('route reached without an actor');
  return req.actor;
};
