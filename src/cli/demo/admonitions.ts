import { and, asc, between, eq, isNotNull, isNull, ne, or } from 'drizzle-orm';
import type { Rating } from '../../domain/admonitions/admonition-workflow.js';
import { addDays, chinaDate } from '../../domain/calendar.js';
import type { Admonition } from '../../server/modules/admonitions/access.js';
import { checkIn } from '../../server/modules/admonitions/check-in.js';
import { concludeInquiry } from '../../server/modules/admonitions/conclude-inquiry.js';
import { endorseInquiry } from '../../server/modules/admonitions/endorse-inquiry.js';
import { openAdmonition } from '../../server/modules/admonitions/open-admonition.js';
import { openInquiryIn } from '../../server/modules/admonitions/open-inquiry.js';
import { talkIn } from '../../server/modules/admonitions/record-talk.js';
import { releaseAdmonition } from '../../server/modules/admonitions/release-admonition.js';
import { replyInquiry } from '../../server/modules/admonitions/reply-inquiry.js';
import { admonitions } from '../../server/modules/admonitions/schema.js';
import { takeMeasure } from '../../server/modules/admonitions/take-measure.js';
import { evaluations } from '../../server/modules/assessments/schema.js';
import { cadres } from '../../server/modules/cadres/schema.js';
import { petitionEvents, petitionSubjects, petitions } from '../../server/modules/petitions/schema.js';
import type { Actor } from '../../server/platform/access/actor.js';
import type { AppContext } from '../../server/platform/context.js';
import type { Tx } from '../../server/platform/db/client.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import { roles, userRoles, users } from '../../server/platform/users/schema.js';
import type { DemoRun, DemoStep } from './index.js';
import { daysOf, demoActor } from './petition-life.js';
import { TOWNSHIPS } from './platform-data.js';

const OFFICE = ['admonition.manage', 'inquiry.manage', 'petition.read', 'cadre.read'];
const TALKERS = [TOWNSHIPS[0].people.party_secretary, TOWNSHIPS[0].people.org_officer];

/** A demo account acting with the permissions its role holds for these steps. */
const withPermissions = (a: Actor, p: string[]): Actor => ({ ...a, permissions: new Set(p) });

interface Plan {
  source: '组织考察' | '民主测评' | '民主生活会' | '动态考核';
  reason: string;
  talkOn: string;
  ratings: Rating[];
  end: { release: string } | { measure: 'transfer'; on: string } | null;
}

/**
 * 大兴镇's own 2025 admonitions (the accountability register brings one more, its 诫勉 sanction). The
 * 民主测评 one is opened by the assessments step's evaluation when that step ran, else here.
 */
const PLANS: Plan[] = [
  {
    source: '组织考察',
    reason: '年度考察中发现工作作风不够扎实，群众反映办事拖沓',
    talkOn: '2025-01-15',
    ratings: ['一般', '好', '好', '好', '好', '好'],
    end: { release: '2025-07-16' },
  },
  {
    source: '民主测评',
    reason: '民主测评中“不称职”票超过三分之一',
    talkOn: '2025-03-10',
    ratings: ['一般', '一般', '好', '好', '好', '好'],
    end: { release: '2025-09-11' },
  },
  {
    source: '民主生活会',
    reason: '民主生活会上被指出工作中存在苗头性、倾向性问题',
    talkOn: '2025-04-08',
    ratings: ['一般', '差', '差', '差', '差', '差'],
    end: { measure: 'transfer', on: '2025-10-10' },
  },
  {
    source: '动态考核',
    reason: '第三季度动态考核排名末位，工作失误造成不良影响',
    talkOn: '2025-09-15',
    ratings: ['一般', '好', '好', '一般', '好', '好'],
    end: null,
  },
];

/**
 * 大兴镇's admonitions and inquiries of 2025 through the module's use cases, each on its day: four
 * admonitions from 组织考察, 民主测评, 民主生活会 and 动态考核 (two released after their tracking, one
 * ending in 调离岗位, one still under tracking at the year's end) and a petition under 谈话函询 whose
 * inquiry, answered by the cadre's own account, concludes in 诫勉 — the fifth admonition, released
 * in December; a second inquiry concludes 了结澄清. Steps after today are left for later.
 */
export const admonitionsDemo: DemoStep = {
  name: 'admonitions',
  async loaded(tx) {
    const officer = await demoActor(tx, `${TOWNSHIPS[0].prefix}_org_officer`);
    const [row] = await tx
      .select({ id: admonitions.id })
      .from(admonitions)
      // the one a democratic evaluation opened (assessments step) does not mark this step as loaded
      .where(
        and(
          eq(admonitions.createdBy, officer.userId),
          or(isNull(admonitions.sourceRefType), ne(admonitions.sourceRefType, 'evaluation')),
        ),
      )
      .limit(1);
    return !!row;
  },
  async run(demo) {
    const { ctx, tx, now } = demo;
    const today = chinaDate(now);
    const day = await daysOf(ctx, tx, now);
    const p = TOWNSHIPS[0].prefix;
    const org = withPermissions(await demoActor(tx, `${p}_org_officer`), OFFICE);
    const discipline = withPermissions(await demoActor(tx, `${p}_discipline_officer`), OFFICE);
    const own = withPermissions(await demoActor(tx, `${p}_cadre`), ['inquiry.reply']);
    const fromPetition = await talkInquiryPetition(tx, discipline.orgId);
    const subjects = await townshipCadres(tx, org.orgPath, [own.cadreId, fromPetition?.cadreId ?? null]);
    let opened = 0;
    for (const [n, plan] of PLANS.entries()) {
      if (plan.talkOn > today) continue;
      // the assessments step's democratic evaluation opened this one: its talk is held here
      const fromEvaluation = plan.source === '民主测评' ? await evaluationAdmonition(tx, org.orgId) : null;
      const a = fromEvaluation
        ? await talkIn(tx, day(plan.talkOn), org, fromEvaluation, talk(plan.talkOn))
        : await openAdmonition(tx, day(plan.talkOn), org, {
            cadreId: subjects[n],
            source: { kind: plan.source },
            reason: plan.reason,
            openedOn: plan.talkOn,
            talk: talk(plan.talkOn),
          });
      opened++;
      await track(tx, day, org, a, plan.ratings, today);
      if (plan.end && 'release' in plan.end && plan.end.release <= today)
        await releaseAdmonition({
          ctx: day(plan.end.release),
          actor: org,
          id: a.id,
          tx,
          input: {
            version: await versionOf(tx, a.id),
            on: plan.end.release,
            note: '跟踪考察期间表现良好，经研究解除诫勉',
          },
        });
      if (plan.end && 'measure' in plan.end && plan.end.on <= today)
        await takeMeasure({
          ctx: day(plan.end.on),
          actor: org,
          id: a.id,
          tx,
          input: {
            version: await versionOf(tx, a.id),
            on: plan.end.on,
            measure: plan.end.measure,
            note: '跟踪考察期间表现较差，整改不到位，调离现岗位',
          },
        });
    }
    const inquiries = await inquiryStory(demo, day, { org, discipline, own }, today);
    return `谈话诫勉：${opened + inquiries.admonitions} 人次（大兴镇），函询 ${inquiries.sent} 件`;
  },
};

export const talk = (on: string) => ({
  talkOn: on,
  place: '镇党委会议室',
  talkers: TALKERS,
  record: '指出存在的问题及其危害，提出限期整改的要求。',
  cadreStatement: '接受组织诫勉，认真查找不足，切实整改。',
  acknowledgedOn: on,
});

/** The admonition a democratic evaluation of the org opened (assessments step), not yet talked to. */
async function evaluationAdmonition(tx: Tx, orgId: number) {
  const [row] = await tx
    .select({ a: admonitions })
    .from(admonitions)
    .innerJoin(evaluations, eq(evaluations.id, admonitions.sourceRefId))
    .where(
      and(
        eq(evaluations.orgId, orgId),
        eq(admonitions.sourceRefType, 'evaluation'),
        eq(admonitions.status, 'pending_talk'),
      ),
    )
    .orderBy(asc(admonitions.id))
    .limit(1);
  return row?.a ?? null;
}

export async function versionOf(tx: Tx, id: number): Promise<number> {
  const [a] = await tx
    .select({ version: admonitions.version })
    .from(admonitions)
    .where(eq(admonitions.id, id));
  return a.version;
}

/** The check-ins held so far, each on its due day with its rating. */
export async function track(
  tx: Tx,
  day: (on: string) => AppContext,
  actor: Actor,
  a: Admonition,
  ratings: Rating[],
  today: string,
) {
  const [fresh] = await tx.select().from(admonitions).where(eq(admonitions.id, a.id));
  for (const [i, due] of fresh.checkInDates.entries()) {
    if (due > today || i >= ratings.length) return;
    const rating = ratings[i];
    const note =
      rating === '好'
        ? '思想认识到位，工作积极主动'
        : rating === '一般'
          ? '有所改进，仍需加强'
          : '整改不力，问题依旧';
    await checkIn({
      ctx: day(due),
      actor,
      id: a.id,
      tx,
      input: { version: await versionOf(tx, a.id), on: due, rating, note },
    });
  }
}

/** The township's registry cadres other than the one with the demo cadre account, in a stable order. */
async function townshipCadres(tx: Tx, townPath: string, except: (number | null)[]): Promise<number[]> {
  const rows = await tx
    .select({ id: cadres.id, path: orgs.path })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, cadres.orgId))
    .where(
      and(
        eq(cadres.source, 'demo'),
        isNull(cadres.deletedAt),
        ...except.filter((id): id is number => id !== null).map((id) => ne(cadres.id, id)),
      ),
    )
    .orderBy(asc(cadres.id));
  return rows.filter((r) => r.path.startsWith(townPath)).map((r) => r.id);
}

/**
 * The petition under 谈话函询 the inquiry comes from: 大兴镇's earliest 2025 case investigated that
 * way and naming a registry cadre (the petitions demo's own), or — without the petitions demo — none.
 */
async function talkInquiryPetition(tx: Tx, orgId: number) {
  const [row] = await tx
    .select({ id: petitions.id, cadreId: petitionSubjects.cadreId, on: petitionEvents.occurredOn })
    .from(petitions)
    .innerJoin(petitionEvents, eq(petitionEvents.petitionId, petitions.id))
    .innerJoin(petitionSubjects, eq(petitionSubjects.petitionId, petitions.id))
    .where(
      and(
        eq(petitions.orgId, orgId),
        eq(petitionEvents.action, 'investigate'),
        eq(petitionEvents.disposal, 'talk_inquiry'),
        between(petitionEvents.occurredOn, '2025-01-01', '2025-06-30'),
        isNotNull(petitionSubjects.cadreId),
      ),
    )
    .orderBy(asc(petitionEvents.occurredOn), asc(petitions.id))
    .limit(1);
  return row ? { id: row.id, cadreId: row.cadreId!, investigatedOn: row.on } : null;
}

/** The cadre's own account (role 干部, own scope), made with the demo password when it has none. */
async function cadreAccount(demo: DemoRun, cadreId: number, n: number): Promise<Actor> {
  const { tx } = demo;
  const [has] = await tx.select({ username: users.username }).from(users).where(eq(users.cadreId, cadreId));
  if (has) return withPermissions(await demoActor(tx, has.username), ['inquiry.reply']);
  const [c] = await tx.select().from(cadres).where(eq(cadres.id, cadreId));
  const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.code, 'cadre'));
  const username = `${TOWNSHIPS[0].prefix}_cadre${n}`;
  const [u] = await tx
    .insert(users)
    .values({
      username,
      displayName: c.name,
      orgId: c.orgId,
      dataScope: 'self',
      cadreId,
      passwordHash: await demo.passwordHash(),
      passwordChangedAt: demo.now,
      mustChangePassword: true,
    })
    .returning({ id: users.id });
  await tx.insert(userRoles).values({ userId: u.id, roleId: role.id });
  return withPermissions(await demoActor(tx, username), ['inquiry.reply']);
}

async function inquiryStory(
  demo: DemoRun,
  day: (on: string) => AppContext,
  who: { org: Actor; discipline: Actor; own: Actor },
  today: string,
) {
  const { tx } = demo;
  const out = { sent: 0, admonitions: 0 };
  const petition = await talkInquiryPetition(tx, who.discipline.orgId);
  if (petition) {
    const sentOn = addDays(petition.investigatedOn, 3);
    const on = (n: number) => addDays(sentOn, n);
    if (on(40) > today) return out;
    const cadre = await cadreAccount(demo, petition.cadreId, 2);
    const first = await openInquiryIn(tx, day(sentOn), who.discipline, {
      cadreId: petition.cadreId,
      sourceKind: '信访',
      petitionId: petition.id,
      question: '群众反映你在工作中存在作风粗暴、办事拖拉等问题，请就有关情况向组织作出书面说明。',
      sentOn,
    });
    out.sent++;
    const reply = '本人在工作中确有急躁情绪，方法简单，已深刻反思并向群众当面致歉，今后将改进工作方法。';
    await replyInquiry({ ctx: day(on(9)), actor: cadre, id: first.id, tx, input: { version: 1, reply } });
    await endorseInquiry({
      ctx: day(on(10)),
      actor: who.org,
      id: first.id,
      tx,
      input: { version: 2, note: '情况属实，同意其说明' },
    });
    await concludeInquiry({
      ctx: day(on(16)),
      actor: who.discipline,
      id: first.id,
      tx,
      input: { version: 3, conclusion: 'admonition', note: '反映问题部分属实，工作方法简单，给予诫勉' },
    });
    const [a] = await tx
      .select()
      .from(admonitions)
      .where(and(eq(admonitions.sourceRefType, 'inquiry'), eq(admonitions.sourceRefId, first.id)));
    out.admonitions++;
    const talkOn = on(30);
    const talked = await talkIn(tx, day(talkOn), who.org, a, talk(talkOn));
    await track(tx, day, who.org, talked, ['一般', '好', '好', '好', '好', '好'], today);
    const releaseOn = addDays(talked.trackingEndsOn!, 1);
    if (releaseOn <= today)
      await releaseAdmonition({
        ctx: day(releaseOn),
        actor: who.org,
        id: a.id,
        tx,
        input: { version: await versionOf(tx, a.id), on: releaseOn, note: '跟踪考察期间表现良好，解除诫勉' },
      });
  }
  const cadreId = who.own.cadreId;
  if (!cadreId || '2025-10-28' > today) return out;
  const second = await openInquiryIn(tx, day('2025-10-09'), who.org, {
    cadreId,
    sourceKind: '个人有关事项',
    question: '个人有关事项报告抽查中发现你未报告配偶名下一处房产，请作出说明。',
    sentOn: '2025-10-09',
  });
  out.sent++;
  await replyInquiry({
    ctx: day('2025-10-20'),
    actor: who.own,
    id: second.id,
    tx,
    input: { version: 1, reply: '该房产为配偶婚前继承所得，因对填报要求理解有误漏报，已补充报告。' },
  });
  await endorseInquiry({
    ctx: day('2025-10-21'),
    actor: who.org,
    id: second.id,
    tx,
    input: { version: 2, note: '情况属实' },
  });
  await concludeInquiry({
    ctx: day('2025-10-28'),
    actor: who.org,
    id: second.id,
    tx,
    input: { version: 3, conclusion: 'clarified', note: '经核实，属理解偏差漏报，予以了结澄清' },
  });
  return out;
}

/**
 * The admonition the accountability register opened for its 诫勉 sanction (record `recordId`): the
 * talk on `talkOn`, the check-ins, and the release once the tracking is over — steps after today
 * are left for later.
 */
export async function followRegisterAdmonition(
  tx: Tx,
  day: (on: string) => AppContext,
  recordId: number,
  dates: { talkOn: string; releaseOn: string },
  today: string,
): Promise<void> {
  const org = withPermissions(await demoActor(tx, `${TOWNSHIPS[0].prefix}_org_officer`), OFFICE);
  const [opened] = await tx
    .select()
    .from(admonitions)
    .where(and(eq(admonitions.sourceRefType, 'accountability'), eq(admonitions.sourceRefId, recordId)));
  if (!opened || dates.talkOn > today) return;
  const a = await talkIn(tx, day(dates.talkOn), org, opened, talk(dates.talkOn));
  await track(tx, day, org, a, ['一般', '好', '好', '好', '好', '好'], today);
  if (dates.releaseOn <= today)
    await releaseAdmonition({
      ctx: day(dates.releaseOn),
      actor: org,
      id: a.id,
      tx,
      input: {
        version: await versionOf(tx, a.id),
        on: dates.releaseOn,
        note: '跟踪考察期间整改到位，经研究解除诫勉',
      },
    });
}
