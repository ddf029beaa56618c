import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { registerCadreProvider } from '../../src/server/modules/cadres/providers.js';
import { cadres, familyMembers } from '../../src/server/modules/cadres/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { call, makeUser } from '../support/factories.js';
import { lrmxFixture, lrmxWorld } from '../support/lrmx-helpers.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0xff, 0xd9]);
let w: Awaited<ReturnType<typeof lrmxWorld>>;
beforeAll(async () => {
  w = await lrmxWorld();
});
afterAll(async () => w.t.close());

describe('.lrmx round trip', () => {
  it('exports a cadre (full ID number, attachment name, audited) and imports the file back to the same data', async () => {
    const id = await w.addCadre({
      orgId: w.townA.id,
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
    await w.t.ctx.db.update(cadres).set({ photo: JPEG, photoType: 'image/jpeg' }).where(eq(cadres.id, id));
    await w.t.ctx.db.insert(familyMembers).values([
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
    const [before] = await w.t.ctx.db.select().from(cadres).where(eq(cadres.id, id));

    const res = await call(w.t, w.sA, 'GET', `/api/v1/cadres/${id}/lrmx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('刘晓燕.lrmx')}`,
    );
    expect(res.body).toContain('<ShenFenZheng>330102198503150029</ShenFenZheng>');
    const audited = await w.t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cadre.lrmx_export'), eq(auditLog.objectId, String(id))));
    expect(audited).toHaveLength(1);

    // the person leaves the register; the exported form brings them back
    await w.t.ctx.db.update(cadres).set({ deletedAt: w.t.clock.now() }).where(eq(cadres.id, id));
    const waiting = await w.importFile(w.sA, w.townA.id, '刘晓燕.lrmx', res.rawPayload);
    expect(waiting.status).toBe('awaiting_confirmation'); // its 简历 to check
    const job = (await w.confirm(w.sA, waiting)).json();
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({
      created: 1,
      updated: 0,
      files: [{ name: '刘晓燕.lrmx', status: 'created', missing: [] }],
    });
    const [after] = await w.live('刘晓燕');
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
    expect(after).toMatchObject({ orgId: w.townA.id, source: 'lrmx', status: 'active' });
    const strip = (rows: (typeof familyMembers.$inferSelect)[]) =>
      rows.map(({ relation, name, birthDate, politicalStatus, workUnit }) => ({
        relation,
        name,
        birthDate,
        politicalStatus,
        workUnit,
      }));
    expect(strip(await w.familyOf(after.id))).toEqual(strip(await w.familyOf(id)));
  });

  it('fills 年度考核结果 and 奖惩情况 from the records of the modules (provider)', async () => {
    const id = await w.addCadre({ orgId: w.townA.id, name: '郑海涛', annualReviews: '旧的考核文字' });
    // (taken off when the test ends: the registry outlives this file in the worker)
    const unregister = registerCadreProvider({
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
    onTestFinished(unregister);
    const res = await call(w.t, w.sA, 'GET', `/api/v1/cadres/${id}/lrmx`);
    expect(res.body).toContain('<NianDuKaoHeJieGuo>2023年度考核称职，2024年度考核优秀。</NianDuKaoHeJieGuo>');
    expect(res.body).toContain('<JiangChengQingKuang>2024.12  被评为镇级先进工作者</JiangChengQingKuang>');
    const other = await w.addCadre({ orgId: w.townA.id, name: '钱多多' });
    const plain = await call(w.t, w.sA, 'GET', `/api/v1/cadres/${other}/lrmx`);
    expect(plain.body).toContain('<NianDuKaoHeJieGuo>无</NianDuKaoHeJieGuo>');
  });

  it("answers 404 for another township's cadre", async () => {
    const id = await w.addCadre({ orgId: w.townB.id, name: '冯志远' });
    expect((await call(w.t, w.sA, 'GET', `/api/v1/cadres/${id}/lrmx`)).statusCode).toBe(404);
    expect((await call(w.t, w.sB, 'GET', `/api/v1/cadres/${id}/lrmx`)).statusCode).toBe(200);
  });

  it('updates the cadre an ID number already belongs to instead of adding a duplicate', async () => {
    const id = await w.addCadre({
      orgId: w.townA.id,
      name: '王建国',
      currentPosition: '大兴镇副镇长',
      phone: '13800001111',
      idNumber: '330102197805120031',
    });
    const [someone] = await makeUser(w.t.ctx, { orgId: w.townA.id, roles: ['cadre'] }).then((u) => [u]);
    await w.t.ctx.db.insert(familyMembers).values([
      { cadreId: id, relation: '妻子', name: '陈秀英', userId: someone.id, sort: 0 },
      { cadreId: id, relation: '弟弟', name: '王建军', sort: 1 },
    ]);
    const waiting = await w.importFile(w.sA, w.townA.id, 'complete.lrmx', lrmxFixture('complete.lrmx'));
    expect(waiting.result.files[0]).toMatchObject({ status: 'updated', action: 'update' });
    const job = (await w.confirm(w.sA, waiting)).json();
    expect(job).toMatchObject({ status: 'succeeded', result: { created: 0, updated: 1 } });
    expect(job.result.files[0]).toMatchObject({ status: 'updated', action: 'update' });
    const rows = await w.live('王建国');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      orgId: w.townA.id,
      currentPosition: '大兴镇党委副书记、镇长',
      phone: '13800001111', // not on the form: kept
      version: 2,
      source: 'manual',
    });
    expect(rows[0].photo).not.toBeNull();
    const family = await w.familyOf(id);
    expect(family.map((m) => [m.name, m.userId])).toEqual([
      ['陈秀英', someone.id], // linked to an account (recusal): kept, refreshed from the form
      ['王子涵', null],
      ['王德顺', null],
    ]);
    expect(family[0].workUnit).toBe('大兴镇中心小学教师');

    // another township's officer cannot take the person over by importing their form
    const other = await w.importFile(w.sB, w.townB.id, 'complete.lrmx', lrmxFixture('complete.lrmx'));
    expect(other.status).toBe('failed');
    expect(other.result.files[0].status).toBe('refused');
    expect(other.message).toContain('管理范围以外');
    expect(await w.live('王建国')).toHaveLength(1);
  });
});
