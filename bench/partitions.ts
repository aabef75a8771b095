// Partitioning benchmark (PostgreSQL; migration 0017): the same values in two databases of one run — one
// with data_value/data_value_audit partitioned by year (as migrated), one turned back into plain tables
// (0017's down) — and the same reads and import against each, alternating which goes first.
//   npx tsx bench/partitions.ts [--enterprises 1000] [--years 15] [--repeat 15] [--import 60000]
// Reads (each timed --repeat times per database, medians compared; ratio = partitioned / plain):
//   yearSum     — one year of every indicator summed (period >= 'Y' and < 'Y+1'), what a year's rebuild or export scans
//   yearValues  — valuesOf(): one indicator's values over a year (the product's period-range read)
//   orgSeries   — one organisation × indicator over all years (no period: every partition is probed)
//   auditWatermark — the cockpit's newest data_value_audit.at (index data_value_audit_at on every partition)
// Import: importDataValues() of a CSV of --import values (new rows for one new year), the product path.
// Finally the time 0017's up takes to convert the plain database's tables (every row copied).
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { importDataValues } from '../src/core/statistics/import-data-values';
import * as partitions from '../src/db/migrations/0017-partitions';
import { insertValueRows, valueRow, valuesOf } from '../src/db/repositories/statistics-values';
import type { DB } from '../src/db/schema';
import { createStore } from '../src/db/store';
import { importInputFromFile } from '../src/files/value-files';
import { secrets } from '../src/server/auth/secrets';
import { arg, databaseWithEnterprises, INDICATORS, months, percentile, time, type BenchEnterprise } from './bench-common';

const ENTERPRISES = arg('enterprises', 1000);
const YEARS = arg('years', 15);
const REPEAT = arg('repeat', 15);
const IMPORT = arg('import', 60_000);
const FIRST_YEAR = 2011;
const periods = months(FIRST_YEAR, YEARS * 12);
const readYear = String(FIRST_YEAR + Math.floor(YEARS / 2));
const importYear = FIRST_YEAR + YEARS; // a year with no values yet: the import inserts

async function fill(db: Kysely<DB>, enterprises: BenchEnterprise[]): Promise<number> {
  const meta = { actorId: null, actorName: 'bench', now: new Date().toISOString(), batchId: null };
  let seed = 11;
  let rows: unknown[][] = [];
  let n = 0;
  await db.transaction().execute(async (trx) => {
    for (const e of enterprises) {
      for (const ind of INDICATORS.slice(0, 5)) {
        for (const p of periods) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          rows.push(valueRow({ orgId: e.orgId, indicatorCode: ind, period: p, year: Number(p.slice(0, 4)), value: Math.round((seed / 2147483648) * 1e6) / 10, comment: null, status: 'approved', source: 'file' }, meta));
          if (rows.length === 50_000) { await insertValueRows(trx, rows); n += rows.length; rows = []; }
        }
      }
    }
    await insertValueRows(trx, rows);
    n += rows.length;
  });
  // One audit row per value as an import leaves it, so the audit is as large as the values.
  await sql`insert into data_value_audit (id, org_id, indicator_code, period, action, old_value, new_value, old_status, new_status, reason, source, batch_id, actor_id, actor_name, at)
    select md5(org_id || indicator_code || period), org_id, indicator_code, period, 'create', null, value, null, status, null, source, null, null, 'bench', updated_at from data_value`.execute(db);
  await sql`vacuum analyze data_value`.execute(db);
  await sql`vacuum analyze data_value_audit`.execute(db);
  return n;
}

function importCsv(enterprises: BenchEnterprise[]): Buffer {
  const lines = ['org_code,indicator_code,period,value'];
  const ps = months(importYear, 12);
  outer: for (const e of enterprises) {
    for (const ind of INDICATORS.slice(0, 5)) {
      for (const p of ps) {
        lines.push(`${e.code},${ind},${p},${(lines.length % 997) + 0.5}`);
        if (lines.length > IMPORT) break outer;
      }
    }
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

const median = (xs: number[]) => percentile(xs, 50);
const ms = (x: number) => Math.round(x * 100) / 100;

const sides = { partitioned: await databaseWithEnterprises('postgres', ENTERPRISES), plain: await databaseWithEnterprises('postgres', ENTERPRISES) };
try {
  await sides.plain.database.db.transaction().execute((trx) => partitions.down(trx));
  const stored: Record<string, number> = {};
  for (const [name, s] of Object.entries(sides)) stored[name] = (await time(() => fill(s.database.db, s.enterprises))).ms;
  const load = (await import('node:os')).loadavg().map((x) => Math.round(x * 10) / 10);
  console.log(JSON.stringify({ bench: 'partitions', enterprises: ENTERPRISES, values: ENTERPRISES * 5 * periods.length, years: YEARS, loadavg: load, fillMs: Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, Math.round(v)])) }));

  const orgId = (s: typeof sides.plain) => s.enterprises[Math.floor(ENTERPRISES / 2)]!.orgId;
  const reads = {
    yearSum: (s: typeof sides.plain) => sql`select indicator_code, sum(value), count(*) from data_value where period >= ${readYear} and period < ${String(Number(readYear) + 1)} group by indicator_code`.execute(s.database.db),
    yearValues: (s: typeof sides.plain) => valuesOf(s.database.db, { indicatorCodes: ['REVENUE'], fromPeriod: readYear, toPeriod: `${readYear}Q4` }),
    orgSeries: (s: typeof sides.plain) => valuesOf(s.database.db, { orgIds: [orgId(s)], indicatorCodes: ['REVENUE'] }),
    // The cockpit's watermark (src/db/repositories/cockpit.ts): the newest audit entry, by the `at` index.
    auditWatermark: (s: typeof sides.plain) => s.database.db.selectFrom('data_value_audit').select('at').orderBy('at', 'desc').limit(1).executeTakeFirst(),
  };
  for (const [name, read] of Object.entries(reads)) {
    const t: Record<'partitioned' | 'plain', number[]> = { partitioned: [], plain: [] };
    for (const s of ['partitioned', 'plain'] as const) await read(sides[s]); // warm the cache on both
    for (let r = 0; r < REPEAT; r++) {
      const order: ('plain' | 'partitioned')[] = r % 2 ? ['plain', 'partitioned'] : ['partitioned', 'plain'];
      for (const s of order) {
        const start = performance.now();
        await read(sides[s]);
        t[s].push(performance.now() - start);
      }
    }
    const [p, q] = [median(t.partitioned), median(t.plain)];
    console.log(JSON.stringify({ bench: 'partitions', read: name, repeats: REPEAT, medianPartitionedMs: ms(p), medianPlainMs: ms(q), ratio: ms(p / q), p90PartitionedMs: ms(percentile(t.partitioned, 90)), p90PlainMs: ms(percentile(t.plain, 90)) }));
  }

  const imported: Record<string, number> = {};
  for (const s of ['plain', 'partitioned'] as const) {
    const store = createStore(sides[s].database.db);
    const bytes = importCsv(sides[s].enterprises);
    const r = await time(async () => importDataValues({ store, secrets }, null, await importInputFromFile(bytes, 'bench.csv', await store.statistics.indicators(), { dryRun: false }), new Date()));
    if (r.result.inserted !== IMPORT) throw new Error(`${s}: inserted ${r.result.inserted} of ${IMPORT}`);
    imported[s] = r.ms;
  }
  console.log(JSON.stringify({ bench: 'partitions', import: IMPORT, year: importYear, partitionedMs: Math.round(imported.partitioned!), plainMs: Math.round(imported.plain!), ratio: ms(imported.partitioned! / imported.plain!) }));

  const converted = await time(() => sides.plain.database.db.transaction().execute((trx) => partitions.up(trx)));
  const rows = await sql<{ n: string }>`select (select count(*) from data_value) + (select count(*) from data_value_audit) as n`.execute(sides.plain.database.db);
  console.log(JSON.stringify({ bench: 'partitions', migrationUp: { rows: Number(rows.rows[0]!.n), ms: Math.round(converted.ms) }, loadavg: (await import('node:os')).loadavg().map((x) => Math.round(x * 10) / 10) }));
} finally {
  await sides.partitioned.database.drop();
  await sides.plain.database.drop();
}
