// Import benchmark: N values from a CSV file through the product's own import path (read + detect
// encoding + parse + validate + diff + upsert + aggregates, one transaction) vs a raw prepared insert
// of the same rows into data_value in one transaction (rows already in memory). Both dialects, one run.
//   npx tsx bench/statistics-import.ts [--values 1000000] [--dialect sqlite|postgres]
import { CompiledQuery } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { importDataValues } from '../src/core/statistics/import-data-values';
import { createStore } from '../src/db/store';
import { importInputFromFile } from '../src/files/value-files';
import { secrets } from '../src/server/auth/secrets';
import { arg, databaseWithEnterprises, dialectsArg, INDICATORS, months, time } from './bench-common';

const N = arg('values', 1_000_000);
const perEnterprise = 5 * 48; // 5 indicators × 48 months
const enterpriseCount = Math.ceil(N / perEnterprise);
const periods = months(2017, 48);

function makeCsv(codes: string[]): { text: string; rows: [string, string, string, number][] } {
  const rows: [string, string, string, number][] = [];
  const lines = ['org_code,indicator_code,period,value'];
  let seed = 7;
  outer: for (const code of codes) {
    for (const ind of INDICATORS.slice(0, 5)) {
      for (const p of periods) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const v = Math.round((seed / 2147483648) * 1e6) / 10;
        rows.push([code, ind, p, v]);
        lines.push(`${code},${ind},${p},${v}`);
        if (rows.length >= N) break outer;
      }
    }
  }
  return { text: lines.join('\n') + '\n', rows };
}

const COLS = 'org_id, indicator_code, period, year, value, status, source, batch_id, comment, source_url, source_type, reliability, row_version, updated_by, updated_at';

for (const dialect of dialectsArg()) {
  const a = await databaseWithEnterprises(dialect, enterpriseCount);
  const b = await databaseWithEnterprises(dialect, enterpriseCount);
  try {
    const { text, rows } = makeCsv(a.enterprises.map((e) => e.code));
    const bytes = Buffer.from(text, 'utf8');
    // Product path.
    const store = createStore(a.database.db);
    const product = await time(async () => {
      const input = await importInputFromFile(bytes, 'bench.csv', await store.statistics.indicators(), { dryRun: false });
      return importDataValues({ store, secrets }, null, input, new Date());
    });
    if (product.result.inserted !== rows.length) throw new Error(`product inserted ${product.result.inserted} of ${rows.length}`);
    // Baseline: raw prepared insert of the same rows, one transaction.
    const idByCode = new Map(b.enterprises.map((e) => [e.code, e.orgId]));
    const now = new Date().toISOString();
    let baselineMs: number;
    if (dialect === 'sqlite') {
      await b.database.close();
      const raw = new SQLite(b.database.url.slice('sqlite:'.length));
      raw.pragma('journal_mode = WAL');
      const stmt = raw.prepare(`insert into data_value (${COLS}) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
      const t = performance.now();
      raw.transaction(() => {
        for (const r of rows) stmt.run(idByCode.get(r[0]), r[1], r[2], Number(r[2].slice(0, 4)), r[3], 'draft', 'file', null, null, null, null, null, 1, 'bench', now);
      })();
      baselineMs = performance.now() - t;
      raw.close();
    } else {
      await b.database.close();
      const client = new pg.Client({ connectionString: b.database.url });
      await client.connect();
      const per = 1000;
      const ph = Array.from({ length: per }, (_, r) => `(${Array.from({ length: 15 }, (_, c) => `$${r * 15 + c + 1}`).join(',')})`).join(',');
      const t = performance.now();
      await client.query('begin');
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const params: unknown[] = [];
        for (const r of chunk) params.push(idByCode.get(r[0]), r[1], r[2], Number(r[2].slice(0, 4)), r[3], 'draft', 'file', null, null, null, null, null, 1, 'bench', now);
        if (chunk.length === per) await client.query({ name: 'bench_insert', text: `insert into data_value (${COLS}) values ${ph}`, values: params });
        else await client.query(`insert into data_value (${COLS}) values ${chunk.map((_, r) => `(${Array.from({ length: 15 }, (_, c) => `$${r * 15 + c + 1}`).join(',')})`).join(',')}`, params);
      }
      await client.query('commit');
      baselineMs = performance.now() - t;
      await client.end();
    }
    void CompiledQuery;
    console.log(JSON.stringify({
      bench: 'statistics-import', dialect, values: rows.length, enterprises: enterpriseCount,
      productMs: Math.round(product.ms), baselineMs: Math.round(baselineMs), ratio: Number((product.ms / baselineMs).toFixed(2)), goal: '≤ 1.5',
      productRowsPerSec: Math.round(rows.length / (product.ms / 1000)), baselineRowsPerSec: Math.round(rows.length / (baselineMs / 1000)),
    }));
  } finally {
    await a.database.drop();
    await b.database.drop().catch(() => undefined);
  }
}
