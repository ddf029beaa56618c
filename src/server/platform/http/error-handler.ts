import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { AppError } from './errors.js';
import { fieldLabel } from './field-labels.js';
import { storageUnavailable } from './unavailable.js';

function validationFields(err: FastifyError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const v of (err as any).validation ?? []) {
    const path =
      (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') ||
      v.params?.issue?.path?.join('.') ||
      '_';
    fields[path] ??= v.message ?? '格式不正确';
  }
  return fields;
}

/** Every error leaves as `{ error: { code, message, fields? } }` with a Chinese message; never a stack trace. */
export function errorHandler(ctx: AppContext) {
  return async (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    let status = 500;
    let body: { code: string; message: string; fields?: Record<string, string> };
    const unavailable = err instanceof AppError ? null : storageUnavailable(err);
    if (err instanceof AppError) {
      status = err.status;
      body = { code: err.code, message: err.message, fields: err.fields };
    } else if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
      status = 400;
      const fields = validationFields(err);
      const first = Object.entries(fields)[0];
      body = {
        code: 'validation',
        message: first ? `${fieldLabel(first[0], req.routeOptions?.url)}：${first[1]}` : '请求格式不正确',
        fields,
      };
    } else if (err.statusCode && err.statusCode < 500) {
      status = err.statusCode;
      const messages: Record<number, string> = {
        400: '请求格式不正确',
        404: '请求的地址不存在',
        413: '上传的内容过大',
        415: '不支持的内容类型',
        429: '操作过于频繁，请稍后再试',
      };
      body = { code: err.code ?? 'bad_request', message: messages[status] ?? '请求无法处理' };
    } else if (unavailable) {
      // a full disk or a cut database connection: nothing the caller sent is wrong; the transaction
      // rolled back (a connection cut during the commit itself leaves it unknown: the caller reloads)
      status = 503;
      body = { code: unavailable.code, message: unavailable.message };
      reply.header('retry-after', '30');
      req.log.warn({ err, route: req.routeOptions.url, method: req.method }, unavailable.code);
    } else {
      // the request id comes with req.log; the route and the error's code, never its message or the input
      req.log.error({ err, route: req.routeOptions.url, method: req.method }, 'request failed');
      body = { code: 'internal', message: '服务器内部错误，请稍后重试；如持续出现请联系系统管理员' };
    }
    const denied = status === 403 || (err instanceof AppError && err.code === 'not_found' && err.denied);
    // (a full disk or a cut connection cannot take the failure's audit record either)
    if (
      req.actor &&
      !unavailable &&
      (denied || (status >= 400 && req.method !== 'GET')) &&
      !req.actor.audited
    ) {
      await recordAudit(ctx.db, ctx.clock, req.actor, {
        action: req.routeOptions.config?.audit ?? `${req.method} ${req.routeOptions.url ?? req.url}`,
        result: denied ? 'denied' : 'failure',
        detail: { status, code: body.code },
      }).catch((e) => req.log.error({ err: e, route: req.routeOptions.url }, 'audit record failed'));
    }
    reply.status(status).send({ error: body });
  };
}
