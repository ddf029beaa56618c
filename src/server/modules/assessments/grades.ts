import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { SetGradeInput } from './contract.js';
import { setGradeIn } from './set-grade.js';

/** 评定年度考核等次 (route): the saved grade with the warning at the 优秀 cap. */
export async function setGrade({
  ctx,
  actor,
  input,
}: {
  ctx: AppContext;
  actor: Actor;
  input: SetGradeInput;
}) {
  return ctx.db.transaction(async (tx) => {
    const { row, cadre, cap, warning } = await setGradeIn(tx, ctx, actor, input);
    return {
      grade: {
        cadreId: cadre.id,
        name: cadre.name,
        orgName: '',
        grade: row.grade,
        source: row.source,
        note: row.note,
        decidedOn: row.decidedOn,
        version: row.version,
        cap,
      },
      warning,
    };
  });
}
