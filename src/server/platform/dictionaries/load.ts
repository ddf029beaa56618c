import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { notFound } from '../http/errors.js';
import type { DictItemOut } from './contract.js';
import { isBuiltinItem } from './defaults.js';
import { dictItems, dictTypes } from './schema.js';

export async function loadType(db: Queryable, code: string) {
  const [type] = await db.select().from(dictTypes).where(eq(dictTypes.code, code));
  if (!type) throw notFound('字典类型不存在');
  return type;
}

export async function loadItem(db: Queryable, typeCode: string, id: number) {
  await loadType(db, typeCode);
  const [item] = await db
    .select()
    .from(dictItems)
    .where(and(eq(dictItems.typeCode, typeCode), eq(dictItems.id, id)));
  if (!item) throw notFound('字典项不存在');
  return item;
}

export const itemOut = (i: typeof dictItems.$inferSelect): DictItemOut => ({
  id: i.id,
  typeCode: i.typeCode,
  code: i.code,
  label: i.label,
  sort: i.sort,
  enabled: i.enabled,
  version: i.version,
  builtin: isBuiltinItem(i.typeCode, i.code),
});
