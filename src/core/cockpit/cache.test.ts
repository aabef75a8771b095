import { describe, expect, it } from 'vitest';
import { AnswerCache, keptWaitBelowMs } from './cache';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A computation that counts its runs and answers `value` after `ms`. */
function counted(ms: number) {
  const c = { runs: 0, compute: (value: string) => async () => { c.runs++; await sleep(ms); return value; } };
  return c;
}

describe('AnswerCache.getOrKept', () => {
  it('waits for the first answer, then keeps it while the watermark stands', async () => {
    const cache = new AnswerCache<string>();
    const c = counted(5);
    const first = await cache.getOrKept('k', 'w1', Date.now(), c.compute('a'), 500);
    expect(first).toMatchObject({ value: 'a', cached: false, stale: false });
    const again = await cache.getOrKept('k', 'w1', Date.now(), c.compute('b'), 500);
    expect(again).toMatchObject({ value: 'a', cached: true, stale: false });
    expect(c.runs).toBe(1);
  });

  it('after a write, waits for the new answer when the last computation was quick', async () => {
    const cache = new AnswerCache<string>();
    const c = counted(1);
    await cache.getOrKept('k', 'w1', Date.now(), c.compute('a'), 500);
    const after = await cache.getOrKept('k', 'w2', Date.now(), c.compute('b'), 500);
    expect(after).toMatchObject({ value: 'b', cached: false, stale: false });
  });

  it('after a write, hands out the kept answer labelled when the last computation was slow, with one recomputation for many writes, after a rest', async () => {
    const cache = new AnswerCache<string>();
    const c = counted(20);
    const t0 = Date.now();
    await cache.getOrKept('k', 'w1', t0, c.compute('a'), 5);
    // Right after the first computation: still within its rest (at least 5 s after it ended), so the
    // kept answer goes out labelled and nothing is recomputed yet.
    expect(await cache.getOrKept('k', 'w2', t0 + 30, c.compute('too soon'), 5)).toMatchObject({ value: 'a', stale: true, computedAt: t0 });
    expect(c.runs).toBe(1);
    // 10 s later, three reads each after another write while one recomputation runs: all get 'a' at once, labelled.
    const later = t0 + 10_000;
    for (const w of ['w2', 'w3', 'w4']) {
      const started = Date.now();
      expect(await cache.getOrKept('k', w, later, c.compute(`after ${w}`), 5)).toMatchObject({ value: 'a', cached: true, stale: true, computedAt: t0 });
      expect(Date.now() - started).toBeLessThan(15);
    }
    expect(c.runs).toBe(2);
    await sleep(40);
    // The recomputation (begun for w2) is kept; the newest write (w4) is still newer: labelled again, one more run.
    expect(await cache.getOrKept('k', 'w4', later + 10_000, c.compute('after w4 (2)'), 5)).toMatchObject({ value: 'after w2', stale: true, computedAt: later });
    expect(c.runs).toBe(3);
    await sleep(40);
    expect(await cache.getOrKept('k', 'w4', later + 10_100, c.compute('x'), 5)).toMatchObject({ value: 'after w4 (2)', cached: true, stale: false });
  });

  it('after a slow computation, the next starts only after a rest of ten times its duration (KEPT_REST_FACTOR)', async () => {
    const cache = new AnswerCache<string>();
    const c = counted(300);
    const t0 = Date.now();
    await cache.getOrKept('k', 'w1', t0, c.compute('a'), 5, 0);
    // ≈ 300 ms took: the rest is ≈ 3 s (twice the duration, as before, would have been 0.6 s).
    expect(await cache.getOrKept('k', 'w2', t0 + 2000, c.compute('too soon'), 5, 0)).toMatchObject({ value: 'a', stale: true });
    expect(c.runs).toBe(1);
    expect(await cache.getOrKept('k', 'w2', t0 + 6000, c.compute('b'), 5, 0)).toMatchObject({ value: 'a', stale: true });
    expect(c.runs).toBe(2);
  });

  it('a reader with a kept answer at hand waits at most waitBelowMs for the new one, then gets the kept one labelled', async () => {
    const cache = new AnswerCache<string>();
    const t0 = Date.now();
    await cache.getOrKept('k', 'w1', t0, counted(1).compute('a'), 50);
    // The last computation was quick (wait mode), but this one takes 300 ms (a loaded machine).
    const slow = counted(300);
    const started = Date.now();
    const got = await cache.getOrKept('k', 'w2', Date.now(), slow.compute('b'), 50);
    expect(got).toMatchObject({ value: 'a', cached: true, stale: true, computedAt: t0 });
    expect(Date.now() - started).toBeLessThan(250);
    expect(slow.runs).toBe(1);
    await sleep(350);
    // It went on and is kept.
    expect(await cache.getOrKept('k', 'w2', Date.now(), slow.compute('c'), 50)).toMatchObject({ value: 'b', stale: false });
    expect(slow.runs).toBe(1);
  });

  it('by default (no KEPT_WAIT_BELOW_MS) a read after a write does not wait for a computation of 150 ms: the wait must fit in a read\'s 100 ms budget', async () => {
    const saved = process.env.KEPT_WAIT_BELOW_MS;
    delete process.env.KEPT_WAIT_BELOW_MS; // the suite pins 60 s (vitest.config.ts)
    try {
      expect(keptWaitBelowMs()).toBe(100);
      const cache = new AnswerCache<string>();
      const t0 = Date.now();
      await cache.getOrKept('k', 'w1', t0, counted(150).compute('a'), keptWaitBelowMs(), 0);
      const started = Date.now();
      expect(await cache.getOrKept('k', 'w2', Date.now() + 5000, counted(150).compute('b'), keptWaitBelowMs(), 0)).toMatchObject({ value: 'a', stale: true });
      expect(Date.now() - started).toBeLessThan(50);
    } finally {
      if (saved !== undefined) process.env.KEPT_WAIT_BELOW_MS = saved;
    }
  });

  it('a reader that waits gets an answer computed after its write, not one begun before it', async () => {
    const cache = new AnswerCache<string>();
    const c = counted(10);
    const early = cache.getOrKept('k', 'w1', Date.now(), c.compute('before the write'), 500);
    const late = cache.getOrKept('k', 'w2', Date.now(), c.compute('after the write'), 500);
    expect((await early).value).toBe('before the write');
    expect(await late).toMatchObject({ value: 'after the write', stale: false });
  });

  it('a failed computation reaches the reader that waits and is not kept', async () => {
    const cache = new AnswerCache<string>();
    await expect(cache.getOrKept('k', 'w1', Date.now(), async () => { throw new Error('boom'); }, 500)).rejects.toThrow('boom');
    expect(await cache.getOrKept('k', 'w1', Date.now(), async () => 'ok', 500)).toMatchObject({ value: 'ok', stale: false });
  });
});
