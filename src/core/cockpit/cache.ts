// The cockpit answer is kept per (period, reader view) until something is written: a write in this
// process clears it (the server's onResponse hook calls invalidate), and a write by another process (the
// CLI, a second server) moves the store's watermark (the newest audit row), which every read compares.
// Entries also expire after a while, for writes that leave no audit row (seeding).
export const CACHE_TTL_MS = 5 * 60_000;
/** How long a read watermark is trusted: a write by another process shows within this time (this process's writes at once). */
export const WATERMARK_TTL_MS = 1_000;
const MAX_ENTRIES = 200;
/**
 * After a slow computation (getOrKept) the next waits this many times its duration, and at least keptRestMinMs()
 * (KEPT_REST_FACTOR, default 10: a recomputation takes at most a tenth of the process's time). With 2, under a
 * stream of writes at ten million values each worker spent a third of its time recomputing the targets list,
 * and the requests queued behind it set the load bench's tail (BENCHMARKS.md, round of 2026-12-02).
 */
export const keptRestFactor = (): number => numberFromEnv('KEPT_REST_FACTOR', 10);

interface Entry<T> { value: T; watermark: string; at: number; tookMs?: number }

/** A kept answer as handed out: whether it follows the newest write, and when its computation started. */
export interface KeptAnswer<T> { value: T; cached: boolean; stale: boolean; computedAt: number }

/**
 * A read after a write waits for the new answer when the last computation of it took at most this long
 * (default 100 ms); after a longer one it gets the kept answer at once, labelled, while one recomputation
 * runs (KEPT_WAIT_BELOW_MS; 0 never waits when a kept answer exists). The wait has to fit in a read's budget:
 * with 500 ms, a 10 M-value list computed in ≈ 450 ms (a quicker machine) made every targets read after a
 * write wait for it, and the load bench's p99 was 511 ms instead of 54 ms (BENCHMARKS.md, round of 2026-12-02 11:41).
 */
export const keptWaitBelowMs = (): number => numberFromEnv('KEPT_WAIT_BELOW_MS', 100);

/** The shortest rest between two slow computations of a kept answer (KEPT_REST_MIN_MS, default 5 s). */
export const keptRestMinMs = (): number => numberFromEnv('KEPT_REST_MIN_MS', 5000);

function numberFromEnv(name: string, fallback: number): number {
  const v = Number(process.env[name] ?? fallback);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

export class AnswerCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly pending = new Map<string, Promise<T>>();

  private mark: { value: string; at: number } | null = null;
  /** The one recomputation per key of getOrKept, with the watermark it computes for. */
  private readonly running = new Map<string, { promise: Promise<T>; watermark: string; startedAt: number }>();

  invalidate(): void {
    this.entries.clear();
    this.pending.clear();
    this.running.clear();
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
  /**
   * Like get, for answers that take long to compute and are read while others write (the targets list):
   * when the watermark has moved, one recomputation per key runs (not one per write — under a stream of
   * writes the watermark moves faster than a computation ends). The reader waits for it when there is
   * no usable kept answer, or when the last computation took at most `waitBelowMs`; otherwise it gets the
   * kept answer at once, with stale = true and the time its computation started, and the recomputation
   * starts once the last one has rested keptRestFactor() (10) times its duration, and at least `restMinMs`. A reader that waits
   * with a kept answer at hand waits at most `waitBelowMs`, then gets the kept answer, labelled.
   */
  async getOrKept(key: string, watermark: string, nowMs: number, compute: () => Promise<T>, waitBelowMs: number, restMinMs = 5000): Promise<KeptAnswer<T>> {
    const e = this.entries.get(key);
    const usable = e !== undefined && nowMs - e.at < CACHE_TTL_MS;
    if (usable && e.watermark === watermark) return { value: e.value, cached: true, stale: false, computedAt: e.at };
    const took = e?.tookMs ?? 0;
    if (usable && took > waitBelowMs) {
      // The kept answer goes out labelled. A recomputation starts unless one runs, and only after a rest of
      // ten times its last duration and at least restMinMs (5 s): under a stream of writes recomputations would otherwise run
      // back to back and take the process's time from the requests (here at most a tenth of it). The answer is
      // then at most ≈ 11 computations' time behind (≈ 10 s at ten million values), and says so.
      if (!this.running.has(key) && nowMs >= e.at + took + Math.max(took * keptRestFactor(), restMinMs)) this.start(key, watermark, nowMs, compute);
      return { value: e.value, cached: true, stale: true, computedAt: e.at };
    }
    const fresh = this.fresh(key, watermark, nowMs, compute);
    if (!usable) return fresh;
    // With a kept answer, a reader waits at most waitBelowMs: under load a computation that was quick when
    // the machine was idle can take seconds (at 10 M values, 1 s became 4 s in the load bench, and every
    // targets request of those seconds waited). Past it the kept answer goes out labelled; the computation
    // goes on, and the time it took puts the next reads on the labelled path.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), waitBelowMs); });
    const got = await Promise.race([fresh, late]).finally(() => clearTimeout(timer));
    return got ?? { value: e.value, cached: true, stale: true, computedAt: e.at };
  }

  /**
   * Keeps an answer unless a newer one is kept: one computed here, or elsewhere (the cluster's kept process,
   * src/server/kept-process.ts) — every worker then has the same answer and rests the same time after it.
   */
  offer(key: string, watermark: string, value: T, startedAt: number, tookMs: number): void {
    const have = this.entries.get(key);
    if (have && have.at > startedAt) return;
    if (!have && this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, watermark, at: startedAt, tookMs });
  }

  /** Waits for an answer computed at `watermark` or later, starting a computation when none runs. */
  private async fresh(key: string, watermark: string, nowMs: number, compute: () => Promise<T>): Promise<KeptAnswer<T>> {
    let run = this.running.get(key) ?? this.start(key, watermark, nowMs, compute);
    const first = await run.promise;
    if (run.watermark === watermark) return { value: first, cached: false, stale: false, computedAt: run.startedAt };
    // The running computation began before the write this reader knows of: wait for one that follows it.
    // (The finished run may still be listed for a moment: its clean-up runs after the readers' continuations.)
    const now = this.running.get(key);
    run = now && now !== run ? now : this.start(key, watermark, Date.now(), compute);
    const value = await run.promise;
    return { value, cached: false, stale: run.watermark !== watermark, computedAt: run.startedAt };
  }

  private start(key: string, watermark: string, nowMs: number, compute: () => Promise<T>) {
    const t0 = Date.now();
    const run = { promise: compute(), watermark, startedAt: nowMs };
    this.running.set(key, run);
    run.promise.then((value) => {
      if (this.running.get(key) !== run) return; // invalidated meanwhile
      this.offer(key, watermark, value, run.startedAt, Date.now() - t0);
    }, () => undefined).finally(() => { if (this.running.get(key) === run) this.running.delete(key); });
    return run;
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
