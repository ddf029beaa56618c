import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { storableField } from '../../platform/http/text.js';
import { SUPERVISION_UPLOADS } from './attachments.js';

/** The one file of a multipart upload, refused (413) beyond the size limit. */
export async function uploadedFile(req: FastifyRequest): Promise<{ bytes: Buffer; name: string }> {
  if (!req.isMultipart()) throw badRequest('请以表单方式上传附件');
  const file = await req.file({ limits: { fileSize: SUPERVISION_UPLOADS.maxBytes + 1, files: 1 } });
  if (!file) throw badRequest('请选择要上传的文件');
  const bytes = await file.toBuffer().catch(() => null);
  if (!bytes || file.file.truncated) throw new AppError(413, 'too_large', '附件不能超过 20 MB');
  return { bytes, name: storableField(file.filename, '文件名') };
}
