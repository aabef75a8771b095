// Import benchmark: N values from a CSV file through the product's own import path (read + detect
// encoding + parse + validate + diff + upsert + aggregates, one transaction) vs a raw prepared insert
// of the same rows into data_value in one transaction (rows already in memory). Both dialects, one run.
//   npx tsx bench/statistics-import.ts [--values 1000000] [--repeat 3] [--dialect sqlite|postgres]
// Each repeat measures both sides on fresh databases, alternating which goes first; the medians are compared.
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { newId } from '../src/core/ids';
import { importDataValues } from '../src/core/statistics/import-data-values';
import { createStore } from '../src/db/store';
import { importInputFromFile } from '../src/files/value-files';
import { secrets } from '../src/server/auth/secrets';
import { arg, databaseWithEnterprises, dialectsArg, INDICATORS, months, time } from './bench-common';

const N = arg('values', 1_000_000);
const REPEAT = arg('repeat', 3);
const perEnterprise = 5 * 48; // 5 indicators × 48 months
const enterpriseCount = Math.ceil(N / perEnterprise);
const periods = months(2017, 48);

type Row = [string, string, string, number];

/** The same deterministic rows each call: generated twice so that neither side holds the other's data in memory. */
function eachRow(codes: string[], fn: (r: Row) => void): void {
  let seed = 7;
  let count = 0;
  for (const code of codes) {
    for (const ind of INDICATORS.slice(0, 5)) {
      for (const p of periods) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        fn([code, ind, p, Math.round((seed / 2147483648) * 1e6) / 10]);
        if (++count >= N) return;
      }
    }
  }
}

function makeCsv(codes: string[]): Buffer {
  const lines = ['org_code,indicator_code,period,value'];
  eachRow(codes, (r) => lines.push(r.join(',')));
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

const COLS = 'org_id, indicator_code, period, year, value, status, source, batch_id, comment, source_url, source_type, reliability, row_version, updated_by, updated_at';

/** Product path: the same code as POST /api/data-values/import and `sei data import`. */
async function runProduct(dialect: 'sqlite' | 'postgres'): Promise<number> {
  const a = await databaseWithEnterprises(dialect, enterpriseCount);
  try {
    let bytes: Buffer | null = makeCsv(a.enterprises.map((e) => e.code));
    const store = createStore(a.database.db);
    const product = await time(async () => {
      const input = await importInputFromFile(bytes!, 'bench.csv', await store.statistics.indicators(), { dryRun: false });
      bytes = null; // what the reader needs it keeps itself
      return importDataValues({ store, secrets }, null, input, new Date());
    });
    if (product.result.inserted !== Math.min(N, enterpriseCount * perEnterprise)) throw new Error(`product inserted ${product.result.inserted}`);
    return product.ms;
  } finally {
    await a.database.drop();
  }
}

/** Baseline: a raw prepared insert of the same rows (already in memory) in one transaction. */
async function runBaseline(dialect: 'sqlite' | 'postgres'): Promise<number> {
  const b = await databaseWithEnterprises(dialect, enterpriseCount);
  try {
    const rows: Row[] = [];
    eachRow(b.enterprises.map((e) => e.code), (r) => rows.push(r));
    const idByCode = new Map(b.enterprises.map((e) => [e.code, e.orgId]));
    const now = new Date().toISOString();
    // The very rows the product stores: its batch id (same form), 'cli' as the writer (no signed-in user).
    const batchId = newId();
    await b.database.close();
    if (dialect === 'sqlite') {
      const raw = new SQLite(b.database.url.slice('sqlite:'.length));
      raw.pragma('journal_mode = WAL');
      const stmt = raw.prepare(`insert into data_value (${COLS}) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
      const t = performance.now();
      raw.transaction(() => {
        for (const r of rows) stmt.run(idByCode.get(r[0]), r[1], r[2], Number(r[2].slice(0, 4)), r[3], 'draft', 'file', batchId, null, null, null, null, 1, 'cli', now);
      })();
      const ms = performance.now() - t;
      raw.close();
      return ms;
    }
    const client = new pg.Client({ connectionString: b.database.url });
    await client.connect();
    const per = 1000;
    const tuples = (n: number) => Array.from({ length: n }, (_, r) => `(${Array.from({ length: 15 }, (_, c) => `$${r * 15 + c + 1}`).join(',')})`).join(',');
    const ph = tuples(per);
    const t = performance.now();
    await client.query('begin');
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const params: unknown[] = [];
      for (const r of chunk) params.push(idByCode.get(r[0]), r[1], r[2], Number(r[2].slice(0, 4)), r[3], 'draft', 'file', batchId, null, null, null, null, 1, 'cli', now);
      if (chunk.length === per) await client.query({ name: 'bench_insert', text: `insert into data_value (${COLS}) values ${ph}`, values: params });
      else await client.query(`insert into data_value (${COLS}) values ${tuples(chunk.length)}`, params);
    }
    await client.query('commit');
    const ms = performance.now() - t;
    await client.end();
    return ms;
  } finally {
    await b.database.drop().catch(() => undefined);
  }
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

for (const dialect of dialectsArg()) {
  // Alternate which side runs first, so drift on a shared machine (disk cache, other jobs) hits both.
  const pairs: { productMs: number; baselineMs: number; ratio: number }[] = [];
  for (let rep = 0; rep < REPEAT; rep++) {
    let productMs: number, baselineMs: number;
    if (rep % 2 === 0) { productMs = await runProduct(dialect); baselineMs = await runBaseline(dialect); }
    else { baselineMs = await runBaseline(dialect); productMs = await runProduct(dialect); }
    const ratio = Number((productMs / baselineMs).toFixed(2));
    pairs.push({ productMs: Math.round(productMs), baselineMs: Math.round(baselineMs), ratio });
    console.log(JSON.stringify({ bench: 'statistics-import', dialect, rep: rep + 1, values: N, productMs: Math.round(productMs), baselineMs: Math.round(baselineMs), ratio }));
  }
  const p = median(pairs.map((x) => x.productMs));
  const b = median(pairs.map((x) => x.baselineMs));
  console.log(JSON.stringify({
    bench: 'statistics-import', dialect, values: N, enterprises: enterpriseCount, repeats: REPEAT,
    medianProductMs: p, medianBaselineMs: b, ratioOfMedians: Number((p / b).toFixed(2)), medianRatio: median(pairs.map((x) => x.ratio)), goal: '≤ 1.5',
    productRowsPerSec: Math.round(N / (p / 1000)), baselineRowsPerSec: Math.round(N / (b / 1000)),
  }));
}
