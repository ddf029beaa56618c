import { sql } from 'drizzle-orm';
import type { Queryable } from './client.js';
import { rowsOf } from './rows.js';

/** Tables the runtime role may read and append to, never change, remove or empty. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_anchors'];

/**
 * With a separate owner (MIGRATION_DATABASE_URL) the server runs as a role that owns nothing: it
 * gets read and write on every table and sequence, but only SELECT and INSERT on the append-only
 * tables, and no TRUNCATE, TRIGGER or REFERENCES anywhere. Not owning the tables, it cannot ALTER
 * them, so it cannot disable the audit log's triggers either. Run by the owner after every
 * migration, so tables added later are covered.
 */
export async function grantRuntimeRole(owner: Queryable, runtimeRole: string): Promise<void> {
  const role = sql.identifier(runtimeRole);
  const [own] = rowsOf<{ owner: string }>(
    await owner.execute(
      sql`select tableowner as owner from pg_tables where schemaname = current_schema() and tablename = 'audit_log'`,
    ),
  );
  if (own?.owner === runtimeRole)
    throw new Error(
      `运行账号 ${runtimeRole} 是审计日志表的所有者，无法限制它删除审计记录：请用另一个账号（表的所有者）作为 MIGRATION_DATABASE_URL，并把现有表的所有权转给它（ALTER TABLE … OWNER TO …）。\n` +
        `The runtime role ${runtimeRole} owns audit_log, so it cannot be kept from deleting audit records: use another role (the owner) in MIGRATION_DATABASE_URL and transfer the tables to it.`,
    );
  await owner.execute(sql`grant usage on schema public to ${role}`);
  await owner.execute(sql`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await owner.execute(sql`grant usage, select on all sequences in schema public to ${role}`);
  await owner.execute(
    sql`revoke update, delete, truncate, references, trigger on ${sql.join(
      APPEND_ONLY_TABLES.map((t) => sql.identifier(t)),
      sql`, `,
    )} from ${role}`,
  );
  // backups read how many migrations the database has
  await owner.execute(sql`grant usage on schema drizzle to ${role}`);
  await owner.execute(sql`grant select on all tables in schema drizzle to ${role}`);
}

export async function currentRole(db: Queryable): Promise<string> {
  return rowsOf<{ r: string }>(await db.execute(sql`select current_user as r`))[0].r;
}
