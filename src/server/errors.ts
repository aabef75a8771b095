// The one table from error codes to HTTP statuses, and the error shape every API error has.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/app-error';
import { ERROR_MESSAGES, type ErrorBody, type ErrorCode } from '../shared/errors';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const wantsEnglish = (req: FastifyRequest): boolean => /^en\b/i.test(String(req.headers['accept-language'] ?? ''));

function toAppError(err: FastifyError | AppError | Error): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET') return new AppError('CSRF');
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
  // Two saves of the same name or code at the same moment: each checked for a duplicate before the other
  // committed, and the database's unique key refused the second. Nothing of it was written.
  const dbCode = String((err as { code?: unknown }).code ?? '');
  if (dbCode === '23505' || dbCode === 'SQLITE_CONSTRAINT_UNIQUE' || dbCode === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return new AppError('CONFLICT', {
      zh: '同名或同编号的记录刚由他人同时保存，本次未保存；请刷新后重试',
      en: 'a record with the same name or code was saved by someone else at the same moment; nothing was saved — reload and retry',
    });
  if (fe.statusCode === 413)
    return new AppError('VALIDATION', { zh: '请求体过大', en: 'request body too large' });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const what = fe.code?.startsWith('FST_ERR_CTP') ? { zh: `请求体格式错误：${fe.message}`, en: `Malformed request body: ${fe.message}` } : { zh: `请求有误：${fe.message}`, en: `Bad request: ${fe.message}` };
    return new AppError('VALIDATION', what);
  }
  return new AppError('INTERNAL');
}

export function sendError(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const app = toAppError(err);
  if (app.code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
  const body: ErrorBody = {
    error: { code: app.code, message: wantsEnglish(req) ? app.messageEn : app.message, ...(app.issues ? { issues: app.issues } : {}) },
  };
  return reply.status(HTTP_STATUS[app.code]).type('application/json').send(body);
}

export const notFoundBody = (req: FastifyRequest): ErrorBody => ({
  error: {
    code: 'NOT_FOUND',
    message: `${wantsEnglish(req) ? ERROR_MESSAGES.NOT_FOUND.en : ERROR_MESSAGES.NOT_FOUND.zh}: ${req.method} ${req.url.split('?')[0]}`,
  },
});
