import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import { packPending, unpackPending } from './pending.js';
import { filesOfUpload, MAX_FILES } from './upload.js';

const refusal = (name: string, bytes: Uint8Array) => {
  try {
    filesOfUpload(name, bytes);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};
const xml = new TextEncoder().encode('<Person><XingMing>甲</XingMing></Person>');

describe('filesOfUpload', () => {
  it('decides by content: a single file keeps its name (last path segment), a zip gives its entries', () => {
    expect(filesOfUpload('C:\\fakepath\\甲.lrmx', xml)).toEqual([{ name: '甲.lrmx', bytes: xml }]);
    const files = filesOfUpload(
      'x.zip',
      zipSync({ 'a.lrmx': xml, 'b.txt': xml, '__MACOSX/._a.lrmx': xml, '.DS_Store': xml }),
    );
    expect(files.map((f) => f.name)).toEqual(['a.lrmx', 'b.txt']);
    expect(files[0].bytes).toEqual(xml);
  });

  it('reads entry names written in GBK by Chinese Windows (no UTF-8 flag)', () => {
    const zip = zipSync({ 'x.lrmx': xml });
    // overwrite "x." in the entry name (local and central headers) with 甲 in GBK (BC D7): the name reads 甲lrmx
    const gbk = Uint8Array.from([0xbc, 0xd7]);
    const at = (from: number) => {
      for (let i = from; i < zip.length - 6; i++)
        if (zip[i] === 0x78 && zip[i + 1] === 0x2e && zip[i + 2] === 0x6c) return i;
      return -1;
    };
    let i = at(0);
    zip.set(gbk, i);
    i = at(i + 2);
    zip.set(gbk, i);
    expect(filesOfUpload('x.zip', zip).map((f) => f.name)).toEqual(['甲lrmx']);
  });

  it('refuses unsafe, nested, too many, too large or broken archives', () => {
    expect(refusal('e', new Uint8Array())).toBe('上传的文件是空的');
    expect(refusal('x.zip', zipSync({ '../a.lrmx': xml }))).toContain('不安全');
    expect(refusal('x.zip', zipSync({ '/etc/a.lrmx': xml }))).toContain('不安全');
    expect(refusal('x.zip', zipSync({ 'dir/a.lrmx': xml }))).toContain('子文件夹');
    expect(refusal('x.zip', zipSync({ 'dir/': new Uint8Array() }))).toBe('压缩包中没有文件');
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_FILES; i++) many[`${i}.lrmx`] = xml;
    expect(refusal('x.zip', zipSync(many, { level: 0 }))).toContain('不能超过 2000 个');
    expect(refusal('x.zip', zipSync({ 'big.lrmx': new Uint8Array(51 * 1024 * 1024) }))).toContain('50 MB');
    expect(refusal('x.zip', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]))).toBe('压缩包已损坏，无法读取');
  });

  it('says what a file chosen by mistake is, instead of what it lacks as an archive', () => {
    const xlsx = zipSync({
      '[Content_Types].xml': xml,
      'xl/workbook.xml': xml,
      'xl/worksheets/sheet1.xml': xml,
    });
    expect(refusal('花名册.xlsx', xlsx)).toBe(
      '这是 Excel 工作簿（.xlsx），不是任免审批表（.lrmx）；干部花名册请在“导入干部花名册（Excel）”中导入',
    );
    const docx = zipSync({ '[Content_Types].xml': xml, 'word/document.xml': xml });
    expect(refusal('审批表.lrmx', docx)).toContain('这是 Word 文档');
    // a non-XML .lrmx that happens to start like a zip is not called a broken archive
    expect(refusal('王建国.lrmx', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]))).toBe(
      '文件“王建国.lrmx”不是有效的任免审批表（.lrmx）文件：内容不是 XML 文本，也不是完整的压缩包',
    );
  });
});

describe('pending records', () => {
  it('keep fields, family and photo bytes through storage', () => {
    const photo = { bytes: Uint8Array.from([0xff, 0xd8, 0xff, 1, 2]), type: 'image/jpeg' as const };
    const records = [
      { file: 'a.lrmx', fields: { name: '甲', family: [], photo } },
      { file: 'b.lrmx', fields: { name: '乙', idNumber: '330102197805120031', family: [] } },
    ];
    const crypto = new FieldCrypto('ab'.repeat(32));
    const sealed = packPending(crypto, { orgId: 5, records });
    expect(sealed.toString('utf8')).not.toContain('330102197805120031');
    expect(unpackPending(crypto, sealed)).toEqual({ orgId: 5, records });
  });
});
