import { and, asc, eq, isNull, like, ne, notInArray, sql } from 'drizzle-orm';
import { addDays, chinaDate } from '../../domain/calendar.js';
import { confirmRecordIn } from '../../server/modules/accountability/confirm-record.js';
import { insertDraft } from '../../server/modules/accountability/create-record.js';
import { accountabilityRecords } from '../../server/modules/accountability/schema.js';
import { cadres, tenures } from '../../server/modules/cadres/schema.js';
import { policies } from '../../server/modules/policies/schema.js';
import type { Tx } from '../../server/platform/db/client.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import { users } from '../../server/platform/users/schema.js';
import { followRegisterAdmonition } from './admonitions.js';
import type { DemoStep } from './index.js';
import { daysOf, demoActor } from './petition-life.js';
import { TOWNSHIPS } from './platform-data.js';

/** The seed's 失察 case: 9 posts filled on one day without 民主推荐 and 考察, revoked two months later. */
const REVOKED = 9;
const MIDDLE_POSTS = ['副主任', '副所长', '副站长'];

/** The 大兴镇 cadres of the registry with no account (the people the cases are about), in order. */
async function township(tx: Tx, name: string) {
  const [town] = await tx.select().from(orgs).where(eq(orgs.name, name));
  const linked = tx.select({ id: users.cadreId }).from(users).where(sql`${users.cadreId} is not null`);
  const people = await tx
    .select({ id: cadres.id, name: cadres.name, orgId: cadres.orgId, orgName: orgs.name })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, cadres.orgId))
    .where(and(like(orgs.path, `${town.path}%`), isNull(cadres.deletedAt), notInArray(cadres.id, linked)))
    .orderBy(asc(cadres.id));
  return { town, people };
}

const policyId = async (tx: Tx, orgId: number, title: string) =>
  (
    await tx
      .select({ id: policies.id })
      .from(policies)
      .where(and(eq(policies.orgId, orgId), eq(policies.title, title)))
  )[0]?.id ?? null;

/**
 * 大兴镇's accountability in the demo year, through the register's own use cases on the days they
 * happened: the 选人用人失察 case (3 责任人和承办人 criticised by name with 上台检讨, and the 9
 * appointment decisions revoked: the 9 posts end) and the 工作失误 case (1 cadre given a 党纪处分 for
 * 计生工作失职), and one 工作失误 (推诿扯皮) ending in 诫勉 — the admonition it opens is talked to, tracked
 * and released; each registered a week before it was decided, and confirmed with its decision date on that day.
 */
export const accountabilityDemo: DemoStep = {
  name: 'accountability',
  async loaded(tx) {
    // the assessments step's 末位 proposals do not mark this step as loaded
    const [row] = await tx
      .select({ id: accountabilityRecords.id })
      .from(accountabilityRecords)
      .where(ne(accountabilityRecords.source, 'last_place'))
      .limit(1);
    return !!row;
  },
  async run({ ctx, tx, now }) {
    const year = Number(chinaDate(now).slice(0, 4)) - 1;
    const day = await daysOf(ctx, tx, now);
    const org = await demoActor(tx, `${TOWNSHIPS[0].prefix}_org_officer`);
    const discipline = await demoActor(tx, `${TOWNSHIPS[0].prefix}_discipline_officer`);
    const { town, people } = await township(tx, TOWNSHIPS[0].name);
    const [responsible, revoked, careless] = [
      people.slice(0, 2),
      people.slice(2, 2 + REVOKED),
      people[2 + REVOKED],
    ];

    // the appointments the case finds irregular, made on one day in the units
    const appointed = `${year}-03-18`;
    const posts: number[] = [];
    for (const [i, c] of revoked.entries()) {
      const [t] = await tx
        .insert(tenures)
        .values({
          cadreId: c.id,
          orgId: c.orgId,
          title: `${c.orgName}${MIDDLE_POSTS[i % MIDDLE_POSTS.length]}`,
          level: 'middle_deputy',
          startDate: appointed,
          note: '单位自行任命（未经民主推荐和考察）',
        })
        .returning({ id: tenures.id });
      posts.push(t.id);
    }
    const decided = `${year}-05-20`;
    const oversight = await insertDraft(
      tx,
      day(addDays(decided, -7)),
      org,
      {
        orgId: town.id,
        kind: 'selection_oversight',
        title: '违规任免干部',
        facts: `${appointed}，有关单位未经民主推荐、组织考察，自行任免中层干部${REVOKED}名，违反干部选拔任用程序。`,
        basis: '《选拔任用干部失察追究制度》第二条',
        basisPolicyId: await policyId(tx, town.id, '选拔任用干部失察追究制度'),
        decidingBody: '中共大兴镇委员会',
        persons: [
          ...responsible.map((c) => ({
            cadreId: c.id,
            post: c.orgName,
            role: '责任人',
            sanctions: [
              { kind: 'criticism', tenureIds: [] },
              { kind: 'public_review', tenureIds: [] },
            ],
          })),
          {
            name: '周立新',
            post: '原党政办干事',
            role: '承办人',
            sanctions: [
              { kind: 'criticism', tenureIds: [] },
              { kind: 'public_review', tenureIds: [] },
            ],
          },
          ...revoked.map((c, i) => ({
            cadreId: c.id,
            post: c.orgName,
            role: '违规任用人员',
            sanctions: [{ kind: 'revoke_appointment', tenureIds: [posts[i]] }],
          })),
        ],
      },
      { source: 'manual' },
    );
    await confirmRecordIn(tx, day(decided), org, oversight, { version: 1, decidedOn: decided });

    const punished = `${year}-09-12`;
    const workError = await insertDraft(
      tx,
      day(addDays(punished, -7)),
      discipline,
      {
        orgId: town.id,
        kind: 'work_error',
        category: 'family_planning',
        title: '计划生育工作失职',
        facts: `${careless.orgName}${careless.name}对辖区计划生育工作疏于管理，未按要求落实各项措施，造成不良影响。`,
        basis: '《工作失误追究制》第三条',
        basisPolicyId: await policyId(tx, town.id, '工作失误追究制'),
        decidingBody: '中共大兴镇纪律检查委员会',
        persons: [
          {
            cadreId: careless.id,
            post: careless.orgName,
            role: '责任人',
            sanctions: [{ kind: 'party_warning', tenureIds: [] }],
          },
        ],
      },
      { source: 'manual' },
    );
    await confirmRecordIn(tx, day(punished), discipline, workError, { version: 1, decidedOn: punished });

    // 推诿扯皮贻误工作: 诫勉 — the sanction opens the admonition, talked to the next day, tracked six months
    const admonishedOn = `${year}-06-16`;
    const shirker = people[people.length - 1];
    const shirking = await insertDraft(
      tx,
      day(addDays(admonishedOn, -7)),
      discipline,
      {
        orgId: town.id,
        kind: 'work_error',
        category: 'shirking',
        title: '推诿扯皮贻误群众办事',
        facts: `${shirker.orgName}${shirker.name}对群众申请办理的事项推诿扯皮，多次往返未予办理，贻误工作，造成不良影响。`,
        basis: '《工作失误追究制》第三条',
        basisPolicyId: await policyId(tx, town.id, '工作失误追究制'),
        decidingBody: '中共大兴镇纪律检查委员会',
        persons: [
          {
            cadreId: shirker.id,
            post: shirker.orgName,
            role: '责任人',
            sanctions: [{ kind: 'admonition', tenureIds: [] }],
          },
        ],
      },
      { source: 'manual' },
    );
    await confirmRecordIn(tx, day(admonishedOn), discipline, shirking, {
      version: 1,
      decidedOn: admonishedOn,
    });
    await followRegisterAdmonition(
      tx,
      day,
      shirking,
      { talkOn: addDays(admonishedOn, 1), releaseOn: `${year}-12-22` },
      chinaDate(now),
    );
    return `责任追究：${year} 年失察追究 3 人点名批评并上台检讨、撤销任免决定 ${REVOKED} 名，工作失误追究 1 人受党纪处分、1 人诫勉`;
  },
};
