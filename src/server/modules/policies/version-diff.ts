import { lineDiff } from '../../../domain/policy-library.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest } from '../../platform/http/errors.js';
import { loadVisiblePolicy, versionsOf } from './visibility.js';

/** The line diff between two versions of a policy the caller sees. */
export async function versionDiff(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  from: number;
  to: number;
}) {
  const { ctx, actor, id, from, to } = opts;
  await loadVisiblePolicy(ctx.db, actor, id);
  const versions = await versionsOf(ctx.db, id);
  const a = versions.find((v) => v.versionNo === from);
  const b = versions.find((v) => v.versionNo === to);
  if (!a) throw badRequest(`没有第 ${from} 版`, { from: `没有第 ${from} 版` });
  if (!b) throw badRequest(`没有第 ${to} 版`, { to: `没有第 ${to} 版` });
  const lines = lineDiff(a.body, b.body);
  return {
    from,
    to,
    lines,
    added: lines.filter((l) => l.kind === 'added').length,
    removed: lines.filter((l) => l.kind === 'removed').length,
  };
}
