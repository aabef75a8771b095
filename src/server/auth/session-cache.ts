// Session → user, kept in this process for a few seconds. Without it every request (a page load makes
// several) pays a session ⋈ user ⋈ organisation query before its own work; with it a busy worker asks the
// database once per session per TTL.
//
// What stays true (docs/security.md, "Session cache"):
// - A write in this process that can revoke or change a session (logout, the users admin routes: end
//   sessions, disable, role or organisation change, password reset) clears the whole cache before its
//   answer is sent, so the next request here reads the database.
// - Under WORKERS=N the worker that made such a write tells the others through the cluster primary (IPC);
//   they clear theirs within milliseconds.
// - A revocation by another process outside the cluster (the `sei users …` CLI, a second server) is seen
//   within the TTL (SESSION_CACHE_MS, default 2000 ms; 0 turns the cache off). Session expiry (12 h) may
//   likewise be overrun by at most the TTL.
// Only found sessions are kept: an unknown or expired session asks the database every time.
import cluster from 'node:cluster';
import type { UserRecord } from '../../core/ports';

export const DEFAULT_SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 10_000;
/** The IPC message that makes every worker clear its cache. */
export const CLEAR_MESSAGE = { sei: 'session-cache-clear' } as const;

export const isClearMessage = (m: unknown): boolean => typeof m === 'object' && m !== null && (m as { sei?: unknown }).sei === CLEAR_MESSAGE.sei;

/** SESSION_CACHE_MS from the environment: unset → the default; a non-negative integer of milliseconds. */
export function sessionCacheMs(raw: string | undefined = process.env.SESSION_CACHE_MS): number {
  if (raw === undefined || raw === '') return DEFAULT_SESSION_CACHE_MS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 60_000) {
    throw new Error(`SESSION_CACHE_MS 须为 0–60000 的整数毫秒 / SESSION_CACHE_MS must be an integer 0–60000 (milliseconds): "${raw}"`);
  }
  return n;
}

export class SessionCache {
  private readonly entries = new Map<string, { user: UserRecord; at: number }>();

  constructor(readonly ttlMs: number) {}

  get(sessionId: string, nowMs: number): UserRecord | undefined {
    const e = this.entries.get(sessionId);
    if (!e) return undefined;
    if (nowMs - e.at < this.ttlMs) return e.user;
    this.entries.delete(sessionId);
    return undefined;
  }

  set(sessionId: string, user: UserRecord, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    // Oldest first out: Map keeps insertion order, and a refreshed entry is re-inserted at the end.
    this.entries.delete(sessionId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, { user, at: nowMs });
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Clears this cache and, in a cluster worker, asks the primary to have every other worker clear theirs. */
  clearEverywhere(): void {
    this.clear();
    if (cluster.isWorker && process.send) process.send(CLEAR_MESSAGE);
  }

  /** In a cluster worker: clear on the primary's relay of another worker's clearEverywhere(). Returns the unsubscribe. */
  listen(): () => void {
    if (!cluster.isWorker) return () => undefined;
    const onMessage = (m: unknown) => { if (isClearMessage(m)) this.clear(); };
    process.on('message', onMessage);
    return () => void process.off('message', onMessage);
  }
}
