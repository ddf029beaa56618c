import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { AppError, badRequest } from '../http/errors.js';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
// what the workbook may unpack to: a zip bomb is refused before it is read
const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export const tooLarge = () =>
  new AppError(413, 'too_large', '文件超过 20 MB，请删去多余的工作表或分成几个文件导入');

/** The parts an .xlsx must hold, with their unpacked size, read from the zip directory alone. */
function xlsxParts(buf: Buffer): { names: Set<string>; unpacked: number } | null {
  const names = new Set<string>();
  let unpacked = 0;
  try {
    unzipSync(buf, {
      filter: (f) => {
        names.add(f.name);
        unpacked += f.originalSize;
        return false;
      },
    });
  } catch {
    return null;
  }
  return { names, unpacked };
}

/**
 * Opens an uploaded workbook after checking that its content is one: the zip signature, the parts
 * of an .xlsx, a sane unpacked size, and that it loads. The file name decides nothing.
 */
export async function openWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  if (buf.length === 0) throw badRequest('上传的文件是空的');
  if (buf.length > MAX_UPLOAD_BYTES) throw tooLarge();
  if (buf.subarray(0, 4).equals(OLE)) {
    throw badRequest('这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再上传');
  }
  const notXlsx = badRequest('文件不是 Excel 工作簿（.xlsx），请下载导入模板填写后上传');
  if (!buf.subarray(0, 4).equals(ZIP)) throw notXlsx;
  const parts = xlsxParts(buf);
  if (!parts?.names.has('xl/workbook.xml') || !parts.names.has('[Content_Types].xml')) throw notXlsx;
  if (parts.unpacked > MAX_UNPACKED_BYTES) throw badRequest('文件解压后过大，请删去多余的内容后再上传');
  const wb = new ExcelJS.Workbook();
  try {
    // drop-down lists are not needed to read values, and exceljs expands each listed range into
    // one entry per cell: a whole-column list would cost a million of them
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations'] });
  } catch {
    throw badRequest('文件已损坏，无法读取，请在 Excel 中打开并重新保存为 .xlsx 后再上传');
  }
  return wb;
}
