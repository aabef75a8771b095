// The targets list computed in process on an existing database (e.g. one kept by bench/load.ts --keep):
// the whole computation, and per store read its total time and count. Baseline in the same run: one read of
// every value behind one target (the sum of all REVENUE values, the read a computation from every value
// would make per target); the ratio is computation ÷ baseline.
//   npx tsx bench/targets-compute.ts --url sqlite:/tmp/…/x.db [--rounds 3] [--approved-only]
import { sql } from 'kysely';
import { listTargetAssessments } from '../src/core/targets/list-target-assessments';
import { openDatabase } from '../src/db/connect';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { arg } from './bench-common';

const URL_ARG = process.argv[process.argv.indexOf('--url') + 1];
if (!process.argv.includes('--url') || !URL_ARG) throw new Error('--url sqlite:/path or postgres://… is required');
const ROUNDS = arg('rounds', 3);
const APPROVED_ONLY = process.argv.includes('--approved-only');

const database = openDatabase(URL_ARG);
const store = createStore(database.db);
const reads = new Map<string, { ms: number; n: number }>();
const targets = store.targets as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
for (const name of Object.keys(targets)) {
  const f = targets[name]!;
  targets[name] = async (...a: unknown[]) => {
    const t = performance.now();
    try { return await f(...a); } finally {
      const r = reads.get(name) ?? { ms: 0, n: 0 };
      r.ms += performance.now() - t;
      r.n++;
      reads.set(name, r);
    }
  };
}
const values = Number((await sql<{ n: number }>`select count(*) as n from data_value`.execute(database.db)).rows[0]!.n);
for (let round = 1; round <= ROUNDS; round++) {
  reads.clear();
  let t = performance.now();
  const list = await listTargetAssessments({ store, secrets }, null, '2020-12-31', { approvedOnly: APPROVED_ONLY });
  const computeMs = performance.now() - t;
  t = performance.now();
  await sql`select sum(value) as s, count(*) as n from data_value where indicator_code = 'REVENUE'`.execute(database.db);
  const scanMs = performance.now() - t;
  console.log(JSON.stringify({
    bench: 'targets-compute', dialect: database.dialect, values, round, approvedOnly: APPROVED_ONLY, targets: list.targets.length,
    computeMs: Math.round(computeMs), baselineScanMs: Math.round(scanMs), ratio: +(computeMs / scanMs).toFixed(2),
    reads: Object.fromEntries([...reads].map(([k, r]) => [k, `${Math.round(r.ms)} ms / ${r.n}`])),
  }));
}
await database.close();
