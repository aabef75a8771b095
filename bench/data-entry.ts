// One-value data entry (POST /api/data-values' use-case) in process on an existing database (e.g. one kept by
// bench/load.ts --keep): ms per write, and on SQLite each statement's share of it. Baseline in the same run:
// a write transaction that inserts one row into a scratch table (begin immediate, insert, commit) — what any
// write costs; the ratio is data entry ÷ baseline.
//   npx tsx bench/data-entry.ts --url sqlite:/tmp/…/x.db [--writes 2000] [--rounds 2]
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { importDataValues } from '../src/core/statistics/import-data-values';
import { openDatabase } from '../src/db/connect';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { arg, months } from './bench-common';

const URL_ARG = process.argv[process.argv.indexOf('--url') + 1];
if (!process.argv.includes('--url') || !URL_ARG) throw new Error('--url sqlite:/path or postgres://… is required');
const WRITES = arg('writes', 2000);
const ROUNDS = arg('rounds', 2);

// Each statement's time, by its SQL (SQLite: every statement goes through prepare).
const statements = new Map<string, { ms: number; n: number }>();
let timing = false;
const prepare = SQLite.prototype.prepare;
SQLite.prototype.prepare = function timed(this: SQLite.Database, source: string) {
  const stmt = prepare.call(this, source);
  for (const m of ['run', 'all', 'get'] as const) {
    const f = stmt[m] as (...a: unknown[]) => unknown;
    (stmt as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
      const t = performance.now();
      try { return f.apply(stmt, a); } finally {
        if (timing) {
          const k = source.replace(/\s+/g, ' ').slice(0, 110);
          const r = statements.get(k) ?? { ms: 0, n: 0 };
          r.ms += performance.now() - t;
          r.n++;
          statements.set(k, r);
        }
      }
    };
  }
  return stmt;
} as typeof prepare;

const database = openDatabase(URL_ARG);
const store = createStore(database.db);
const deps = { store, secrets };
const codes = (await database.db.selectFrom('enterprise').select('uscc').where('name', 'like', '基准企业%').limit(5000).execute()).map((r) => r.uscc);
if (!codes.length) throw new Error('no 基准企业 enterprises: use a database built by bench/load.ts');
await sql`create table if not exists bench_scratch (k integer primary key, v real)`.execute(database.db);
const periods = months(2017, 48);
let n = 1;
const pick = <T>(xs: T[]) => xs[(n = (n * 1103515245 + 12345) % 2147483648) % xs.length]!;

for (let round = 1; round <= ROUNDS; round++) {
  statements.clear();
  timing = true;
  let t = performance.now();
  for (let i = 0; i < WRITES; i++) {
    await importDataValues(deps, null, {
      rows: [{ row: 1, orgCode: pick(codes), indicatorCode: 'REVENUE', period: pick(periods), value: 1000 + (n % 90_000) / 10 }],
      source: 'api', format: 'json', layout: 'json', dryRun: false, confirm: true,
    }, new Date());
  }
  const entryMs = (performance.now() - t) / WRITES;
  timing = false;
  const top = [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)
    .map(([k, r]) => `${(r.ms / WRITES).toFixed(3)} ms × ${(r.n / WRITES).toFixed(1)}  ${k}`);
  t = performance.now();
  for (let i = 0; i < WRITES; i++) {
    await database.db.transaction().execute((trx) => sql`insert or replace into bench_scratch (k, v) values (${i % 1000}, ${i})`.execute(trx));
  }
  const baselineMs = (performance.now() - t) / WRITES;
  const statementMs = [...statements.values()].reduce((s, r) => s + r.ms, 0) / WRITES;
  console.log(JSON.stringify({
    bench: 'data-entry', dialect: database.dialect, round, writes: WRITES, msPerWrite: +entryMs.toFixed(3), inStatementsMs: +statementMs.toFixed(3),
    baselineMs: +baselineMs.toFixed(3), ratio: +(entryMs / baselineMs).toFixed(2), statementsPerWrite: +([...statements.values()].reduce((s, r) => s + r.n, 0) / WRITES).toFixed(1),
  }));
  for (const line of top) console.log(`  ${line}`);
}
await sql`drop table bench_scratch`.execute(database.db);
await database.close();
