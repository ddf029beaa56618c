import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../../platform/http/errors.js';
import { storableField } from '../../../platform/http/text.js';
import { MAX_UPLOAD_BYTES } from './upload.js';

/** The one file of a multipart upload and its form fields; size-limited, with Chinese refusals. */
export async function readUpload(
  req: FastifyRequest,
): Promise<{ fileName: string; bytes: Buffer; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw badRequest('请选择要上传的文件');
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } })) {
      if (part.type === 'file') file = { fileName: part.filename, bytes: await part.toBuffer() };
      else fields[part.fieldname] = storableField(String(part.value ?? ''), '表单内容', part.fieldname);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'too_large', `上传的文件不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    if (code === 'FST_FILES_LIMIT') throw badRequest('一次只能上传一个文件，多个文件请打包成 zip');
    throw badRequest('上传的内容无法读取，请重新上传');
  }
  if (!file) throw badRequest('请选择要上传的文件');
  storableField(file.fileName, '文件名');
  return { ...file, fields };
}
