// The demo evaluation on a demo database: one run of the demo scheme for 2020 (read the figures, evaluate,
// archive) and one reproduction from the archive, against the supervision 通报 for 2020 (the nearest existing
// read-everything computation) measured in the same run on the same database. Also the pure methods at scale:
// entropy–TOPSIS on 1,000 × 30 against a weighted sum of the same matrix.
//   npx tsx bench/evaluation-run.ts [--dialect sqlite|postgres] [--repeat 5]
import { performance } from 'node:perf_hooks';
import { computeEvaluation } from '../src/core/evaluation/methods/compute';
import { reproduceRun } from '../src/core/evaluation/get-run';
import { runEvaluation } from '../src/core/evaluation/run-evaluation';
import { computeBulletin } from '../src/core/supervision/compute-bulletin';
import { createStore } from '../src/db/store';
import { DEMO_SCHEME } from '../src/db/seed/demo-evaluation';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase } from '../test/helpers/databases';
import { arg, dialectsArg } from './bench-common';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeIt(repeat: number, fn: () => unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < repeat; i++) { const t = performance.now(); await fn(); ms.push(performance.now() - t); }
  return median(ms);
}

async function main() {
  const repeat = arg('repeat', 5);
  const rnd = (() => { let s = 7; return () => ((s = (s * 16807) % 2147483647) / 2147483647); })();
  const matrix = Array.from({ length: 1000 }, () => Array.from({ length: 30 }, () => 1 + rnd() * 100));
  const types = Array.from({ length: 30 }, (_, j) => (j % 5 === 0 ? -1 : 1));
  const et = await timeIt(repeat, () => computeEvaluation({ method: 'entropy_topsis', matrix, types }));
  const ws = await timeIt(repeat, () => computeEvaluation({ method: 'weighted_sum', matrix, types }));
  console.log(`methods 1000×30: entropy_topsis ${et.toFixed(1)} ms, weighted_sum ${ws.toFixed(1)} ms, ratio ${(et / ws).toFixed(2)}×`);
  for (const dialect of dialectsArg()) {
    const db = await createInitializedDatabase(dialect, { demo: true });
    try {
      const deps = { store: createStore(db.db), secrets };
      const scheme = (await deps.store.evaluation.listSchemes()).find((s) => s.name === DEMO_SCHEME.name)!;
      const now = new Date('2021-01-20T08:00:00Z');
      let lastRun = '';
      const run = await timeIt(repeat, async () => { lastRun = (await runEvaluation(deps, null, scheme.id, { period: '2020' }, now)).id; });
      const rep = await timeIt(repeat, () => reproduceRun(deps, null, lastRun));
      const bulletin = await timeIt(repeat, () => computeBulletin(deps, null, { period: '2020' }, now));
      console.log(`${dialect}: demo run 2020 ${run.toFixed(0)} ms (median of ${repeat}), reproduce ${rep.toFixed(1)} ms, 通报 2020 ${bulletin.toFixed(0)} ms; run ÷ 通报 ${(run / bulletin).toFixed(2)}×`);
    } finally {
      await db.drop();
    }
  }
}

void main();
