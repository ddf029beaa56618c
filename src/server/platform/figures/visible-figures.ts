import type { Actor } from '../access/actor.js';
import { badRequest, forbidden } from '../http/errors.js';
import { allFigures, type Figure, figureByKey } from './registry.js';

/** May the caller see the figure: its permission, and for a ratio both of its parts. */
export function maySee(actor: Actor, f: Figure): boolean {
  if (!actor.permissions.has(f.permission)) return false;
  if (f.kind !== 'ratio') return true;
  return [f.numerator, f.denominator].every((k) => {
    const part = figureByKey(k);
    return !!part && maySee(actor, part);
  });
}

/** A figure by key that the caller may see: an unknown key is a 400, a figure not theirs a 403. */
export function requireFigure(actor: Actor, key: string): Figure {
  const f = figureByKey(key);
  if (!f) throw badRequest(`未知的统计指标：${key}`, { keys: `未知的统计指标：${key}` });
  if (!maySee(actor, f)) throw forbidden(`没有查看统计指标“${f.label}”的权限`);
  return f;
}

/**
 * The figures a request names: the keys listed (each known and the caller's, in the order given),
 * else a module's or every module's figures the caller may see — the others are left out.
 */
export function figuresAsked(actor: Actor, q: { keys?: string; module?: string }): Figure[] {
  if (q.keys && q.module) {
    const message = '请只指定统计指标（keys）或模块（module）之一';
    throw badRequest(message, { module: message });
  }
  if (q.keys) {
    const keys = [
      ...new Set(
        q.keys
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      ),
    ];
    return keys.map((k) => requireFigure(actor, k));
  }
  const all = allFigures();
  if (q.module && !all.some((f) => f.module === q.module))
    throw badRequest(`未知的模块：${q.module}`, { module: `未知的模块：${q.module}` });
  return all.filter((f) => (!q.module || f.module === q.module) && maySee(actor, f));
}
