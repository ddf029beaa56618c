import { and, eq } from 'drizzle-orm';
import { appointInTx } from '../../server/modules/appointments/appoint.js';
import { concludeObjection } from '../../server/modules/appointments/conclude-objection.js';
import { insertCase } from '../../server/modules/appointments/create-case.js';
import { decide } from '../../server/modules/appointments/decide.js';
import { candidatesOf } from '../../server/modules/appointments/get-case.js';
import { recordInspection } from '../../server/modules/appointments/inspect.js';
import { giveIntegrityOpinion } from '../../server/modules/appointments/integrity-opinion.js';
import { openObjections } from '../../server/modules/appointments/interlock.js';
import { publishNotice } from '../../server/modules/appointments/publish-notice.js';
import { recordRecommendation } from '../../server/modules/appointments/recommend.js';
import { revokeDecisionsIn } from '../../server/modules/appointments/revoke-decision.js';
import { appointmentCases } from '../../server/modules/appointments/schema.js';
import { stopCase } from '../../server/modules/appointments/stop-case.js';
import { eligibilityOf } from '../../server/modules/cadres/file/cadre-eligibility.js';
import { positions } from '../../server/modules/cadres/schema.js';
import type { Actor } from '../../server/platform/access/actor.js';
import type { AppContext } from '../../server/platform/context.js';
import type { Tx } from '../../server/platform/db/client.js';
import { township } from './accountability.js';
import type { DemoStep } from './index.js';
import { type Cast, daysOf, demoActor, livePetition } from './petition-life.js';
import { planPetition, seeded } from './petition-plan.js';
import { TOWNSHIPS } from './platform-data.js';

/** The seed's 失察 case: 9 middle-level posts filled through one case, its decisions revoked on 05-20. */
export const REVOKED = 9;
const MIDDLE_POSTS = ['副主任', '副所长', '副站长'];
/** The demo's one objection to a 任前公示, sent from the portal's notice page (公示–举报 interlock). */
export const OBJECTION = {
  title: '反映任前公示对象办事推诿问题',
  content:
    '公示的拟任人选在农业服务中心工作期间，群众到中心办理农业补贴时多次被要求补材料、来回跑，希望组织在任用前核实。',
  conclusion:
    '经镇纪委调阅补贴办理台账并走访办事群众核实，所反映情况系补贴政策调整后材料要求变化所致，不属于推诿拖延，不影响任用。',
};

/** 周立新, the clerk (承办人) of the irregular case, is not in the registry. */
export const CLERK = '周立新';

type Day = (on: string) => AppContext;
interface Step {
  on: string;
  id: number;
}

const version = async (tx: Tx, id: number) =>
  (
    await tx.select({ v: appointmentCases.version }).from(appointmentCases).where(eq(appointmentCases.id, id))
  )[0].v;

/** Runs a case from 动议 through 任前公示 and 任职 (or stops it), each step on its day. */
async function runCase(
  tx: Tx,
  day: Day,
  who: { org: Actor; discipline: Actor },
  plan: {
    orgId: number;
    title: string;
    method: string;
    posts: { orgId: number; title: string; level: string; isPrincipal?: boolean }[];
    candidates: number[][]; // per post: the cadres recommended, the first one chosen
    proposer: number;
    team: number[];
    chair: number;
    dates: {
      proposed: string;
      recommend: string;
      inspect: string;
      decide: string;
      notice: [string, string];
      appoint: string;
    };
    code: number;
    decidingBody?: string;
    stopAfterRecommend?: string;
    /** A citizen objects from the notice's page on that day (its life runs to `until`). */
    objection?: { on: string; until: string; cast: Cast };
  },
): Promise<Step> {
  const { org, discipline } = who;
  const postIds: number[] = [];
  for (const p of plan.posts) {
    const [row] = await tx
      .insert(positions)
      .values({ orgId: p.orgId, title: p.title, level: p.level, isPrincipal: p.isPrincipal ?? false })
      .returning({ id: positions.id });
    postIds.push(row.id);
  }
  const d = plan.dates;
  const id = await insertCase(tx, day(d.proposed), org, {
    orgId: plan.orgId,
    title: plan.title,
    method: plan.method,
    decidingBody: plan.decidingBody ?? 'cadre_group',
    positionIds: postIds,
    proposedOn: d.proposed,
    plan: `${plan.title}工作方案`,
    proposer: { cadreId: plan.proposer },
    handler: { name: CLERK },
  });
  const present = 38;
  await recordRecommendation(tx, day(d.recommend), org, id, {
    version: await version(tx, id),
    on: d.recommend,
    kind: 'meeting',
    due: 42,
    present,
    candidates: plan.candidates.flatMap((cs, i) =>
      cs.map((cadreId, j) => ({ cadreId, positionId: postIds[i], votes: present - 6 - j * 9 })),
    ),
    recommenders: [{ cadreId: plan.proposer }],
  });
  if (plan.stopAfterRecommend) {
    await stopCase({
      ctx: day(d.inspect),
      actor: org,
      id,
      input: { version: await version(tx, id), reason: plan.stopAfterRecommend },
    });
    return { on: d.proposed, id };
  }
  const chosen = (await candidatesOf(tx, id)).filter((c) =>
    plan.candidates.some((cs) => cs[0] === c.cadreId),
  );
  await recordInspection(tx, day(d.inspect), org, id, {
    version: await version(tx, id),
    on: d.inspect,
    candidateIds: chosen.map((c) => c.id),
    team: plan.team.map((cadreId) => ({ cadreId })),
    talkedTo: 24,
    findings: '政治素质好，群众公认度较高，具备任职条件。',
  });
  for (const c of chosen)
    await giveIntegrityOpinion({
      ctx: day(d.inspect),
      actor: discipline,
      id,
      input: { candidateId: c.id, opinion: '经查阅信访和廉政档案，未发现影响使用的问题。' },
    });
  await decide({
    ctx: day(d.decide),
    actor: org,
    id,
    input: {
      version: await version(tx, id),
      on: d.decide,
      membersDue: 7,
      membersPresent: 7,
      chair: { cadreId: plan.chair },
      votes: chosen.map((c) => ({ candidateId: c.id, approve: 7, oppose: 0, abstain: 0 })),
    },
  });
  await publishNotice({
    ctx: day(d.notice[0]),
    actor: org,
    id,
    input: {
      version: await version(tx, id),
      code: `大兴组公〔${d.notice[0].slice(0, 4)}〕${plan.code}号`,
      startsOn: d.notice[0],
      endsOn: d.notice[1],
      contact: '镇纪委办公室 0571-8888 1234',
    },
  });
  if (plan.objection) {
    // the portal's 我要反映 on the notice page: an online report naming the person under notice,
    // urgent for the discipline officer; 任职 waits for the conclusion below
    const o = plan.objection;
    const [c] = chosen;
    await livePetition(
      tx,
      day,
      o.cast,
      {
        orgId: plan.orgId,
        channel: 'online',
        receivedOn: o.on,
        realName: false,
        reporter: null,
        title: OBJECTION.title,
        content: OBJECTION.content,
        category: null,
        subjects: [{ cadreId: c.cadreId, name: c.name, unitText: `拟任${c.post}` }],
      },
      planPetition(seeded(1212), o.on, o.until, { way: 'close', review: 'none', stallRate: 0 }),
      null,
    );
  }
  // a report that named someone under notice went to the discipline officer first (公示–举报 interlock)
  for (const c of chosen)
    for (const p of await openObjections(tx, c, d.notice[0], d.appoint))
      await concludeObjection({
        ctx: day(d.appoint),
        actor: discipline,
        id,
        input: {
          candidateId: c.id,
          petitionId: p.id,
          outcome: 'no_effect',
          reason: plan.objection
            ? OBJECTION.conclusion
            : '经纪委会同有关部门核查，反映问题与拟任人选无关，不影响任用。',
        },
      });
  await appointInTx(tx, day(d.appoint), org, id, {
    version: await version(tx, id),
    dispatchCode: `大兴组干〔${d.appoint.slice(0, 4)}〕${plan.code}号`,
    dispatchOn: d.appoint,
    startDate: d.appoint,
    lines: chosen.map((c) => ({ kind: 'appoint' as const, cadreId: c.cadreId, positionId: c.positionId })),
  });
  return { on: d.appoint, id };
}

/**
 * 大兴镇's selection cases of the demo year, through the module's own use cases on their days: the
 * irregular case whose 9 appointments are revoked on 2025-05-20 (its 3 responsible people — two
 * registry cadres and the clerk — get the 失察 proposal the accountability step confirms), a 竞争上岗
 * and a 公开选拔 case that end in 任职, and a 公开推荐 stopped after the recommendation.
 */
export const appointmentsDemo: DemoStep = {
  name: 'appointments',
  async loaded(tx) {
    const [row] = await tx.select({ id: appointmentCases.id }).from(appointmentCases).limit(1);
    return !!row;
  },
  async run({ ctx, tx, now }) {
    const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
    const day = await daysOf(ctx, tx, now);
    const org = await demoActor(tx, `${TOWNSHIPS[0].prefix}_org_officer`);
    const discipline = await demoActor(tx, `${TOWNSHIPS[0].prefix}_discipline_officer`);
    const { town, people } = await township(tx, TOWNSHIPS[0].name);
    const [a, b] = people.slice(0, 2); // the 责任人 of the irregular case
    const decideOn = `${year}-03-07`;
    // the 9: cadres a deputy post does not bar on the meeting's day, past the people the other demo cases name
    const pool = people.slice(2, -1).filter((_, i) => i !== REVOKED);
    const nine: typeof people = [];
    for (const c of pool) {
      if (nine.length === REVOKED) break;
      const e = await eligibilityOf(day(decideOn), c.id, decideOn, {
        level: 'middle_deputy',
        isPrincipal: false,
      });
      if (e.verdict !== 'blocked') nine.push(c);
    }
    const who = { org, discipline };
    const cast: Cast = {
      officer: discipline,
      secretary: await demoActor(tx, `${TOWNSHIPS[0].prefix}_party_secretary`),
      unitHead: await demoActor(tx, `${TOWNSHIPS[0].prefix}_unit_head`),
    };
    const irregular = await runCase(tx, day, who, {
      orgId: town.id,
      title: '有关单位中层干部任免',
      method: 'org_recommendation',
      posts: nine.map((c, i) => ({
        orgId: c.orgId,
        title: `${c.orgName}${MIDDLE_POSTS[i % 3]}`,
        level: 'middle_deputy',
      })),
      candidates: nine.map((c) => [c.id]),
      proposer: a.id,
      team: [a.id, b.id],
      chair: a.id,
      dates: {
        proposed: `${year}-02-27`,
        recommend: `${year}-03-03`,
        inspect: `${year}-03-04`,
        decide: decideOn,
        notice: [`${year}-03-10`, `${year}-03-14`],
        appoint: `${year}-03-18`,
      },
      code: 1,
    });
    const revokedOn = `${year}-05-20`;
    await revokeDecisionsIn(tx, day(revokedOn), org, irregular.id, {
      version: await version(tx, irregular.id),
      candidateIds: (await candidatesOf(tx, irregular.id)).map((c) => c.id),
      on: revokedOn,
      reason: '经查，有关单位未按规定进行民主推荐和组织考察即确定人选，违反干部选拔任用程序',
      kind: 'selection_oversight',
    });
    // a 竞争上岗 and a 公开选拔 that end in 任职, and a 公开推荐 stopped after the recommendation; each
    // chosen candidate one the target post does not bar on the meeting's day, the runner-up anyone
    const free = people
      .slice(0, -1)
      .filter((c, i) => !nine.includes(c) && i > 2 + REVOKED)
      .reverse();
    const pick = async (on: string, level: string, isPrincipal: boolean) => {
      for (const [i, c] of free.entries()) {
        const e = await eligibilityOf(day(on), c.id, on, { level, isPrincipal });
        if (e.verdict !== 'blocked') return free.splice(i, 1)[0];
      }
      throw new Error('demo: no eligible candidate left');
    };
    const rest = [
      await pick(`${year}-09-02`, 'middle_principal', true),
      free.shift()!,
      await pick(`${year}-10-21`, 'village', false),
      free.shift()!,
      free.shift()!,
      free.shift()!,
    ];
    const firstOrg = nine[0]?.orgId ?? town.id;
    await runCase(tx, day, who, {
      orgId: town.id,
      title: '农业服务中心主任竞争上岗',
      method: 'competitive',
      posts: [{ orgId: firstOrg, title: '农业服务中心主任', level: 'middle_principal', isPrincipal: true }],
      candidates: [[rest[0].id, rest[1].id]],
      proposer: b.id,
      team: [a.id, b.id],
      chair: a.id,
      dates: {
        proposed: `${year}-08-20`,
        recommend: `${year}-08-25`,
        inspect: `${year}-08-28`,
        decide: `${year}-09-02`,
        notice: [`${year}-09-03`, `${year}-09-09`],
        appoint: `${year}-09-15`,
      },
      code: 2,
      objection: { on: `${year}-09-05`, until: `${year}-12-31`, cast },
    });
    await runCase(tx, day, who, {
      orgId: town.id,
      title: '村干部公开选拔',
      method: 'open_selection',
      decidingBody: 'party_committee',
      posts: [{ orgId: rest[2].orgId, title: '村委会副主任', level: 'village' }],
      candidates: [[rest[2].id, rest[3].id]],
      proposer: b.id,
      team: [a.id, b.id],
      chair: a.id,
      dates: {
        proposed: `${year}-10-09`,
        recommend: `${year}-10-14`,
        inspect: `${year}-10-16`,
        decide: `${year}-10-21`,
        notice: [`${year}-10-22`, `${year}-10-28`],
        appoint: `${year}-11-03`,
      },
      code: 3,
    });
    await runCase(tx, day, who, {
      orgId: town.id,
      title: '党政办副主任公开推荐',
      method: 'public_recommendation',
      posts: [{ orgId: town.id, title: '党政办副主任', level: 'middle_deputy' }],
      candidates: [[rest[4].id, rest[5].id]],
      proposer: b.id,
      team: [a.id, b.id],
      chair: a.id,
      dates: {
        proposed: `${year}-11-10`,
        recommend: `${year}-11-14`,
        inspect: `${year}-11-20`,
        decide: `${year}-11-25`,
        notice: [`${year}-11-26`, `${year}-12-02`],
        appoint: `${year}-12-08`,
      },
      code: 4,
      stopAfterRecommend: '岗位职数调整，暂缓选拔',
    });
    const n = await tx
      .select({ id: appointmentCases.id })
      .from(appointmentCases)
      .where(and(eq(appointmentCases.orgId, town.id)));
    return `选拔任用：${year} 年 ${n.length} 件（失察案撤销任免决定 ${REVOKED} 名，竞争上岗、公开选拔各 1 件任职，竞争上岗公示期间群众反映 1 件经核查不影响任用，公开推荐 1 件终止）`;
  },
};
