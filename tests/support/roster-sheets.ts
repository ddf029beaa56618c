import ExcelJS from 'exceljs';
import { idCheckChar } from '../../src/domain/id-number.js';
import { ROSTER_COLUMNS } from '../../src/server/modules/cadres/excel/columns.js';
import type { Session } from './factories.js';
import type { TestApp } from './test-app.js';

/** A valid ID number for a birth date and a sequence (odd → male). */
export function idNumberFor(birth: string, seq: number): string {
  const first17 = `110101${birth.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export type SheetRow = Record<string, unknown>;

/** Row i of a generated roster: a valid cadre in `org`, with a post for three rows in four. */
export function rosterRow(i: number, org: string): SheetRow {
  const birth = `${1960 + (i % 40)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const withPost = i % 4 !== 0;
  return {
    序号: i + 1,
    姓名: `干部${String(i).padStart(5, '0')}`,
    性别: '',
    民族: '汉族',
    出生年月: birth.slice(0, 7).replace('-', '.'),
    身份证号码: idNumberFor(birth, i),
    籍贯: '江苏南京',
    政治面貌: i % 3 === 0 ? '群众' : '中共党员',
    入党时间: i % 3 === 0 ? '' : `${1985 + (i % 20)}.07`,
    参加工作时间: `${1980 + (i % 25)}-09`,
    全日制学历: '大学本科',
    全日制学位: '学士',
    毕业院校及专业: '南京大学 法学',
    最高学历: i % 5 === 0 ? '研究生' : '大学本科',
    所在单位: org,
    现任职务: withPost ? (i % 2 ? '科员' : '副主任') : '',
    职务层次: withPost ? (i % 2 ? '中层副职' : '副科') : '',
    是否正职: withPost ? '否' : '',
    任现职时间: withPost ? `${2010 + (i % 15)}年${(i % 12) + 1}月` : '',
    联系电话: `139${String(i).padStart(8, '0')}`,
    状态: '在职',
    备注: i % 7 === 0 ? '挂职' : '',
  };
}

/** An .xlsx holding the header and these rows, keyed by header; ID numbers as text. */
export async function rosterWorkbook(rows: SheetRow[], headers = ROSTER_COLUMNS.map((c) => c.header)) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部花名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Posts one file as multipart/form-data, as the browser's upload does. */
export function upload(t: TestApp, s: Session, url: string, file: Buffer, filename = '花名册.xlsx') {
  const boundary = `----jd${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}

/** Polls an import job until it leaves 'running' (or the timeout passes) and returns it. */
export async function waitForJob(t: TestApp, s: Session, id: number, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cadre-imports/${id}`,
      headers: { cookie: s.cookie },
    });
    const job = res.json();
    if (job.status !== 'running') return job;
    if (Date.now() > until) throw new Error(`import job ${id} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A sheet's rows below the header as objects keyed by header text. */
export function sheetRows(ws: ExcelJS.Worksheet, headerRow = 1): Record<string, unknown>[] {
  const headers = (ws.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ''));
  const out: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null]).filter(([h]) => h)));
  }
  return out;
}
