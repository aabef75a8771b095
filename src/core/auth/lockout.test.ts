import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, LOCK_MS, lockedMessage, MAX_FAILURES, WINDOW_MS } from './lockout';

const at = (ms: number) => new Date(Date.UTC(2020, 0, 1) + ms);

describe('account lockout rules', () => {
  it('locks on the fifth failure within the window, for LOCK_MS', () => {
    let s = null;
    for (let i = 1; i < MAX_FAILURES; i++) {
      const r = afterFailure(s, at(i * 1000));
      expect(r.locked).toBe(false);
      s = r.next;
    }
    const r = afterFailure(s, at(10_000));
    expect(r.locked).toBe(true);
    expect(isLocked(r.next, at(10_000 + LOCK_MS - 1))).toBe(true);
    expect(isLocked(r.next, at(10_000 + LOCK_MS + 1))).toBe(false);
    expect(lockedMessage(r.next, at(10_000)).zh).toContain('15 分钟');
  });
  it('starts counting again after the window or after a lock ran out', () => {
    let s = afterFailure(null, at(0)).next;
    for (let i = 0; i < 3; i++) s = afterFailure(s, at(1000)).next;
    expect(s.failures).toBe(4);
    expect(afterFailure(s, at(WINDOW_MS + 1)).next.failures).toBe(1);
    const locked = afterFailure(s, at(2000)).next;
    expect(afterFailure(locked, at(2000 + LOCK_MS + 1))).toMatchObject({ locked: false, next: { failures: 1, lockedUntil: null } });
  });
});
