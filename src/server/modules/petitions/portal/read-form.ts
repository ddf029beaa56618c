import type { FastifyRequest } from 'fastify';
import { MB, PORTAL_UPLOADS, type UploadPolicy } from '../../../platform/files/store.js';
import { AppError, badRequest } from '../../../platform/http/errors.js';
import { storableField } from '../../../platform/http/text.js';

export interface PortalForm {
  data: unknown;
  files: { fileName: string; bytes: Buffer }[];
}

/**
 * A portal form: plain JSON, or multipart with the JSON in a field named `data` and up to five
 * files (any field name). Files are only read here; their content is checked when they are stored.
 */
export async function readPortalForm(
  req: FastifyRequest,
  policy: UploadPolicy = PORTAL_UPLOADS,
): Promise<PortalForm> {
  if (!req.isMultipart()) return { data: req.body ?? {}, files: [] };
  const form: PortalForm = { data: {}, files: [] };
  let current = '';
  try {
    const limits = { fileSize: policy.maxBytes, files: policy.maxFiles ?? 5, fields: 5 };
    for await (const part of req.parts({ limits })) {
      if (part.type === 'file') {
        current = part.filename;
        const bytes = await part.toBuffer();
        if (part.filename || bytes.length) form.files.push({ fileName: part.filename, bytes });
      } else if (part.fieldname === 'data') {
        form.data = JSON.parse(String(part.value ?? ''));
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(
        413,
        'too_large',
        `附件“${current}”超过 ${policy.maxBytes / MB} MB，请压缩或拆分后再上传`,
      );
    if (code === 'FST_FILES_LIMIT') throw badRequest(`附件最多 ${policy.maxFiles ?? 5} 个`);
    if (e instanceof SyntaxError) throw badRequest('提交的内容格式不正确，请刷新页面后重试');
    throw badRequest('提交的内容无法读取，请重新提交');
  }
  for (const f of form.files) storableField(f.fileName, '附件文件名');
  return form;
}
