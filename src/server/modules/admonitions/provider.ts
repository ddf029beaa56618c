import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  ADMONITION_KINDS,
  ADMONITION_STATUSES,
  ORG_MEASURES,
  type OrgMeasure,
} from '../../../domain/admonitions/admonition-workflow.js';
import {
  INQUIRY_CONCLUSIONS,
  INQUIRY_STATUSES,
  type InquiryStatus,
} from '../../../domain/admonitions/inquiry-workflow.js';
import { registerCadreProvider, type TimelineEntry } from '../cadres/providers.js';
import { visibleTo } from './access.js';
import { admonitions, inquiries } from './schema.js';

type Kind = keyof typeof ADMONITION_KINDS;

// 谈话诫勉 on the supervision file: the talk, the release or the measure, for holders of
// admonition.read within scope (never the cadre or related users); and the records the promotion
// rules read: an 诫勉 from its talk, an organizational measure from its day (each for its rule period).
registerCadreProvider({
  key: 'admonition',
  label: '谈话诫勉',
  permission: 'admonition.read',
  async timeline(db, actor, cadreId) {
    const rows = await db
      .select()
      .from(admonitions)
      .where(and(eq(admonitions.cadreId, cadreId), visibleTo(actor, admonitions.orgId, admonitions.cadreId)))
      .orderBy(asc(admonitions.openedOn), asc(admonitions.id));
    const out: TimelineEntry[] = [];
    for (const a of rows) {
      const link = `/admonitions/${a.id}`;
      const what = ADMONITION_KINDS[a.kind as Kind] ?? a.kind;
      out.push({
        date: a.talkOn ?? a.openedOn,
        kind: 'admonition',
        title: `${what} ${a.code}（来源：${a.sourceKind}）`,
        detail: `${a.reason}；${ADMONITION_STATUSES[a.status as keyof typeof ADMONITION_STATUSES] ?? a.status}`,
        link,
      });
      if (a.releasedOn)
        out.push({
          date: a.releasedOn,
          kind: 'admonition',
          title: `解除诫勉 ${a.code}`,
          detail: a.endNote ?? undefined,
          link,
        });
      if (a.measureOn && a.measureKind)
        out.push({
          date: a.measureOn,
          kind: 'admonition',
          title: `组织措施：${ORG_MEASURES[a.measureKind as OrgMeasure] ?? a.measureKind}（${a.code}）`,
          detail: a.endNote ?? undefined,
          link,
        });
    }
    return out;
  },
  async records(db, cadreId) {
    const rows = await db
      .select()
      .from(admonitions)
      .where(
        and(
          eq(admonitions.cadreId, cadreId),
          inArray(admonitions.status, ['tracking', 'released', 'measures']),
        ),
      );
    return {
      admonitions: rows
        .filter((a) => a.kind === 'admonition' && a.talkOn)
        .map((a) => ({
          effectiveFrom: a.talkOn!,
          title: `诫勉（${a.code}${a.releasedOn ? `，${a.releasedOn} 已解除` : ''}）`,
        })),
      orgMeasures: rows
        .filter((a) => a.measureKind && a.measureOn)
        .map((a) => ({
          kind: a.measureKind!,
          effectiveFrom: a.measureOn!,
          title: `${ORG_MEASURES[a.measureKind as OrgMeasure] ?? a.measureKind}（${a.code}）`,
        })),
      rewardsAndPunishments: rows
        .filter((a) => a.kind === 'admonition' && a.talkOn)
        .map((a) => ({ date: a.talkOn!, text: `${a.talkOn!.slice(0, 7).replace('-', '.')} 受到诫勉` })),
    };
  },
});

// 函询 on the file: sent, the reply (the reply goes to the file) and the conclusion.
registerCadreProvider({
  key: 'inquiry',
  label: '函询',
  permission: 'inquiry.read',
  async timeline(db, actor, cadreId) {
    const rows = await db
      .select()
      .from(inquiries)
      .where(and(eq(inquiries.cadreId, cadreId), visibleTo(actor, inquiries.orgId, inquiries.cadreId)))
      .orderBy(asc(inquiries.sentOn), asc(inquiries.id));
    const out: TimelineEntry[] = [];
    for (const i of rows) {
      const link = `/inquiries/${i.id}`;
      out.push({
        date: i.sentOn,
        kind: 'inquiry',
        title: `函询 ${i.code}（来源：${i.sourceKind}）`,
        detail: `${i.question.slice(0, 80)}；${INQUIRY_STATUSES[i.status as InquiryStatus] ?? i.status}`,
        link,
      });
      if (i.repliedOn)
        out.push({
          date: i.repliedOn,
          kind: 'inquiry',
          title: `函询回复 ${i.code}`,
          detail: i.replyText ?? undefined,
          link,
        });
      if (i.concludedOn && i.conclusion)
        out.push({
          date: i.concludedOn,
          kind: 'inquiry',
          title: `函询结论 ${i.code}：${INQUIRY_CONCLUSIONS[i.conclusion as keyof typeof INQUIRY_CONCLUSIONS] ?? i.conclusion}`,
          detail: i.conclusionNote ?? undefined,
          link,
        });
    }
    return out;
  },
});
