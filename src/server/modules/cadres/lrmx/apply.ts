import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { CadreFields } from '../contract.js';
import { familyMembers } from '../schema.js';
import { insertCadres } from '../write-cadre.js';
import { cadreOrgs, decideActions } from './plan.js';
import type { FileReport, ParsedRecord } from './report.js';
import { writeResumeTenures } from './resume-tenures.js';
import { setPhoto, updateFromFile } from './update-cadre.js';

const cadreFieldsOf = (r: ParsedRecord, orgId: number): CadreFields => {
  const { family: _family, photo: _photo, ...fields } = r.fields;
  return { ...fields, name: fields.name!, orgId, status: 'active' };
};

/**
 * Writes the parsed files in the caller's transaction: a new cadre in the target org for each,
 * or, when the ID number is already registered, an update of that cadre (which keeps its org);
 * then the tenures of its 简历. Marks each report imported.
 */
export async function writeRecords(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  pairs: { report: FileReport; record: ParsedRecord }[],
): Promise<void> {
  const decided = await decideActions(tx, ctx, actor, pairs);
  const creates = decided.filter((d) => d.cadreId === null);
  const ids = await insertCadres(
    tx,
    ctx,
    creates.map((d) => cadreFieldsOf(d.record, orgId)),
    'lrmx',
  );
  creates.forEach((d, i) => {
    d.cadreId = ids[i];
  });
  const orgOf = await cadreOrgs(
    tx,
    decided.map((d) => d.cadreId!),
  );
  const cache = new Map();
  for (const d of decided) {
    const cadreId = d.cadreId!;
    const { fields } = d.record;
    if (d.report.action === 'update') await updateFromFile(tx, ctx, cadreId, fields);
    else if (fields.photo) await setPhoto(tx, cadreId, fields.photo);
    if (fields.family.length) await replaceUnlinkedFamily(tx, cadreId, fields.family);
    d.report.tenures = await writeResumeTenures(tx, cadreId, orgOf.get(cadreId) ?? orgId, fields, cache);
    d.report.imported = true;
  }
}

/**
 * The file's family list replaces the recorded one, except members linked to a user account
 * (they carry recusal): those stay, refreshed from the file when it names them.
 */
async function replaceUnlinkedFamily(
  tx: Queryable,
  cadreId: number,
  family: ParsedRecord['fields']['family'],
) {
  const linked = await tx
    .select({ id: familyMembers.id, name: familyMembers.name })
    .from(familyMembers)
    .where(and(eq(familyMembers.cadreId, cadreId), sql`${familyMembers.userId} is not null`));
  await tx.delete(familyMembers).where(and(eq(familyMembers.cadreId, cadreId), isNull(familyMembers.userId)));
  const fresh = [];
  for (const [sort, m] of family.entries()) {
    const row = {
      relation: m.relation,
      name: m.name,
      birthDate: m.birthDate,
      politicalStatus: m.politicalStatus,
      workUnit: m.workUnit,
      sort,
    };
    const keep = linked.find((l) => l.name === m.name);
    if (keep) await tx.update(familyMembers).set(row).where(eq(familyMembers.id, keep.id));
    else fresh.push({ ...row, cadreId });
  }
  if (fresh.length) await tx.insert(familyMembers).values(fresh);
}
