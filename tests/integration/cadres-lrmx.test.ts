import { and, eq, inArray, isNull } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_LRMX } from '../../src/server/modules/cadres/lrmx/elements.js';
import { registerCadreProvider } from '../../src/server/modules/cadres/providers.js';
import { cadres, familyMembers } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { idNumberFor } from '../support/cadre-helpers.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { lrmxFixture, lrmxFor, upload, waitForJob } from '../support/lrmx-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let townA: { id: number };
let townB: { id: number };
let sA: Session;
let sB: Session;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0xff, 0xd9]);

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  townA = await makeOrg(t.ctx, '大兴镇', district.id);
  townB = await makeOrg(t.ctx, '红星镇', district.id);
  const a = await makeUser(t.ctx, { orgId: townA.id, roles: ['org_officer'], dataScope: 'subtree' });
  const b = await makeUser(t.ctx, { orgId: townB.id, roles: ['org_officer'], dataScope: 'subtree' });
  sA = await signIn(t, a.username);
  sB = await signIn(t, b.username);
});
afterAll(async () => t.close());

const importFile = async (s: Session, orgId: number, name: string, bytes: Uint8Array) => {
  const res = await upload(t, s, '/api/v1/cadres/import/lrmx', { name, bytes }, { orgId });
  expect(res.statusCode, res.body).toBe(200);
  return waitForJob(t, s, res.json().id);
};
const live = (name: string) =>
  t.ctx.db
    .select()
    .from(cadres)
    .where(and(eq(cadres.name, name), isNull(cadres.deletedAt)));
const familyOf = (cadreId: number) =>
  t.ctx.db.select().from(familyMembers).where(eq(familyMembers.cadreId, cadreId)).orderBy(familyMembers.sort);
const addCadre = async (fields: Record<string, unknown>) =>
  (await insertCadres(t.ctx.db, t.ctx, [{ status: 'active', ...fields } as any], 'manual'))[0];

describe('.lrmx round trip', () => {
  it('exports a cadre (full ID number, attachment name, audited) and imports the file back to the same data', async () => {
    const id = await addCadre({
      orgId: townA.id,
      name: '刘晓燕',
      gender: '女',
      ethnicity: '汉族',
      nativePlace: '浙江桐庐',
      birthPlace: '浙江杭州',
      partyJoinDate: '2006-06',
      workStartDate: '2007-08',
      politicalStatus: 'cpc',
      health: '健康',
      professionalTitle: '经济师',
      expertise: '熟悉经济工作 & 招商引资',
      education: 'postgraduate',
      fullTimeEducation: '大学本科',
      fullTimeDegree: '经济学学士',
      fullTimeSchool: '浙江财经学院经济学专业',
      fullTimeDegreeSchool: '浙江财经学院经济学专业',
      partTimeEducation: '研究生',
      partTimeDegree: '公共管理硕士',
      partTimeSchool: '省委党校公共管理专业',
      partTimeDegreeSchool: '浙江大学公共管理专业',
      currentPosition: '大兴镇党委委员、副镇长',
      resume: '2003.09--2007.07  浙江财经学院经济学专业学习\n2007.08--         大兴镇经济发展办公室科员',
      rewards: '2019年获区“三八红旗手”称号。',
      annualReviews: '2024年度考核优秀。',
      idNumber: '330102198503150029',
    });
    await t.ctx.db.update(cadres).set({ photo: JPEG, photoType: 'image/jpeg' }).where(eq(cadres.id, id));
    await t.ctx.db.insert(familyMembers).values([
      {
        cadreId: id,
        relation: '丈夫',
        name: '吴志强',
        birthDate: '1984-07',
        politicalStatus: '中共党员',
        workUnit: '桐庐县交通局科员',
        sort: 0,
      },
      {
        cadreId: id,
        relation: '女儿',
        name: '吴悦',
        birthDate: '2012-03',
        politicalStatus: '群众',
        workUnit: '大兴镇中心小学学生',
        sort: 1,
      },
    ]);
    const [before] = await t.ctx.db.select().from(cadres).where(eq(cadres.id, id));

    const res = await call(t, sA, 'GET', `/api/v1/cadres/${id}/lrmx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('刘晓燕.lrmx')}`,
    );
    expect(res.body).toContain('<ShenFenZheng>330102198503150029</ShenFenZheng>');
    const audited = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cadre.lrmx_export'), eq(auditLog.objectId, String(id))));
    expect(audited).toHaveLength(1);

    // the person leaves the register; the exported form brings them back
    await t.ctx.db.update(cadres).set({ deletedAt: t.clock.now() }).where(eq(cadres.id, id));
    const job = await importFile(sA, townA.id, '刘晓燕.lrmx', res.rawPayload);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({
      created: 1,
      updated: 0,
      files: [{ name: '刘晓燕.lrmx', status: 'created', missing: [] }],
    });
    const [after] = await live('刘晓燕');
    expect(after.id).not.toBe(id);
    for (const k of [
      'name',
      'namePinyin',
      'nameInitials',
      'gender',
      'birthDate',
      'ethnicity',
      'nativePlace',
      'birthPlace',
      'partyJoinDate',
      'workStartDate',
      'politicalStatus',
      'health',
      'professionalTitle',
      'expertise',
      'education',
      'fullTimeEducation',
      'fullTimeDegree',
      'fullTimeSchool',
      'fullTimeDegreeSchool',
      'partTimeEducation',
      'partTimeDegree',
      'partTimeSchool',
      'partTimeDegreeSchool',
      'currentPosition',
      'resume',
      'rewards',
      'annualReviews',
      'idNumberDigest',
      'idNumberMasked',
      'photoType',
    ] as const) {
      expect(after[k], k).toEqual(before[k]);
    }
    expect(Buffer.compare(after.photo!, JPEG)).toBe(0);
    expect(after).toMatchObject({ orgId: townA.id, source: 'lrmx', status: 'active' });
    const strip = (rows: (typeof familyMembers.$inferSelect)[]) =>
      rows.map(({ relation, name, birthDate, politicalStatus, workUnit }) => ({
        relation,
        name,
        birthDate,
        politicalStatus,
        workUnit,
      }));
    expect(strip(await familyOf(after.id))).toEqual(strip(await familyOf(id)));
  });

  it('fills 年度考核结果 and 奖惩情况 from the records of the modules (provider)', async () => {
    const id = await addCadre({ orgId: townA.id, name: '郑海涛', annualReviews: '旧的考核文字' });
    registerCadreProvider({
      key: 'lrmx-test-records',
      label: '测试记录',
      records: async (_db, cadreId) =>
        cadreId === id
          ? {
              annualGrades: [
                { year: 2024, grade: '优秀' },
                { year: 2023, grade: '称职' },
              ],
              rewardsAndPunishments: [{ date: '2024-12-20', text: '被评为镇级先进工作者' }],
            }
          : {},
    });
    const res = await call(t, sA, 'GET', `/api/v1/cadres/${id}/lrmx`);
    expect(res.body).toContain('<NianDuKaoHeJieGuo>2023年度考核称职，2024年度考核优秀。</NianDuKaoHeJieGuo>');
    expect(res.body).toContain('<JiangChengQingKuang>2024.12  被评为镇级先进工作者</JiangChengQingKuang>');
    const other = await addCadre({ orgId: townA.id, name: '钱多多' });
    const plain = await call(t, sA, 'GET', `/api/v1/cadres/${other}/lrmx`);
    expect(plain.body).toContain('<NianDuKaoHeJieGuo>无</NianDuKaoHeJieGuo>');
  });

  it("answers 404 for another township's cadre", async () => {
    const id = await addCadre({ orgId: townB.id, name: '冯志远' });
    expect((await call(t, sA, 'GET', `/api/v1/cadres/${id}/lrmx`)).statusCode).toBe(404);
    expect((await call(t, sB, 'GET', `/api/v1/cadres/${id}/lrmx`)).statusCode).toBe(200);
  });
});

describe('.lrmx import', () => {
  it('imports a messy file after confirmation: what it holds, with what it lacks reported', async () => {
    const job = await importFile(sA, townA.id, 'messy.lrmx', lrmxFixture('messy.lrmx'));
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
    expect(await live('李芳')).toHaveLength(0);
    const done = await call(t, sA, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'succeeded', result: { created: 1 } });
    const [row] = await live('李芳');
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
      idNumberDigest: t.ctx.crypto.digest('33010219900123100X'),
    });
    expect(row.resume?.split('\n')).toHaveLength(4);
    expect((await familyOf(row.id)).map((m) => m.name)).toEqual(['周明']);
  });

  it('keeps a file with an invalid ID number but drops the number, with the problem shown', async () => {
    const job = await importFile(sA, townA.id, 'bad-id.lrmx', lrmxFixture('bad-id.lrmx'));
    expect(job.result.files[0]).toMatchObject({
      status: 'incomplete',
      problems: ['身份证号码校验位不正确，未导入身份证号码'],
    });
    await call(t, sA, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`);
    const [row] = await live('张卫东');
    expect(row).toMatchObject({ idNumberDigest: null, politicalStatus: 'none', birthDate: '1988-09-01' });
  });

  it('refuses what is not an .lrmx with a clear message, and bad requests without a 500', async () => {
    const count = async () => (await t.ctx.db.select({ id: cadres.id }).from(cadres)).length;
    const n = await count();
    const refuse = async (
      name: string,
      bytes: Uint8Array,
      fields: Record<string, string | number> = { orgId: townA.id },
    ) => {
      const res = await upload(t, sA, '/api/v1/cadres/import/lrmx', { name, bytes }, fields);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.statusCode).not.toBe(200);
      return res.json().error.message as string;
    };
    expect(await refuse('干部名单.lrmx', lrmxFixture('not-xml.lrmx'))).toBe(NOT_LRMX);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect(await refuse('照片.lrmx', png)).toBe(NOT_LRMX);
    expect(await refuse('wrong-root.lrmx', lrmxFixture('wrong-root.lrmx'))).toBe(NOT_LRMX);
    expect(await refuse('entity.lrmx', lrmxFixture('entity.lrmx'))).toContain('DOCTYPE');
    expect(await refuse('a.lrmx', lrmxFixture('complete.lrmx'), {})).toBe('请选择导入到的单位');
    expect(await refuse('a.lrmx', lrmxFixture('complete.lrmx'), { orgId: townB.id })).toBe('记录不存在');
    const nested = zipSync({ '干部/a.lrmx': lrmxFixture('complete.lrmx') });
    expect(await refuse('干部.zip', nested)).toContain('子文件夹');
    const traversal = zipSync({ '../a.lrmx': lrmxFixture('complete.lrmx') });
    expect(await refuse('x.zip', traversal)).toContain('不安全');
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]);
    expect(await refuse('x.zip', broken)).toContain('压缩包');
    expect(await refuse('empty.lrmx', Buffer.alloc(0))).toBe('上传的文件是空的');
    const noFile = await call(t, sA, 'POST', '/api/v1/cadres/import/lrmx', { orgId: townA.id });
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
    const job = await importFile(sA, townA.id, '任免审批表.zip', zip);
    expect(job).toMatchObject({ status: 'awaiting_confirmation', total: 4, processed: 4 });
    expect(job.message).toContain('1 个文件无法导入');
    const byName = Object.fromEntries(job.result.files.map((f: any) => [f.name, f]));
    expect(byName['坏文件.lrmx']).toMatchObject({ status: 'refused', message: NOT_LRMX });
    expect(byName['甲一.lrmx']).toMatchObject({ status: 'created', personName: '甲一' });
    const names = ['甲一', '甲二', '甲三'];
    const imported = () => t.ctx.db.select().from(cadres).where(inArray(cadres.name, names));
    expect(await imported()).toHaveLength(0);

    expect((await call(t, sB, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`)).statusCode).toBe(404);
    const done = await call(t, sA, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`);
    expect(done.json()).toMatchObject({
      status: 'succeeded',
      result: { created: 3, updated: 0, refused: 1 },
    });
    expect(await imported()).toHaveLength(3);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cadre.import'), eq(auditLog.objectId, String(job.id))));
    expect(audit.detail).toMatchObject({ created: 3, refusedFiles: ['坏文件.lrmx'] });
    expect((audit.detail as any).files).toHaveLength(3);
    const again = await call(t, sA, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`);
    expect(again.statusCode).toBe(422);
    expect(await imported()).toHaveLength(3);
  });

  it('cancelling imports nothing', async () => {
    const zip = zipSync({
      '乙一.lrmx': lrmxFor('乙一', idNumberFor('1983-04-04', 17, '330102')),
      '乙二.lrmx': lrmxFixture('wrong-root.lrmx'),
    });
    const job = await importFile(sA, townA.id, 'b.zip', zip);
    const res = await call(t, sA, 'POST', `/api/v1/cadre-imports/${job.id}/cancel`);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect(await live('乙一')).toHaveLength(0);
    expect((await call(t, sA, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`)).statusCode).toBe(422);
    expect((await call(t, sA, 'POST', `/api/v1/cadre-imports/${job.id}/cancel`)).statusCode).toBe(422);
  });

  it('imports a zip of complete files at once', async () => {
    const zip = zipSync({
      '丙一.lrmx': lrmxFor('丙一', idNumberFor('1984-05-05', 19, '330102')),
      '丙二.lrmx': lrmxFor('丙二', idNumberFor('1985-06-06', 21, '330102')),
    });
    const job = await importFile(sA, townA.id, 'c.zip', zip);
    expect(job).toMatchObject({ status: 'succeeded', result: { created: 2, updated: 0 } });
    expect(await live('丙二')).toHaveLength(1);
  });

  it('updates the cadre an ID number already belongs to instead of adding a duplicate', async () => {
    const id = await addCadre({
      orgId: townA.id,
      name: '王建国',
      currentPosition: '大兴镇副镇长',
      phone: '13800001111',
      idNumber: '330102197805120031',
    });
    const [someone] = await makeUser(t.ctx, { orgId: townA.id, roles: ['cadre'] }).then((u) => [u]);
    await t.ctx.db.insert(familyMembers).values([
      { cadreId: id, relation: '妻子', name: '陈秀英', userId: someone.id, sort: 0 },
      { cadreId: id, relation: '弟弟', name: '王建军', sort: 1 },
    ]);
    const job = await importFile(sA, townA.id, 'complete.lrmx', lrmxFixture('complete.lrmx'));
    expect(job).toMatchObject({ status: 'succeeded', result: { created: 0, updated: 1 } });
    expect(job.result.files[0]).toMatchObject({ status: 'updated', action: 'update' });
    const rows = await live('王建国');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      orgId: townA.id,
      currentPosition: '大兴镇党委副书记、镇长',
      phone: '13800001111', // not on the form: kept
      version: 2,
      source: 'manual',
    });
    expect(rows[0].photo).not.toBeNull();
    const family = await familyOf(id);
    expect(family.map((m) => [m.name, m.userId])).toEqual([
      ['陈秀英', someone.id], // linked to an account (recusal): kept, refreshed from the form
      ['王子涵', null],
      ['王德顺', null],
    ]);
    expect(family[0].workUnit).toBe('大兴镇中心小学教师');

    // another township's officer cannot take the person over by importing their form
    const other = await importFile(sB, townB.id, 'complete.lrmx', lrmxFixture('complete.lrmx'));
    expect(other.status).toBe('failed');
    expect(other.result.files[0].status).toBe('refused');
    expect(other.message).toContain('管理范围以外');
    expect(await live('王建国')).toHaveLength(1);
  });
});
