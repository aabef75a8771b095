// Account lockout: after MAX_FAILURES wrong passwords within WINDOW_MS a user name is locked for LOCK_MS.
// Names are tracked whether or not such a user exists, so the answer never tells which names are real.
// Pure rules here; login.ts applies them and writes the audit rows.
import type { LoginFailureState } from './ports';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export function isLocked(state: LoginFailureState | null, now: Date): boolean {
  return !!state?.lockedUntil && Date.parse(state.lockedUntil) > now.getTime();
}

/** The state after one more failure; `locked` is true when this failure starts a lock. */
export function afterFailure(state: LoginFailureState | null, now: Date): { next: LoginFailureState; locked: boolean } {
  const fresh = !state || now.getTime() - Date.parse(state.windowStart) > WINDOW_MS || (!!state.lockedUntil && !isLocked(state, now));
  const failures = fresh ? 1 : state!.failures + 1;
  const windowStart = fresh ? now.toISOString() : state!.windowStart;
  if (failures >= MAX_FAILURES) {
    return { next: { failures, windowStart, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() }, locked: true };
  }
  return { next: { failures, windowStart, lockedUntil: null }, locked: false };
}

export function lockedMessage(state: LoginFailureState, now: Date): { zh: string; en: string } {
  const minutes = Math.max(1, Math.ceil((Date.parse(state.lockedUntil!) - now.getTime()) / 60_000));
  return {
    zh: `连续 ${MAX_FAILURES} 次登录失败，账号已锁定，请 ${minutes} 分钟后再试，或请系统管理员解锁`,
    en: `Locked after ${MAX_FAILURES} failed logins; try again in ${minutes} minute(s) or ask the administrator to unlock the account`,
  };
}
