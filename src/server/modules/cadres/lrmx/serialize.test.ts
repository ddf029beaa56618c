import { describe, expect, it } from 'vitest';
import { parseLrmx } from './parse.js';
import { type LrmxExport, resumeFromTenures, serializeLrmx } from './serialize.js';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 0xff, 0xd9]);

const cadre = {
  id: 7,
  orgId: 3,
  name: '刘晓燕',
  namePinyin: 'liuxiaoyan',
  nameInitials: 'lxy',
  gender: '女',
  birthDate: '1985-03-15',
  ethnicity: '汉族',
  nativePlace: '浙江桐庐',
  birthPlace: '浙江杭州',
  partyJoinDate: '2006-06',
  workStartDate: '2007-08',
  politicalStatus: 'cpc',
  health: '健康',
  professionalTitle: '经济师',
  expertise: '熟悉经济工作 & 招商引资',
  education: 'bachelor',
  fullTimeEducation: '大学本科',
  fullTimeDegree: '经济学学士',
  fullTimeSchool: '浙江财经学院经济学专业',
  fullTimeDegreeSchool: '浙江财经学院经济学专业',
  partTimeEducation: null,
  partTimeDegree: null,
  partTimeSchool: null,
  partTimeDegreeSchool: null,
  currentPosition: '大兴镇党委委员、副镇长',
  resume:
    '2003.09--2007.07  浙江财经学院经济学专业学习\n2007.08--2016.05  大兴镇经济发展办公室科员\n2016.05--         大兴镇党委委员、副镇长',
  rewards: '2019年获区“三八红旗手”称号。',
  annualReviews: null,
  note: null,
  phone: null,
  photo: Buffer.from(JPEG),
  photoType: 'image/jpeg',
  status: 'active',
  source: 'manual',
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
  deletedAt: null,
} as unknown as LrmxExport['cadre'];

const base: LrmxExport = {
  cadre,
  idNumber: '330102198503150029',
  tenures: [],
  family: [
    {
      relation: '丈夫',
      name: '吴志强',
      birthDate: '1984-07',
      politicalStatus: '中共党员',
      workUnit: '桐庐县交通局科员',
    },
    { relation: '母亲', name: '周桂兰', birthDate: '1958', politicalStatus: null, workUnit: '已故' },
  ],
  records: { annualGrades: [], rewardsAndPunishments: [] },
  today: '2026-03-02',
  filledBy: '赵敏',
};

describe('serializeLrmx', () => {
  it('writes every element and reads back to the same data', () => {
    const bytes = serializeLrmx(base);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('<ChuShengNianYue>198503</ChuShengNianYue>');
    expect(text).toContain('<RuDangShiJian>200606</RuDangShiJian>');
    expect(text).toContain('<NiRenZhiWu></NiRenZhiWu>');
    expect(text).toContain('<JiSuanNianLingShiJian>20260302</JiSuanNianLingShiJian>');
    expect(text).toContain('<NianDuKaoHeJieGuo>无</NianDuKaoHeJieGuo>');
    const { fields, missing, problems } = parseLrmx(bytes);
    expect(problems).toEqual([]);
    expect(missing).toEqual([]);
    for (const k of [
      'name',
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
      'currentPosition',
      'resume',
      'rewards',
    ] as const) {
      expect(fields[k], k).toBe(cadre[k]);
    }
    expect(fields.partTimeEducation).toBeUndefined();
    expect(fields.idNumber).toBe(base.idNumber);
    expect(fields.family).toEqual(base.family);
    expect(fields.photo).toEqual({ bytes: JPEG, type: 'image/jpeg' });
  });

  it('fills 奖惩情况 and 年度考核结果 from records, and the résumé from posts when none is recorded', () => {
    const text = new TextDecoder().decode(
      serializeLrmx({
        ...base,
        cadre: { ...cadre, resume: null, politicalStatus: 'none', partyJoinDate: null },
        tenures: [
          { title: '党委委员、副镇长', orgName: '大兴镇', startDate: '2016-05-10', endDate: null },
          {
            title: '大兴镇经济发展办公室科员',
            orgName: '大兴镇',
            startDate: '2007-08-01',
            endDate: '2016-05-10',
          },
        ],
        records: {
          annualGrades: [
            { year: 2021, grade: '称职' },
            { year: 2024, grade: '优秀' },
            { year: 2023, grade: '称职' },
            { year: 2022, grade: '基本称职' },
          ],
          rewardsAndPunishments: [{ date: '2020-12-01', text: '被评为区级优秀共产党员' }],
        },
      }),
    );
    expect(text).toContain(
      '<NianDuKaoHeJieGuo>2022年度考核基本称职，2023年度考核称职，2024年度考核优秀。</NianDuKaoHeJieGuo>',
    );
    expect(text).toContain('<JiangChengQingKuang>2020.12  被评为区级优秀共产党员</JiangChengQingKuang>');
    expect(text).toContain('<RuDangShiJian>群众</RuDangShiJian>');
    expect(text).toContain(
      '2007.08--2016.05  大兴镇经济发展办公室科员\n2016.05--         大兴镇党委委员、副镇长',
    );
  });

  it('writes an empty résumé and no family as empty elements', () => {
    expect(resumeFromTenures([])).toBe('');
    const text = new TextDecoder().decode(
      serializeLrmx({ ...base, cadre: { ...cadre, resume: null, photo: null }, family: [], idNumber: null }),
    );
    expect(text).toContain('<JianLi></JianLi>');
    expect(text).toContain('<JiaTingChengYuan></JiaTingChengYuan>');
    expect(text).toContain('<ZhaoPian></ZhaoPian>');
    expect(parseLrmx(new TextEncoder().encode(text)).missing).toEqual([
      '简历',
      '身份证号码',
      '照片',
      '家庭成员',
    ]);
  });
});
