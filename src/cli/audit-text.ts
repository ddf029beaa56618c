import type { VerifyResult } from '../server/platform/audit/verify.js';

const REASONS = {
  hash_mismatch: '该记录的内容与其哈希值不符，可能被篡改',
  prev_mismatch: '与前一条记录的哈希不衔接，可能有记录被删除、插入或替换',
} as const;

/** Beijing time, as the users read it. */
export const beijingTime = (iso: string | Date) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The verifier's finding in one Chinese line. */
export function describeChain(result: VerifyResult): string {
  if (!result.firstBreak) return `审计日志完整：共 ${result.checked} 条`;
  const b = result.firstBreak;
  const when = b.at ? `，记录时间 ${beijingTime(b.at)}` : '';
  return `审计日志在 ID ${b.id} 处断裂（此前 ${result.checked} 条完好${when}）：${REASONS[b.reason]}`;
}
