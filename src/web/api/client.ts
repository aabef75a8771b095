// The fetch wrapper every API call goes through: same-origin cookies, JSON both ways, the CSRF
// token on unsafe methods, the UI language as Accept-Language (so server messages match the UI),
// and the server's { error: { code, message, issues? } } turned into an ApiError.
import type { ErrorBody, ErrorCode, ErrorIssue } from '../../shared/errors';

export type ApiErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isUnauthenticated = (err: unknown): boolean => err instanceof ApiError && err.status === 401;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';

/** Kept from POST /api/auth/login and GET /api/me; cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isErrorBody(body)) return new ApiError(res.status, body.error.code, body.error.message, body.error.issues ?? []);
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic error.
  }
  return new ApiError(res.status, 'INTERNAL', `HTTP ${res.status} ${res.statusText}`.trim());
}

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    const message = acceptLanguage.startsWith('en') ? 'Cannot reach the server' : '无法连接服务器，请检查网络';
    throw new ApiError(0, 'NETWORK', message);
  }
}

async function refreshCsrfToken(): Promise<void> {
  const res = await send('GET', '/api/me', undefined);
  if (!res.ok) throw await toApiError(res);
  const me = (await res.json()) as { csrfToken?: unknown };
  if (typeof me.csrfToken === 'string') setCsrfToken(me.csrfToken);
}

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let res = await send(method, path, body);
  if (!res.ok) {
    let error = await toApiError(res);
    // A stale token (the server restarted, another tab logged in): fetch a fresh one and retry once.
    if (error.code === 'CSRF' && UNSAFE.has(method)) {
      await refreshCsrfToken();
      res = await send(method, path, body);
      if (!res.ok) error = await toApiError(res);
    }
    if (!res.ok) throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
