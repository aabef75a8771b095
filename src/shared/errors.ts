// Error codes and their bilingual default messages; the server maps codes to HTTP statuses in one table.
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'RATE_LIMITED',
  'CSRF',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_MESSAGES: Record<ErrorCode, { zh: string; en: string }> = {
  VALIDATION: { zh: '输入数据有误', en: 'Invalid input' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in' },
  FORBIDDEN: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { zh: '未找到', en: 'Not found' },
  CONFLICT: { zh: '数据已被他人修改或已存在，请刷新后重试', en: 'Conflict: changed by someone else or already exists' },
  LOCKED: { zh: '数据已锁定', en: 'Locked' },
  RATE_LIMITED: { zh: '尝试过于频繁，请稍后再试', en: 'Too many attempts, try again later' },
  CSRF: { zh: '安全令牌缺失或无效，请刷新页面', en: 'Missing or invalid CSRF token; reload the page' },
  INTERNAL: { zh: '服务器内部错误', en: 'Internal server error' },
};

export interface ErrorIssue {
  path: string;
  message: string;
  /** Row number in an imported file (1-based, header is row 1), when the issue is about a file. */
  row?: number;
  /** The worksheet, for issues of a workbook with several sheets. */
  sheet?: string;
  field?: string;
  value?: unknown;
  /** Import issues: the reason in Chinese and in English. */
  reason?: string;
  reasonEn?: string;
  /** A soft-range warning: the input is stored once the reporter confirms it (`confirm`). */
  soft?: boolean;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
}
