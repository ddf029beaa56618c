import { insertCadres } from '../src/server/modules/cadres/write-cadre.js';
import { call, makeOrg, makeUser, signIn } from '../tests/support/factories.js';
import { createTestApp } from '../tests/support/test-app.js';

/**
 * A township, its organisation officer, one cadre and an evaluation of `n` voters with `n` codes
 * issued; `warmUp` more codes on a second evaluation of the same meeting, for the server to warm up on.
 */
export async function createIssuedEvaluation(n: number, opts: { warmUp?: number; poolSize?: number } = {}) {
  const t = await createTestApp({ poolSize: opts.poolSize });
  const town = await makeOrg(t.ctx, '测评镇');
  const [subject] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: town.id, name: '测评对象', status: 'active' }],
    'manual',
  );
  const u = await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] });
  const s = await signIn(t, u.username);
  /** An evaluation of `count` voters with its `count` codes issued. */
  const issued = async (title: string, count: number): Promise<string[]> => {
    const ev = await call(t, s, 'POST', '/api/v1/assessments/evaluations', {
      orgId: town.id,
      title,
      subjectKind: 'cadre',
      subjectCadreIds: [subject],
      electorate: count,
      heldOn: '2026-03-02',
    });
    const codes = await call(t, s, 'POST', `/api/v1/assessments/evaluations/${ev.json().id}/codes`, {
      count,
    });
    return codes.json().codes;
  };
  return {
    t,
    codes: await issued('基准测评', n),
    warmCodes: opts.warmUp ? await issued('预热测评', opts.warmUp) : [],
    subject,
  };
}
