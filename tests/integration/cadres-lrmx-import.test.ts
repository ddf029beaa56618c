import { and, eq, inArray } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_LRMX } from '../../src/server/modules/cadres/lrmx/elements.js';
import { cadres } from '../../src/server/modules/cadres/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { idNumberFor } from '../support/cadre-helpers.js';
import { call } from '../support/factories.js';
import { lrmxFixture, lrmxFor, lrmxWorld, upload } from '../support/lrmx-helpers.js';
import { rosterRow, rosterWorkbook } from '../support/roster-sheets.js';

let w: Awaited<ReturnType<typeof lrmxWorld>>;
beforeAll(async () => {
  w = await lrmxWorld();
});
afterAll(async () => w.t.close());

describe('.lrmx import', () => {
  it('imports a messy file after confirmation: what it holds, with what it lacks reported', async () => {
    const job = await w.importFile(w.sA, w.townA.id, 'messy.lrmx', lrmxFixture('messy.lrmx'));
    expect(job.status).toBe('awaiting_confirmation');
    expect(job.result.files).toEqual([
      expect.objectContaining({
        name: 'messy.lrmx',
        personName: '李芳',
        status: 'incomplete',
        action: 'create',
        missing: ['出生地', '健康状况', '照片'],
        imported: false,
      }),
    ]);
    expect(job.message).toBe('文件不完整，请查看缺少的项和简历的读取结果，确认是否导入');
    expect(await w.live('李芳')).toHaveLength(0);
    const done = await w.confirm(w.sA, job);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'succeeded', result: { created: 1 } });
    const [row] = await w.live('李芳');
    expect(row).toMatchObject({
      gender: '女',
      birthDate: '1990-01-23',
      ethnicity: '回族',
      partyJoinDate: '2012-06',
      politicalStatus: 'cpc',
      education: 'bachelor',
      birthPlace: null,
      health: null,
      photo: null,
      idNumberDigest: w.t.ctx.crypto.digest('33010219900123100X'),
    });
    expect(row.resume?.split('\n')).toHaveLength(4);
    expect((await w.familyOf(row.id)).map((m) => m.name)).toEqual(['周明']);
  });

  it('keeps a file with an invalid ID number but drops the number, with the problem shown', async () => {
    const job = await w.importFile(w.sA, w.townA.id, 'bad-id.lrmx', lrmxFixture('bad-id.lrmx'));
    expect(job.result.files[0]).toMatchObject({
      status: 'incomplete',
      problems: ['身份证号码校验位不正确，未导入身份证号码'],
    });
    await w.confirm(w.sA, job);
    const [row] = await w.live('张卫东');
    expect(row).toMatchObject({ idNumberDigest: null, politicalStatus: 'none', birthDate: '1988-09-01' });
  });

  it('refuses what is not an .lrmx with a clear message, and bad requests without a 500', async () => {
    const count = async () => (await w.t.ctx.db.select({ id: cadres.id }).from(cadres)).length;
    const n = await count();
    const refuse = async (
      name: string,
      bytes: Uint8Array,
      fields: Record<string, string | number> = { orgId: w.townA.id },
    ) => {
      const res = await upload(w.t, w.sA, '/api/v1/cadres/import/lrmx', { name, bytes }, fields);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.statusCode).not.toBe(200);
      return res.json().error.message as string;
    };
    expect(await refuse('干部名单.lrmx', lrmxFixture('not-xml.lrmx'))).toBe(
      `${NOT_LRMX}：内容不是 XML（应以 <?xml 或 <Person> 开头）`,
    );
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect(await refuse('照片.lrmx', png)).toBe(`${NOT_LRMX}：内容不是文本（任免审批表是 XML 文本文件）`);
    expect(await refuse('wrong-root.lrmx', lrmxFixture('wrong-root.lrmx'))).toBe(
      `${NOT_LRMX}：根元素应为 <Person>，该文件为 <Cadre>`,
    );
    expect(await refuse('entity.lrmx', lrmxFixture('entity.lrmx'))).toContain('DOCTYPE');
    expect(await refuse('a.lrmx', lrmxFixture('complete.lrmx'), {})).toBe('请选择导入到的单位');
    expect(await refuse('a.lrmx', lrmxFixture('complete.lrmx'), { orgId: w.townB.id })).toBe('记录不存在');
    const nested = zipSync({ '干部/a.lrmx': lrmxFixture('complete.lrmx') });
    expect(await refuse('干部.zip', nested)).toContain('子文件夹');
    const traversal = zipSync({ '../a.lrmx': lrmxFixture('complete.lrmx') });
    expect(await refuse('x.zip', traversal)).toContain('不安全');
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]);
    expect(await refuse('x.zip', broken)).toBe('压缩包已损坏，无法读取');
    // a non-XML .lrmx is not called a broken archive, and an .xlsx chosen by mistake is named
    expect(await refuse('王建国.lrmx', broken)).toBe(
      `文件“王建国.lrmx”${NOT_LRMX}：内容不是 XML 文本，也不是完整的压缩包`,
    );
    const xlsx = await rosterWorkbook([rosterRow(0, '大兴镇')]);
    expect(await refuse('花名册.xlsx', xlsx)).toBe(
      '这是 Excel 工作簿（.xlsx），不是任免审批表（.lrmx）；干部花名册请在“导入干部花名册（Excel）”中导入',
    );
    expect(await refuse('empty.lrmx', Buffer.alloc(0))).toBe('上传的文件是空的');
    const huge = await upload(
      w.t,
      w.sA,
      '/api/v1/cadres/import/lrmx',
      { name: 'big.zip', bytes: Buffer.alloc(21 * 1024 * 1024) },
      { orgId: w.townA.id },
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toBe('上传的文件不能超过 20 MB');
    const noFile = await call(w.t, w.sA, 'POST', '/api/v1/cadres/import/lrmx', { orgId: w.townA.id });
    expect(noFile.statusCode).toBe(400);
    expect(await count()).toBe(n);
  });

  it('a zip of 3 good and 1 broken file waits for confirmation; confirming imports exactly the 3', async () => {
    const zip = zipSync({
      '甲一.lrmx': lrmxFor('甲一', idNumberFor('1980-01-01', 11, '330102')),
      '甲二.lrmx': lrmxFor('甲二', idNumberFor('1981-02-02', 13, '330102')),
      '甲三.lrmx': lrmxFor('甲三', idNumberFor('1982-03-03', 15, '330102')),
      '坏文件.lrmx': lrmxFixture('not-xml.lrmx'),
    });
    const job = await w.importFile(w.sA, w.townA.id, '任免审批表.zip', zip);
    expect(job).toMatchObject({ status: 'awaiting_confirmation', total: 4, processed: 4 });
    expect(job.message).toBe(
      '1 个文件无法导入；请选择要导入的文件（可导入 3 个），核对从简历中读取的任职经历后确认',
    );
    const byName = Object.fromEntries(job.result.files.map((f: any) => [f.name, f]));
    expect(byName['坏文件.lrmx']).toMatchObject({
      status: 'refused',
      message: expect.stringContaining(NOT_LRMX),
    });
    expect(byName['甲一.lrmx']).toMatchObject({ status: 'created', personName: '甲一' });
    const names = ['甲一', '甲二', '甲三'];
    const imported = () => w.t.ctx.db.select().from(cadres).where(inArray(cadres.name, names));
    expect(await imported()).toHaveLength(0);

    expect((await w.confirm(w.sB, job)).statusCode).toBe(404);
    const done = await w.confirm(w.sA, job);
    expect(done.json()).toMatchObject({
      status: 'succeeded',
      result: { created: 3, updated: 0, refused: 1 },
    });
    expect(await imported()).toHaveLength(3);
    const [audit] = await w.t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cadre.import'), eq(auditLog.objectId, String(job.id))));
    expect(audit.detail).toMatchObject({ created: 3, refusedFiles: ['坏文件.lrmx'] });
    expect((audit.detail as any).files).toHaveLength(3);
    const again = await w.confirm(w.sA, job);
    expect(again.statusCode).toBe(422);
    expect(await imported()).toHaveLength(3);
  });

  it('cancelling imports nothing', async () => {
    const zip = zipSync({
      '乙一.lrmx': lrmxFor('乙一', idNumberFor('1983-04-04', 17, '330102')),
      '乙二.lrmx': lrmxFixture('wrong-root.lrmx'),
    });
    const job = await w.importFile(w.sA, w.townA.id, 'b.zip', zip);
    const res = await call(w.t, w.sA, 'POST', `/api/v1/cadre-imports/${job.id}/cancel`);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect(await w.live('乙一')).toHaveLength(0);
    expect((await w.confirm(w.sA, job)).statusCode).toBe(422);
    expect((await call(w.t, w.sA, 'POST', `/api/v1/cadre-imports/${job.id}/cancel`)).statusCode).toBe(422);
  });

  it('waits for confirmation even when every file is complete, to show each 简历 as read', async () => {
    const zip = zipSync({
      '丙一.lrmx': lrmxFor('丙一', idNumberFor('1984-05-05', 19, '330102')),
      '丙二.lrmx': lrmxFor('丙二', idNumberFor('1985-06-06', 21, '330102')),
    });
    const waiting = await w.importFile(w.sA, w.townA.id, 'c.zip', zip);
    expect(waiting.status).toBe('awaiting_confirmation');
    expect(waiting.message).toBe('请选择要导入的文件（可导入 2 个），核对从简历中读取的任职经历后确认');
    expect(waiting.result.files[0].resume.rows).toHaveLength(5);
    const job = (await w.confirm(w.sA, waiting)).json();
    expect(job).toMatchObject({ status: 'succeeded', result: { created: 2, updated: 0, tenures: 8 } });
    expect(await w.live('丙二')).toHaveLength(1);
  });
});
