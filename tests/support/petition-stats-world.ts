import { petitionSearchTokens } from '../../src/domain/petition-code.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { sealReporter } from '../../src/server/modules/petitions/reporter-identity.js';
import { petitionDocuments, petitionSubjects, petitions } from '../../src/server/modules/petitions/schema.js';
import {
  clockFacts,
  clockOf,
  type Petition,
} from '../../src/server/modules/petitions/workflow/petition-clock.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser, type Session, signIn } from './factories.js';
import { seedHistory } from './petition-history.js';
import type { TestApp } from './test-app.js';

/** The real-name reporter of 大兴镇's first letter: absent from every ledger and figure. */
export const LEDGER_REPORTER = { name: '诸葛晚晴', phone: '13975310864' };

export interface Seed {
  code: string;
  channel: string;
  receivedOn: string;
  status: string;
  visitors?: number;
  assignedDueOn?: string;
  acceptedOn?: string;
  declinedOn?: string;
  declineReason?: string;
  disposal?: string;
  approvedOn?: string;
  repliedOn?: string;
  concludedOn?: string;
  category?: string | null;
  title?: string;
  reply?: string;
  realName?: boolean;
  extensionDays?: number;
  /** The day the extension was granted (the acceptance date by default). */
  extendedOn?: string;
  subjects?: { name: string; unitText?: string; cadreId?: number }[];
  reports?: string[];
  opinions?: string[];
}

/**
 * Inserts a petition as it stands after its history (the clock computed as the workflow would),
 * with the events of that history on their dates, each with the state after it (seedHistory).
 */
export async function seedPetition(t: TestApp, orgId: number, v: Seed): Promise<Petition> {
  const channel = v.channel;
  const base = {
    orgId,
    code: v.code,
    channel,
    visitors: v.visitors ?? null,
    receivedOn: v.receivedOn,
    assignedBy: channel === 'assigned' ? '区纪委' : null,
    assignedRef: channel === 'assigned' ? `区纪信〔2026〕${v.code.slice(-2)}号` : null,
    assignedDueOn: v.assignedDueOn ?? null,
    transferredFrom: channel === 'transferred' ? '区信访局' : null,
    realName: v.realName ?? false,
    reporterEnc: v.realName ? sealReporter(t.ctx.crypto, LEDGER_REPORTER) : null,
    title: v.title ?? `反映事项${v.code}`,
    content: `关于${v.title ?? v.code}的具体情况。`,
    category: v.category === undefined ? 'work_style' : v.category,
    status: v.status,
    disposal: v.disposal ?? null,
    acceptedOn: v.acceptedOn ?? null,
    declinedOn: v.declinedOn ?? null,
    declineReason: v.declineReason ?? null,
    reportedOn: v.reports?.length ? v.reports.at(-1)!.slice(1, 11) : null,
    approvedOn: v.approvedOn ?? null,
    repliedOn: v.repliedOn ?? null,
    reply: v.reply ?? (v.repliedOn ? '经调查核实，已依规处理。' : null),
    concludedOn: v.concludedOn ?? null,
    extensionDays: v.extensionDays ?? 0,
    extensionReason: v.extensionDays ? '案情复杂，需进一步核实' : null,
    reviewRequestedOn: null,
  };
  const clock = await clockOf(t.ctx, clockFacts(base as unknown as Petition));
  const [row] = await t.ctx.db
    .insert(petitions)
    .values({
      ...base,
      ...clock,
      searchTokens: petitionSearchTokens(
        base,
        (v.subjects ?? []).map((s) => s.name),
      ),
    })
    .returning();
  if (v.subjects?.length)
    await t.ctx.db.insert(petitionSubjects).values(
      v.subjects.map((s) => ({
        petitionId: row.id,
        name: s.name,
        unitText: s.unitText ?? null,
        cadreId: s.cadreId ?? null,
      })),
    );
  // a document is written 【date】content in the seed, as the ledger writes it
  const docs = [
    ...(v.reports ?? []).map((d) => ({ kind: 'report', d })),
    ...(v.opinions ?? []).map((d) => ({ kind: 'opinion', d })),
  ].map(({ kind, d }) => ({ petitionId: row.id, kind, occurredOn: d.slice(1, 11), content: d.slice(12) }));
  if (docs.length) await t.ctx.db.insert(petitionDocuments).values(docs);
  await seedHistory(t, row, v);
  return row;
}

/**
 * 新城区 with 大兴镇 (and its village 红星村) and 长安镇: 大兴镇's discipline officer, its party
 * secretary (registered as related to the cadre 周德明, so recused from the case naming him), the
 * district's discipline office and 长安镇's officer. Today is 2026-03-02 (the fake clock).
 */
export async function statsWorld(t: TestApp) {
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const daxing = await makeOrg(t.ctx, '大兴镇', district.id);
  const village = await makeOrg(t.ctx, '红星村', daxing.id, 'village');
  const changan = await makeOrg(t.ctx, '长安镇', district.id);
  const [cadreId] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: daxing.id, name: '周德明', status: 'active' }],
    'manual',
  );
  const s: Record<string, Session> = {};
  const user = async (key: string, orgId: number, roles: string[]) => {
    const u = await makeUser(t.ctx, { orgId, roles });
    s[key] = await signIn(t, u.username);
    return u;
  };
  await user('officer', daxing.id, ['discipline_officer']);
  const secretary = await user('secretary', daxing.id, ['party_secretary']);
  await t.ctx.db.insert(recusals).values({ userId: secretary.id, cadreId, reason: 'family' });
  await user('district', district.id, ['district_discipline']);
  await user('changan', changan.id, ['discipline_officer']);
  await user('head', daxing.id, ['unit_head']);
  return { district, daxing, village, changan, cadreId, s };
}

type World = Awaited<ReturnType<typeof statsWorld>>;
const R = (on: string, text: string) => `【${on}】${text}`;

/**
 * 大兴镇's 2026 so far (today 2026-03-02): a real-name letter handled to its end naming 周德明, a
 * visit of 3 people under investigation, a declined call, an overdue online report, an assigned
 * case concluded on time and one late, a transferred case extended, an overdue letter to 红星村;
 * plus a 2025 letter and 长安镇's letter, which the 2026 figures of 大兴镇 leave out.
 */
export async function seedDaxing(t: TestApp, w: World) {
  const d = w.daxing.id;
  await seedPetition(t, d, {
    code: 'XF2026-0001',
    channel: 'letter',
    receivedOn: '2026-01-05',
    status: 'concluded',
    realName: true,
    title: '反映干部作风问题',
    acceptedOn: '2026-01-08',
    disposal: 'preliminary_check',
    reports: [R('2026-01-20', '调查报告：反映问题部分属实')],
    opinions: [R('2026-01-25', '给予批评教育'), R('2026-01-26', '责令退还多收款项')],
    approvedOn: '2026-01-28',
    repliedOn: '2026-02-01',
    concludedOn: '2026-02-03',
    subjects: [{ name: '周德明', unitText: '大兴镇农业服务中心', cadreId: w.cadreId }],
  });
  await seedPetition(t, d, {
    code: 'XF2026-0002',
    channel: 'visit',
    visitors: 3,
    receivedOn: '2026-01-10',
    status: 'investigating',
    acceptedOn: '2026-01-12',
    disposal: 'talk_inquiry',
    category: 'integrity',
    title: '反映村干部收受礼金',
    subjects: [{ name: '钱有才', unitText: '红星村' }, { name: '孙德胜' }],
  });
  await seedPetition(t, d, {
    code: 'XF2026-0003',
    channel: 'phone',
    receivedOn: '2026-01-15',
    status: 'declined',
    category: 'other',
    declinedOn: '2026-01-20',
    declineReason: '不属于纪检监察机关受理范围',
  });
  await seedPetition(t, d, {
    code: 'XF2026-0004',
    channel: 'online',
    receivedOn: '2026-01-20',
    status: 'registered',
    category: 'finance',
  });
  await seedPetition(t, d, {
    code: 'XF2026-0005',
    channel: 'assigned',
    receivedOn: '2026-01-06',
    assignedDueOn: '2026-02-06',
    status: 'concluded',
    acceptedOn: '2026-01-07',
    disposal: 'preliminary_check',
    category: 'land',
    reports: [R('2026-01-30', '调查报告：征地补偿已按标准发放')],
    opinions: [R('2026-02-02', '予以澄清')],
    approvedOn: '2026-02-03',
    repliedOn: '2026-02-04',
    concludedOn: '2026-02-05',
  });
  await seedPetition(t, d, {
    code: 'XF2026-0006',
    channel: 'assigned',
    receivedOn: '2026-01-08',
    assignedDueOn: '2026-02-08',
    status: 'concluded',
    acceptedOn: '2026-01-09',
    disposal: 'close',
    category: 'land',
    opinions: [R('2026-02-10', '反映问题已解决，予以了结')],
    approvedOn: '2026-02-12',
    repliedOn: '2026-02-15',
    concludedOn: '2026-02-20',
  });
  await seedPetition(t, d, {
    code: 'XF2026-0007',
    channel: 'transferred',
    receivedOn: '2026-02-01',
    status: 'accepted',
    acceptedOn: '2026-02-03',
    category: null,
    extensionDays: 10,
  });
  await seedPetition(t, w.village.id, {
    code: 'HX2026-0001',
    channel: 'letter',
    receivedOn: '2026-02-10',
    status: 'registered',
  });
  await seedPetition(t, d, {
    code: 'XF2025-0099',
    channel: 'letter',
    receivedOn: '2025-12-20',
    status: 'concluded',
    acceptedOn: '2025-12-22',
    disposal: 'close',
    opinions: [R('2025-12-28', '予以了结')],
    approvedOn: '2025-12-29',
    repliedOn: '2025-12-30',
    concludedOn: '2025-12-31',
  });
  await seedPetition(t, w.changan.id, {
    code: 'XF2026-0001',
    channel: 'letter',
    receivedOn: '2026-01-05',
    status: 'registered',
  });
}
