import { registerOrgCreatedHook } from '../../platform/orgs/created-hooks.js';
import { dueItemsOfUnit } from './due-items.js';

// A unit made today owes the period that ended last at once: its calendar and its head's to-dos do
// not wait for the hourly `disclosure.schedule` job.
registerOrgCreatedHook('openness.due_items', async (tx, ctx, org) => {
  if (org.path) await dueItemsOfUnit(tx, ctx, { id: org.id, name: org.name, kind: org.kind, path: org.path });
});
