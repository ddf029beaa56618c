import { ROUND_STAGES, type ScoringStage } from '../../../domain/assessments/dynamic-rounds.js';
import type { Clock } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { type DynamicRoundRow, type RoundItem, supplierOffices } from './dynamic-round-access.js';

/**
 * The to-dos of a round's stage, each due on the stage's deadline: 自评 for the head of every unit
 * assessed, 评分 and 复核 for the organising office. The previous stage's open to-dos are done.
 */
export async function stageTodos(db: Queryable, clock: Clock, round: DynamicRoundRow, stage: string) {
  for (const recordType of ['dynamic_round', 'dynamic_round_self', 'dynamic_round_office'])
    await completeTodos(db, clock, { recordType, recordId: round.id });
  if (stage === 'published') return;
  const dueOn = (round.deadlines as Record<ScoringStage, string>)[stage as ScoringStage];
  const link = `/assessments/dynamic-rounds/${round.id}`;
  const title = `${ROUND_STAGES[stage as ScoringStage]}：${round.title}`;
  if (stage === 'self') {
    for (const unit of round.subjectOrgIds)
      await createTodo(db, clock, {
        title,
        recordType: 'dynamic_round_self',
        recordId: round.id,
        link,
        orgId: unit,
        assigneeRole: 'unit_head',
        dueOn,
      });
    return;
  }
  // 科室评分: each office supplying an item's data scores it, its head has the to-do
  if (stage === 'scoring')
    for (const office of supplierOffices(round.items as RoundItem[]))
      await createTodo(db, clock, {
        title,
        recordType: 'dynamic_round_office',
        recordId: round.id,
        link,
        orgId: office,
        assigneeRole: 'unit_head',
        dueOn,
      });
  await createTodo(db, clock, {
    title,
    recordType: 'dynamic_round',
    recordId: round.id,
    link,
    orgId: round.orgId,
    assigneeRole: 'org_officer',
    dueOn,
  });
}
