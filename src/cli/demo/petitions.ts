import { and, eq, inArray, like } from 'drizzle-orm';
import { addDays, chinaDate } from '../../domain/calendar.js';
import type { PetitionChannel } from '../../domain/petition-intake.js';
import { cadres } from '../../server/modules/cadres/schema.js';
import { petitions } from '../../server/modules/petitions/schema.js';
import type { RegisterInput } from '../../server/modules/petitions/workflow/register-contract.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import type { DemoStep } from './index.js';
import { demoYearCases } from './petition-demo-year.js';
import { type Cast, daysOf, demoActor, livePetition } from './petition-life.js';
import { type PlanOptions, planPetition, seeded } from './petition-plan.js';
import { petitionMatter, pickCategory, reporterOf } from './petition-texts.js';
import { DEMO_DISTRICT, TOWNSHIPS } from './platform-data.js';

const PER_TOWNSHIP = 75;
/** 大兴镇's cases of the current year besides the showcase (its last year is the demo year's). */
const DAXING_THIS_YEAR = 20;
const CHANNELS: PetitionChannel[] = [
  'letter',
  'letter',
  'visit',
  'visit',
  'phone',
  'online',
  'online',
  'assigned',
  'transferred',
];

/** Cases placed so that every status is on show, some of them overdue (days ago received). */
const SHOWCASE: (PlanOptions & { ago: number })[] = [
  { stopAt: 'registered', ago: 25 }, // acceptance overdue
  { stopAt: 'registered', ago: 2 },
  { stopAt: 'accepted', ago: 20 },
  { stopAt: 'held', way: 'hold', ago: 40 },
  { stopAt: 'investigating', way: 'investigate', ago: 110 }, // handling overdue
  { stopAt: 'investigating', way: 'investigate', ago: 30 },
  { stopAt: 'reported', way: 'investigate', ago: 75 },
  { stopAt: 'awaiting_approval', way: 'investigate', ago: 80 },
  { stopAt: 'approved', way: 'close', ago: 60 },
  { stopAt: 'replied', way: 'close', ago: 60 },
  { way: 'decline', ago: 50 },
];

/**
 * A year of petitions in the two demo townships, registered and handled through the
 * workflow's use cases on the days they happened: every channel (visits of 1–5 people, cases
 * assigned by 区纪委 with reference and due date), real-name and anonymous, every category, about
 * half naming the township's cadres, some handed to a village, every status, some overdue and one
 * under review. 青山镇 has 75 over the last twelve months; 大兴镇 has its showcase and 20 more in this
 * year, and last calendar year the demo year whose figures are its annual summary's
 * (petition-demo-year.ts).
 */
export const petitionsDemo: DemoStep = {
  name: 'petitions',
  async loaded(tx) {
    const officer = await demoActor(tx, `${TOWNSHIPS[0].prefix}_discipline_officer`);
    const [row] = await tx
      .select({ id: petitions.id })
      .from(petitions)
      .where(and(eq(petitions.orgId, officer.orgId), eq(petitions.createdBy, officer.userId)))
      .limit(1);
    return !!row;
  },
  async run({ ctx, tx, now }) {
    const today = chinaDate(now);
    const day = await daysOf(ctx, tx, now);
    let total = 0;
    for (const [t, township] of TOWNSHIPS.entries()) {
      const rng = seeded(4000 + t);
      const cast: Cast = {
        officer: await demoActor(tx, `${township.prefix}_discipline_officer`),
        secretary: await demoActor(tx, `${township.prefix}_party_secretary`),
        unitHead: await demoActor(tx, `${township.prefix}_unit_head`),
      };
      const [town] = await tx.select().from(orgs).where(eq(orgs.id, cast.officer.orgId));
      const named = await tx
        .select({ id: cadres.id, name: cadres.name })
        .from(cadres)
        .innerJoin(orgs, eq(orgs.id, cadres.orgId))
        .where(and(like(orgs.path, `${town.path}%`), eq(cadres.source, 'demo')));
      const villages = await tx
        .select({ id: orgs.id, name: orgs.name })
        .from(orgs)
        .where(and(eq(orgs.parentId, town.id), inArray(orgs.name, township.villages)));
      // 大兴镇: last calendar year is the demo year (the seed's figures), the showcase in this year
      const daxing = t === 0;
      const yearStart = `${today.slice(0, 4)}-01-01`;
      const thisYear = (day: string) => (daxing && day < yearStart ? yearStart : day);
      const cases: (PlanOptions & { ago: number; receivedOn: string; year?: DemoYearInput })[] = [
        ...SHOWCASE,
        ...(daxing ? [{ review: 'open' as const, way: 'close' as const, ago: 110 }] : []),
      ].map((c) => ({ ...c, receivedOn: thisYear(addDays(today, -c.ago)) }));
      if (daxing) {
        const days = Math.max(1, Math.round((Date.parse(today) - Date.parse(yearStart)) / 86_400_000));
        for (let i = 0; i < DAXING_THIS_YEAR; i++)
          cases.push({ ago: 0, receivedOn: addDays(yearStart, Math.floor(rng() * days)) });
        const year = Number(today.slice(0, 4)) - 1;
        for (const c of demoYearCases(year, seeded(5000)))
          cases.push({
            ...c.plan,
            ago: 0,
            receivedOn: c.receivedOn,
            year: { channel: c.channel, visitors: c.visitors, assignedDueDays: c.assignedDueDays },
          });
      } else
        while (cases.length < PER_TOWNSHIP)
          cases.push({ ago: 0, receivedOn: addDays(today, -1 - Math.floor(rng() * 364)) });
      cases.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
      for (const [i, c] of cases.entries()) {
        const village = villages[Math.floor(rng() * villages.length)];
        const who = rng() < 0.5 ? named[Math.floor(rng() * named.length)] : undefined;
        const input = intake(rng, i, town.id, c.receivedOn, who, village.name, c.year);
        // the demo year's cases live to the year's end: its summary is as of 31 December
        const yearEnd = `${c.receivedOn.slice(0, 4)}-12-31`;
        const plan = planPetition(rng, c.receivedOn, c.year && yearEnd < today ? yearEnd : today, c);
        const unit =
          village.id === cast.unitHead.orgId || rng() < 0.3 ? { orgId: cast.unitHead.orgId } : null;
        await livePetition(tx, day, cast, input, plan, unit);
        total++;
      }
    }
    return `信访件 ${total} 件（${DEMO_DISTRICT}两镇近一年，含各办理环节）`;
  },
};

/** What the demo year fixes of a case (its channel, visitors and 交办期限); the rest is invented. */
interface DemoYearInput {
  channel: PetitionChannel;
  visitors: number | null;
  assignedDueDays: number | null;
}

/** The registration form of one invented petition. */
function intake(
  rng: () => number,
  n: number,
  orgId: number,
  receivedOn: string,
  who: { id: number; name: string } | undefined,
  place: string,
  fixed?: DemoYearInput,
): RegisterInput {
  const picked = CHANNELS[Math.floor(rng() * CHANNELS.length)];
  const channel = fixed?.channel ?? picked;
  const category = pickCategory(rng());
  const matter = petitionMatter(category, Math.floor(rng() * 8), who?.name ?? null, place);
  const realName = rng() < 0.4;
  const year = receivedOn.slice(0, 4);
  return {
    orgId,
    channel,
    receivedOn,
    visitors: channel === 'visit' ? (fixed?.visitors ?? 1 + Math.floor(rng() * 5)) : null,
    assignedBy: channel === 'assigned' ? '区纪委' : null,
    assignedRef: channel === 'assigned' ? `新纪信交〔${year}〕${10 + n}号` : null,
    assignedDueOn:
      channel === 'assigned'
        ? addDays(receivedOn, fixed?.assignedDueDays ?? 30 + Math.floor(rng() * 15))
        : null,
    transferredFrom: channel === 'transferred' ? '区信访局' : null,
    realName,
    reporter: realName
      ? reporterOf(orgId * 1000 + n)
      : rng() < 0.15
        ? { phone: reporterOf(n + 500).phone }
        : null,
    title: matter.title,
    content: matter.content,
    category,
    subjects: who ? [{ cadreId: who.id }] : rng() < 0.3 ? [{ name: `${place}干部`, unitText: place }] : [],
  };
}
