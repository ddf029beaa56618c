/** An error the caller can act on: it becomes `{ error: { code, message, fields? } }` with this status. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly fields?: Record<string, string>,
    /** A refusal worth an audit record (a record outside the caller's scope, a recused subject). */
    public readonly denied = false,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new AppError(400, 'bad_request', message, fields);
export const unauthenticated = (message = '请先登录') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = '没有权限执行此操作') => new AppError(403, 'forbidden', message);
/** Also used for records outside the caller's scope, so their existence is not revealed. */
export const notFound = (message = '记录不存在') => new AppError(404, 'not_found', message);
/** A record outside the caller's data scope or recused from them: 404, so its existence is not revealed, and audited. */
export const outOfScope = () => new AppError(404, 'not_found', '记录不存在', undefined, true);
export const conflict = (message = '记录已被他人修改，请刷新后重试') =>
  new AppError(409, 'conflict', message);
export const unprocessable = (message: string, fields?: Record<string, string>) =>
  new AppError(422, 'rule_violation', message, fields);
export const tooMany = (message = '操作过于频繁，请稍后再试') =>
  new AppError(429, 'too_many_requests', message);
