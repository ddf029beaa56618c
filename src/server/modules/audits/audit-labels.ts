import { eq, inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { auditFindings, econAudits, rectificationItems } from './schema.js';

const numeric = (ids: string[]) => ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);

// The audit log names an audit by its notice (or report) number, an item by its audit's: never the
// audit's title or the finding's 问题摘要, which are case content the audit administrator may not read.
const auditNumber = (r: { noticeNo: string | null; reportNo: string | null }) => r.noticeNo ?? r.reportNo;

registerObjectLabeller('econ_audit', async (db, ids) => {
  const n = numeric(ids);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: econAudits.id, noticeNo: econAudits.noticeNo, reportNo: econAudits.reportNo })
    .from(econAudits)
    .where(inArray(econAudits.id, n));
  return new Map(rows.map((r) => [String(r.id), auditNumber(r) ?? '经济责任审计（未发通知书）']));
});
registerObjectLabeller('rectification', async (db, ids) => {
  const n = numeric(ids);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: rectificationItems.id, noticeNo: econAudits.noticeNo, reportNo: econAudits.reportNo })
    .from(rectificationItems)
    .innerJoin(auditFindings, eq(auditFindings.id, rectificationItems.findingId))
    .innerJoin(econAudits, eq(econAudits.id, auditFindings.auditId))
    .where(inArray(rectificationItems.id, n));
  return new Map(
    rows.map((r) => {
      const no = auditNumber(r);
      return [String(r.id), no ? `整改事项（${no}）` : '整改事项'];
    }),
  );
});
