import { idNumberFacts } from '../../../domain/id-number.js';
import { maskIdNumber } from '../../../domain/mask.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import type { CadreFields } from './contract.js';
import { nameIndex } from './name-index.js';
import { cadres } from './schema.js';

type CadreRow = typeof cadres.$inferInsert;

/**
 * The stored columns for a cadre's fields: pinyin for search, the ID number encrypted with its
 * digest and masked copy, birth date and gender taken from the ID number when not given.
 */
export function cadreColumns(ctx: Pick<AppContext, 'crypto'>, f: CadreFields): Omit<CadreRow, 'source'> {
  const { idNumber, ...rest } = f;
  const facts = idNumber ? idNumberFacts(idNumber) : null;
  return {
    ...rest,
    ...nameIndex(f.name),
    gender: f.gender ?? facts?.gender ?? null,
    birthDate: f.birthDate ?? facts?.birthDate ?? null,
    idNumberEnc: idNumber ? ctx.crypto.encrypt(idNumber) : null,
    idNumberDigest: idNumber ? ctx.crypto.digest(idNumber) : null,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
  };
}

/** Inserts cadres in batches (imports bring thousands); the caller audits and runs it in its transaction. */
export async function insertCadres(
  db: Queryable,
  ctx: Pick<AppContext, 'crypto'>,
  rows: CadreFields[],
  source: 'manual' | 'excel' | 'lrmx' | 'demo',
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((f) => ({ ...cadreColumns(ctx, f), source }));
    const saved = await db.insert(cadres).values(batch).returning({ id: cadres.id });
    ids.push(...saved.map((s) => s.id));
  }
  return ids;
}
