import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NOT_LRMX } from './elements.js';
import { highestEducation, readPartyBox, writePartyBox } from './mapping.js';
import { LrmxRefused, parseLrmx } from './parse.js';
import { findDate, parseDate } from './text.js';

const fixture = (name: string) => readFileSync(path.resolve('tests/fixtures/lrmx', name));
const xml = (body: string) => new TextEncoder().encode(`<?xml version="1.0"?><Person>${body}</Person>`);

describe('lrmx dates', () => {
  it('reads the ways forms write a date', () => {
    expect(parseDate('199001')).toBe('1990-01');
    expect(parseDate('19900123')).toBe('1990-01-23');
    expect(parseDate('1990.01')).toBe('1990-01');
    expect(parseDate('1990.1')).toBe('1990-01');
    expect(parseDate(' 1990-1-5 ')).toBe('1990-01-05');
    expect(parseDate('1990年1月')).toBe('1990-01');
    expect(parseDate('１９９０．０１')).toBe('1990-01');
    expect(parseDate('1990')).toBe('1990');
    expect(parseDate('199013')).toBeNull();
    expect(parseDate('19900230')).toBeNull();
    expect(parseDate('不详')).toBeNull();
    expect(parseDate('1990.01 群众')).toBeNull();
    expect(findDate('民盟 2005.3')).toMatchObject({ date: '2005-03' });
  });
});

describe('parseLrmx', () => {
  it('reads a complete file', () => {
    const { fields, missing, problems } = parseLrmx(fixture('complete.lrmx'));
    expect(missing).toEqual([]);
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      name: '王建国',
      gender: '男',
      birthDate: '1978-05-12', // the day from the ID number, which agrees with 197805
      ethnicity: '汉族',
      partyJoinDate: '2001-06',
      politicalStatus: 'cpc',
      workStartDate: '1998-07',
      education: 'postgraduate', // the higher of 大学本科 and in-service 研究生
      fullTimeEducation: '大学本科',
      partTimeDegreeSchool: '浙江大学农业推广专业',
      currentPosition: '大兴镇党委副书记、镇长',
      idNumber: '330102197805120031',
      annualReviews: '2022年度考核称职，2023年度考核优秀，2024年度考核称职。',
    });
    expect(fields.resume?.split('\n')).toHaveLength(5);
    expect(fields.resume?.split('\n')[4]).toBe('2018.09--         大兴镇党委副书记、镇长');
    expect(fields.family.map((m) => [m.relation, m.name, m.birthDate])).toEqual([
      ['妻子', '陈秀英', '1980-02'],
      ['儿子', '王子涵', '2006-09'],
      ['父亲', '王德顺', '1950-11'],
    ]);
    expect(fields.photo?.type).toBe('image/jpeg');
    expect(fields.photo?.bytes[0]).toBe(0xff);
  });

  it('takes what a messy file holds and names what it lacks', () => {
    const { fields, missing, problems } = parseLrmx(fixture('messy.lrmx'));
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      name: '李芳',
      gender: '女',
      birthDate: '1990-01-23',
      ethnicity: '回族',
      nativePlace: '浙江 建德',
      partyJoinDate: '2012-06',
      politicalStatus: 'cpc',
      workStartDate: '2013-07',
      education: 'bachelor',
      idNumber: '33010219900123100X',
    });
    expect(fields.birthPlace).toBeUndefined();
    expect(fields.resume).toBe(
      [
        '2010.09--2013.07  浙江经济职业技术学院会计专业学习',
        '2013.07--2019.03  大兴镇财政所科员',
        '(其间：2015.09--2018.07 在浙江广播电视大学会计学专业学习)',
        '2019.03--          大兴镇财政所副所长',
      ].join('\n'),
    );
    expect(fields.family).toEqual([
      {
        relation: '丈夫',
        name: '周明',
        birthDate: '1989-04',
        politicalStatus: '群众',
        workUnit: '建德市某公司职员',
      },
    ]);
    expect(fields.photo).toBeUndefined();
    expect(missing).toEqual(['出生地', '健康状况', '照片']);
  });

  it('drops an invalid ID number with a note and keeps the rest', () => {
    const { fields, missing, problems } = parseLrmx(fixture('bad-id.lrmx'));
    expect(fields.idNumber).toBeUndefined();
    expect(fields.name).toBe('张卫东');
    expect(fields.birthDate).toBe('1988-09-01');
    expect(fields.politicalStatus).toBe('none');
    expect(fields.partyJoinDate).toBeUndefined();
    expect(problems).toEqual(['身份证号码校验位不正确，未导入身份证号码']);
    expect(missing).toEqual(['照片', '家庭成员']); // the ID number is there, only unusable: a problem, not missing
  });

  it('refuses what is not an .lrmx file', () => {
    const refusal = (bytes: Uint8Array) => {
      try {
        parseLrmx(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(LrmxRefused);
        return (e as Error).message;
      }
      return 'accepted';
    };
    // each says what the file is, not only what it is not
    expect(refusal(fixture('not-xml.lrmx'))).toBe(`${NOT_LRMX}：内容不是 XML（应以 <?xml 或 <Person> 开头）`);
    expect(refusal(fixture('wrong-root.lrmx'))).toBe(`${NOT_LRMX}：根元素应为 <Person>，该文件为 <Cadre>`);
    expect(refusal(fixture('entity.lrmx'))).toContain(NOT_LRMX);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    expect(refusal(png)).toBe(`${NOT_LRMX}：内容不是文本（任免审批表是 XML 文本文件）`);
    expect(refusal(new Uint8Array())).toBe(`${NOT_LRMX}：文件是空的`);
    expect(refusal(xml('<XingMing>  </XingMing>'))).toBe('请输入姓名，无法导入');
    expect(refusal(xml('<XingMing>王建国</XingMing><XingMing>'))).toMatch(
      new RegExp(`^${NOT_LRMX}：XML 格式有误（第 \\d+ 行）$`),
    );
    const xlsx = zipSync({ '[Content_Types].xml': xml(''), 'xl/workbook.xml': xml('') });
    expect(refusal(xlsx)).toContain('这是 Excel 工作簿（.xlsx）');
    expect(refusal(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toContain('旧版 Office 文件');
  });

  it('notes what it cannot use: an unknown photo format, an odd gender, an unreadable date', () => {
    const gif = Buffer.from('GIF89a0000').toString('base64');
    const { fields, problems } = parseLrmx(
      xml(
        `<XingMing>赵 丽</XingMing><XingBie>F</XingBie><CanJiaGongZuoShiJian>不详</CanJiaGongZuoShiJian>` +
          `<ZhaoPian>${gif}</ZhaoPian><RuDangShiJian>2019.07（预备党员）</RuDangShiJian>` +
          `<JiGuan>${'很长的籍贯'.repeat(10)}</JiGuan><XianRenZhiWu>A &amp; B &#x4E00;</XianRenZhiWu>`,
      ),
    );
    expect(fields.name).toBe('赵丽');
    expect(fields).toMatchObject({ partyJoinDate: '2019-07', politicalStatus: 'probationary' });
    expect(fields.currentPosition).toBe('A & B 一');
    expect(fields.nativePlace).toBeUndefined();
    expect(problems).toEqual([
      '性别“F”无法识别，未导入',
      '参加工作时间“不详”日期格式不正确，应如 1990.01、1990-01-15 或 1990年1月，未导入',
      '籍贯：不超过 40 字，未导入',
      '照片格式无法识别（仅支持 JPG、PNG），未导入照片',
    ]);
  });

  it('keeps unknown 入党时间 words as written', () => {
    const { fields } = parseLrmx(xml('<XingMing>孙浩</XingMing><RuDangShiJian>民盟 2005.03</RuDangShiJian>'));
    expect(fields).toMatchObject({ partyJoinDate: '2005-03', politicalStatus: '民盟' });
  });
});

describe('parseLrmx cross-checks and mappings', () => {
  it('names both dates when the birth month contradicts the ID number (the ID number stands), and notes the gender', () => {
    const { fields, problems } = parseLrmx(
      xml(
        '<XingMing>王建国</XingMing><XingBie>女</XingBie><ChuShengNianYue>197806</ChuShengNianYue><ShenFenZheng>330102197805120031</ShenFenZheng>',
      ),
    );
    expect(fields).toMatchObject({ gender: '女', idNumber: '330102197805120031' });
    expect(fields.birthDate).toBeUndefined(); // recorded from the ID number when the cadre is written
    expect(problems).toEqual([
      '出生日期 1978-06 与身份证号码中的 1978-05-12 不一致，未导入出生年月（按身份证号码记为 1978-05-12）',
      '性别“女”与身份证号码不一致，按表上所填导入',
    ]);
  });

  it('says what is wrong with a birth month in the words of the roster import', () => {
    const birth = (v: string) =>
      parseLrmx(xml(`<XingMing>王建国</XingMing><ChuShengNianYue>${v}</ChuShengNianYue>`));
    expect(birth('198013').problems).toEqual(['出生年月“198013”月份不正确，未导入']);
    expect(birth('1980.13').problems).toEqual(['出生年月“1980.13”月份不正确，未导入']);
    expect(birth('1980').problems).toEqual(['出生年月“1980”应至少精确到月，如 1990.01，未导入']);
    expect(birth('１９８０．０５').fields.birthDate).toBe('1980-05-01');
  });

  it('maps education text to the roster code and reads the 入党时间 box', () => {
    expect(highestEducation('大学专科', '中央党校大学')).toBe('bachelor');
    expect(highestEducation('中专', undefined)).toBe('secondary');
    expect(highestEducation('高中', '在职研究生')).toBe('postgraduate');
    expect(highestEducation('其他', undefined)).toBeNull();
    expect(readPartyBox('199806')).toEqual({ partyJoinDate: '1998-06', politicalStatus: 'cpc' });
    expect(readPartyBox('中国共产党党员')).toEqual({ politicalStatus: 'cpc' });
    expect(readPartyBox('群众')).toEqual({ politicalStatus: 'none' });
    expect(readPartyBox('共青团员')).toEqual({ politicalStatus: 'league' });
    expect(writePartyBox('2023-07', 'probationary')).toBe('202307 中共预备党员');
    expect(readPartyBox('202307 中共预备党员')).toEqual({
      partyJoinDate: '2023-07',
      politicalStatus: 'probationary',
    });
    expect(writePartyBox(null, 'cpc')).toBe('中共党员');
    expect(writePartyBox(null, null)).toBe('');
  });

  it('notes family rows it cannot use', () => {
    const item = (rel: string, name: string, birth: string) =>
      `<Item><ChengWei>${rel}</ChengWei><XingMing>${name}</XingMing><ChuShengRiQi>${birth}</ChuShengRiQi></Item>`;
    const { fields, problems } = parseLrmx(
      xml(
        `<XingMing>孙浩</XingMing><JiaTingChengYuan>${item('母亲', '周桂兰', '已故')}${item('妻子', '', '1990.01')}${item('很长很长很长很长的称谓啊', '某某', '')}</JiaTingChengYuan>`,
      ),
    );
    expect(fields.family).toEqual([
      { relation: '母亲', name: '周桂兰', birthDate: null, politicalStatus: null, workUnit: null },
    ]);
    expect(problems).toEqual([
      '家庭成员第 1 项（周桂兰）的出生日期“已故”无法识别，未导入该项',
      '家庭成员第 2 项没有姓名，未导入',
      '家庭成员第 3 项（某某）的称谓或姓名过长，未导入',
    ]);
  });
});
