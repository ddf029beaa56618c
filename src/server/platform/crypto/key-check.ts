import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/client.js';
import { ensurePrivateDir } from '../db/private-files.js';
import { rowsOf } from '../db/rows.js';
import * as schema from '../db/schema.js';
import { settings } from '../settings/schema.js';
import { FieldCrypto } from './field-crypto.js';

/**
 * The field-encryption key and the database must belong together. The database keeps a check
 * value of its key (`settings.field_key_check`: HMAC-SM3 of a fixed label under the key — it
 * identifies the key and reveals nothing of it); a backup carries the same value as the key's
 * fingerprint. A server given no key or another key for a database that has one refuses to start:
 * a new key would seal new data with a key nobody keeps and leave the old data unreadable.
 */
export const KEY_CHECK_SETTING = 'field_key_check';
const LABEL = 'jiandu/field-key-check/v1';
export const KEY_FILE = 'field.key';

/** The key's check value (its fingerprint): HMAC-SM3 of a fixed label, keyed with the whole key. */
export const keyCheckOf = (keyHex: string) =>
  createHmac('sm3', Buffer.from(keyHex, 'hex')).update(LABEL, 'utf8').digest('hex');

/** The fingerprint as people compare it: the first 16 hex digits. */
export const shortFingerprint = (check: string) => check.slice(0, 16);

/** The server must not start (or a restore must not go on) with the key it has. */
export class FieldKeyError extends Error {
  readonly exitCode = 4;
}

export interface FoundKey {
  key: string;
  /** Where it came from, for messages: `FIELD_KEY` or the key file's path. */
  from: string;
}

const keyFileOf = (dataDir: string) => path.join(dataDir, KEY_FILE);

/** The key from FIELD_KEY, else from DATA_DIR/field.key; null when neither exists. Never generates one. */
export function findFieldKey(configured: string | undefined, dataDir: string): FoundKey | null {
  const file = keyFileOf(dataDir);
  const found = configured
    ? { key: configured.trim(), from: 'FIELD_KEY' }
    : existsSync(file)
      ? { key: readFileSync(file, 'utf8').trim(), from: file }
      : null;
  if (found && !/^[0-9a-fA-F]{64}$/.test(found.key))
    throw new FieldKeyError(
      `字段加密密钥格式不正确（来自 ${found.from}）：应为 64 位十六进制字符。\n` +
        `The field encryption key from ${found.from} is malformed: it must be 64 hex characters.`,
    );
  return found;
}

/** Columns that hold SM4-sealed values: named `*_enc`, and the TOTP secret. */
export function sealedColumns(): { table: string; column: string }[] {
  const out: { table: string; column: string }[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const cfg = getTableConfig(value);
    for (const c of cfg.columns)
      if (c.name.endsWith('_enc') || c.name === 'totp_secret') out.push({ table: cfg.name, column: c.name });
  }
  return out;
}

export interface KeyState {
  /** The check value the database keeps; null in a database from before it was kept, or a new one. */
  check: string | null;
  /** One sealed value, if any (only looked for when there is no check value). */
  sample: string | null;
}

const tableExists = async (db: Queryable, name: string) =>
  !!rowsOf<{ r: string | null }>(await db.execute(sql`select to_regclass(${name})::text as r`))[0]?.r;

export async function keyStateOf(db: Queryable): Promise<KeyState> {
  if (await tableExists(db, 'settings')) {
    const [row] = rowsOf<{ value: string }>(
      await db.execute(sql`select value from settings where key = ${KEY_CHECK_SETTING}`),
    );
    if (row) return { check: row.value, sample: null };
  }
  for (const { table, column } of sealedColumns()) {
    if (!(await tableExists(db, table))) continue;
    const c = sql.identifier(column);
    const [row] = rowsOf<{ v: string }>(
      await db.execute(sql`select ${c} as v from ${sql.identifier(table)} where ${c} is not null limit 1`),
    );
    if (row) return { check: null, sample: row.v };
  }
  return { check: null, sample: null };
}

/** match: the key opens this database's data; fresh: nothing sealed and no check value yet. */
export type KeyVerdict = 'match' | 'fresh' | 'missing' | 'mismatch';

export function judgeKey(state: KeyState, key: string | null): KeyVerdict {
  if (!state.check && !state.sample) return 'fresh';
  if (!key) return 'missing';
  if (state.check) return keyCheckOf(key) === state.check ? 'match' : 'mismatch';
  try {
    new FieldCrypto(key).decrypt(state.sample!);
    return 'match';
  } catch {
    return 'mismatch';
  }
}

const expectedOf = (state: KeyState) =>
  state.check ? shortFingerprint(state.check) : '未记录（旧版数据库）/ not recorded (older database)';

export function missingKeyMessage(state: KeyState, dataDir: string): string {
  const file = keyFileOf(dataDir);
  return (
    `字段加密密钥缺失，拒绝启动：数据库中已有用密钥（指纹 ${expectedOf(state)}）加密的数据，但没有设置环境变量 FIELD_KEY，数据目录中也没有 ${file}。` +
    `请设置 FIELD_KEY 为原来的密钥，或把原来的 field.key 复制到数据目录（DATA_DIR）后再启动。系统不会生成新密钥：新密钥打不开已有的加密数据（两步验证、反映人身份、身份证号码）。\n` +
    `Field encryption key missing, refusing to start: this database holds data sealed with the key of fingerprint ${expectedOf(state)}, ` +
    `but FIELD_KEY is not set and ${file} does not exist. Set FIELD_KEY to the original key, or put the original field.key back into DATA_DIR. No new key is generated.`
  );
}

export function mismatchKeyMessage(state: KeyState, found: FoundKey): string {
  const have = shortFingerprint(keyCheckOf(found.key));
  return (
    `字段加密密钥与数据库不符，拒绝启动：当前密钥来自 ${found.from}（指纹 ${have}），数据库要求的密钥指纹为 ${expectedOf(state)}。` +
    `请把 FIELD_KEY 或数据目录（DATA_DIR）中的 field.key 换成这个数据库原来的密钥。\n` +
    `Field encryption key does not match this database, refusing to start: the key from ${found.from} has fingerprint ${have}, ` +
    `the database expects ${expectedOf(state)}. Set FIELD_KEY or DATA_DIR/field.key to this database's original key.`
  );
}

function generateKeyFile(dataDir: string): FoundKey {
  ensurePrivateDir(dataDir);
  const file = keyFileOf(dataDir);
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return { key: readFileSync(file, 'utf8').trim(), from: file };
}

/**
 * At every start: the key this process may use. A database with sealed data or a check value
 * needs the key it was sealed with (else FieldKeyError); a new database gets the configured key,
 * or a new one generated into DATA_DIR/field.key (mode 600). The check value is recorded when
 * the database has none; if another instance recorded a different one meanwhile, this one refuses.
 */
export async function settleFieldKey(
  db: Queryable,
  opts: { fieldKey?: string; dataDir: string; now: Date },
): Promise<string> {
  const found = findFieldKey(opts.fieldKey, opts.dataDir);
  const state = await keyStateOf(db);
  const verdict = judgeKey(state, found?.key ?? null);
  if (verdict === 'missing') throw new FieldKeyError(missingKeyMessage(state, opts.dataDir));
  if (verdict === 'mismatch') throw new FieldKeyError(mismatchKeyMessage(state, found!));
  const key = found ?? generateKeyFile(opts.dataDir);
  if (!state.check) {
    const check = keyCheckOf(key.key);
    await db
      .insert(settings)
      .values({ key: KEY_CHECK_SETTING, value: check, updatedAt: opts.now })
      .onConflictDoNothing();
    const [row] = await db
      .select({ value: settings.value })
      .from(settings)
      .where(sql`${settings.key} = ${KEY_CHECK_SETTING}`);
    if (row?.value !== check)
      throw new FieldKeyError(mismatchKeyMessage({ check: row.value, sample: null }, key));
  }
  return key.key;
}
