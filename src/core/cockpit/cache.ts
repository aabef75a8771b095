// The cockpit answer is kept per (period, reader view) until something is written: a write in this
// process clears it (the server's onResponse hook calls invalidate), and a write by another process (the
// CLI, a second server) moves the store's watermark (the newest audit row), which every read compares.
// Entries also expire after a while, for writes that leave no audit row (seeding).
export const CACHE_TTL_MS = 5 * 60_000;
/** How long a read watermark is trusted: a write by another process shows within this time (this process's writes at once). */
export const WATERMARK_TTL_MS = 1_000;
const MAX_ENTRIES = 200;

interface Entry<T> { value: T; watermark: string; at: number }

export class AnswerCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly pending = new Map<string, Promise<T>>();

  private mark: { value: string; at: number } | null = null;

  invalidate(): void {
    this.entries.clear();
    this.pending.clear();
    this.mark = null;
  }

  /** The store's watermark, read at most once per WATERMARK_TTL_MS (under load every request would otherwise pay two queries). */
  async watermark(nowMs: number, read: () => Promise<string>): Promise<string> {
    if (this.mark && nowMs - this.mark.at < WATERMARK_TTL_MS) return this.mark.value;
    const value = await read();
    this.mark = { value, at: nowMs };
    return value;
  }

  /** The kept answer for `key` when the watermark is unchanged and it has not expired; else computes it once (concurrent callers share it). */
  async get(key: string, watermark: string, nowMs: number, compute: () => Promise<T>): Promise<{ value: T; cached: boolean }> {
    const e = this.entries.get(key);
    if (e && e.watermark === watermark && nowMs - e.at < CACHE_TTL_MS) return { value: e.value, cached: true };
    const pk = `${key}\u0001${watermark}`;
    let p = this.pending.get(pk);
    if (!p) {
      p = compute();
      this.pending.set(pk, p);
      p.then((value) => {
        if (this.pending.get(pk) !== p) return;
        if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, { value, watermark, at: nowMs });
      }, () => undefined).finally(() => { if (this.pending.get(pk) === p) this.pending.delete(pk); });
    }
    return { value: await p, cached: false };
  }
}

/** One cache per store (tests open several databases in one process). */
const caches = new WeakMap<object, AnswerCache<unknown>>();
export function cacheFor<T>(store: object): AnswerCache<T> {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = new AnswerCache<unknown>()));
  return c as AnswerCache<T>;
}

/** A named cache per store, for other kept answers (the targets list, enterprise pages) beside the cockpit's. */
const named = new WeakMap<object, Map<string, AnswerCache<unknown>>>();
export function namedCacheFor<T>(store: object, name: string): AnswerCache<T> {
  let m = named.get(store);
  if (!m) named.set(store, (m = new Map()));
  let c = m.get(name);
  if (!c) m.set(name, (c = new AnswerCache<unknown>()));
  return c as AnswerCache<T>;
}
