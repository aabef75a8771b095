import { ERROR_MESSAGES, type ErrorCode, type ErrorIssue } from '../shared/errors';

/** The one error type of the domain. `message` is Chinese, `messageEn` English. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly issues?: ErrorIssue[];

  constructor(
    code: ErrorCode,
    message?: { zh: string; en: string } | string,
    issues?: ErrorIssue[],
  ) {
    const m =
      typeof message === 'string'
        ? { zh: message, en: message }
        : (message ?? ERROR_MESSAGES[code]);
    super(m.zh);
    this.name = 'AppError';
    this.code = code;
    this.messageEn = m.en;
    this.issues = issues;
  }
}

export const notFound = (what: { zh: string; en: string }, id: string | number): AppError =>
  new AppError('NOT_FOUND', { zh: `${what.zh}不存在：${id}`, en: `${what.en} not found: ${id}` });
