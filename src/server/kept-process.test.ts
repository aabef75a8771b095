// The kept process's queue (kept-process.ts, KeptLanes): one computation per key at a time, asks that know no
// newer write join the running one, the others are answered together by the next, failures reach every asker.
// The cluster around it (relay, fallback when the kept process is gone) is tested in test/ops-workers.test.ts.
import { describe, expect, it } from 'vitest';
import { KeptLanes, type Ask, type Fail, type Value } from './kept-process';

const tick = () => new Promise((r) => setImmediate(r));

function harness() {
  let mark = 'w1';
  const sent: (Value | Fail)[] = [];
  const runs: { name: string; args: unknown; finish: (v: unknown) => void; fail: (e: Error) => void }[] = [];
  const lanes = new KeptLanes(
    async () => mark,
    (name, args) => new Promise((finish, fail) => runs.push({ name, args, finish, fail })),
    (m) => sent.push(m),
  );
  const ask = (from: number, id: number, key: string, watermark: string): void => {
    const a: Ask = { sei: 'kept-ask', id, from, name: 'targets', key, watermark, args: { id } };
    lanes.ask(a);
  };
  return { lanes, sent, runs, ask, setMark: (m: string) => (mark = m) };
}

describe('KeptLanes', () => {
  it('answers every ask of one key and write with one computation', async () => {
    const h = harness();
    h.ask(1, 1, 'k', 'w1');
    await tick();
    h.ask(2, 1, 'k', 'w1');
    h.ask(1, 2, 'k', 'w1');
    await tick();
    expect(h.runs).toHaveLength(1);
    h.runs[0]!.finish('answer');
    await tick();
    expect(h.sent).toHaveLength(1);
    const v = h.sent[0] as Value;
    expect(v).toMatchObject({ sei: 'kept-value', key: 'k', watermark: 'w1', value: 'answer' });
    expect(v.askers).toEqual([{ from: 1, id: 1 }, { from: 2, id: 1 }, { from: 1, id: 2 }]);
    expect(v.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('an ask that knows a newer write waits for the next computation, which answers all that waited', async () => {
    const h = harness();
    h.ask(1, 1, 'k', 'w1');
    await tick();
    h.setMark('w2');
    h.ask(2, 1, 'k', 'w2');
    h.ask(1, 2, 'k', 'w2');
    await tick();
    expect(h.runs).toHaveLength(1); // one at a time per key
    h.runs[0]!.finish('old');
    await tick();
    await tick();
    expect(h.runs).toHaveLength(2);
    h.runs[1]!.finish('new');
    await tick();
    expect(h.sent.map((m) => [(m as Value).watermark, (m as Value).value, m.askers.length])).toEqual([['w1', 'old', 1], ['w2', 'new', 2]]);
  });

  it('runs different keys side by side; a failure reaches its askers and the key computes again next time', async () => {
    const h = harness();
    h.ask(1, 1, 'a', 'w1');
    h.ask(2, 1, 'b', 'w1');
    await tick();
    expect(h.runs).toHaveLength(2);
    h.runs[0]!.fail(new Error('database is locked'));
    h.runs[1]!.finish('b');
    await tick();
    const fail = h.sent.find((m) => m.sei === 'kept-fail') as Fail;
    expect(fail).toEqual({ sei: 'kept-fail', askers: [{ from: 1, id: 1 }], reason: 'database is locked' });
    expect(h.sent.find((m) => m.sei === 'kept-value')).toMatchObject({ key: 'b', value: 'b' });
    h.ask(1, 2, 'a', 'w1');
    await tick();
    expect(h.runs).toHaveLength(3);
  });
});
