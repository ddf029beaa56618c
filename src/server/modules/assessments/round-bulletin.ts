import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { PEER_GROUPS, type PeerGroup } from '../../../domain/assessments/ranking.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { roundDetail } from './get-round.js';

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋', hAnsi: 'Times New Roman' };
const para = (text: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : undefined,
    children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 24, font: FONT })],
  });
const cell = (text: string, bold = false) =>
  new TableCell({
    children: [para(text, { bold, center: true })],
    width: { size: 1600, type: WidthType.DXA },
  });

/** 排名通报: the round's ranking with the change since the last round and its 末位 units, as .docx. */
export async function roundBulletin(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const r = await ctx.db.transaction((tx) => roundDetail(tx, actor, id));
  const rows = [
    new TableRow({ children: ['名次', '单位', '得分', '扣分', '较上轮'].map((h) => cell(h, true)) }),
    ...r.ranking.map(
      (x) =>
        new TableRow({
          children: [
            cell(String(x.rank)),
            cell(x.unitName + (x.last ? '（末位）' : '')),
            cell(String(x.score)),
            cell(String(x.deduction)),
            cell(
              x.change === null
                ? '—'
                : x.change > 0
                  ? `上升${x.change}`
                  : x.change < 0
                    ? `下降${-x.change}`
                    : '持平',
            ),
          ],
        }),
    ),
  ];
  const lasts = r.lastPlaces.map(
    (l) =>
      `${l.unitName}排名末位${l.consecutive > 1 ? `（连续第 ${l.consecutive} 次）` : ''}，${
        l.outcome === 'warning'
          ? `按照末位惩处制度，对其主要负责人${l.cadreName ?? ''}给予警告，年度考核为不称职。`
          : `按照末位惩处制度，由镇党委政府对其主要负责人${l.cadreName ?? ''}进行惩处。`
      }`,
  );
  const doc = new Document({
    sections: [
      {
        children: [
          para(`关于${r.title}结果的通报`, { bold: true, size: 36, center: true }),
          para(
            `${r.heldOn}，对${PEER_GROUPS[r.peerGroup as PeerGroup] ?? ''}开展了${r.kindLabel}，现将结果通报如下（同分时：${r.tieBreaks.join('；')}）。`,
          ),
          new Table({ rows, width: { size: 8000, type: WidthType.DXA } }),
          ...lasts.map((t) => para(t)),
        ],
      },
    ],
  });
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'assessment.round_bulletin',
    objectType: 'unit_round',
    objectId: id,
  });
  return { buffer: await Packer.toBuffer(doc), filename: `${r.title}排名通报.docx` };
}
