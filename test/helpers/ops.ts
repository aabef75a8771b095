// Helpers of the operations tests and benches (backup, crash safety, load): every table's rows as a
// comparable snapshot, a large values CSV for synthetic enterprises, and the aggregate check.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../src/db/connect';
import type { DB } from '../../src/db/schema';
import { INDICATORS, months } from '../../bench/bench-common';

/** The user tables of the database (not the migrator's lock table, whose row is the migrator's business). */
export async function tableNames(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const rows = dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)).rows
    // Partitions of data_value and data_value_audit (migration 0017) are read through their parent table.
    : (await sql<{ name: string }>`select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`.execute(db)).rows;
  return rows.map((r) => r.name).filter((n) => n !== 'kysely_migration_lock');
}

/** Every row of every table, each row as JSON (keys sorted), rows sorted: equal snapshots mean equal data. */
export async function snapshot(db: Kysely<DB>, dialect: Dialect): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await tableNames(db, dialect)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db);
    out[t] = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k]]))).sort();
  }
  return out;
}

/** A long-layout CSV of `count` values over the given enterprise codes (5 indicators × 48 months each). */
export function valuesCsv(codes: string[], count: number, seed = 7): string {
  const lines = ['org_code,indicator_code,period,value'];
  const periods = months(2017, 48);
  let s = seed;
  outer: for (const code of codes) {
    for (const ind of INDICATORS.slice(0, 5)) {
      for (const p of periods) {
        s = (s * 1103515245 + 12345) % 2147483648;
        lines.push(`${code},${ind},${p},${Math.round((s / 2147483648) * 1e6) / 10}`);
        if (lines.length > count) break outer;
      }
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * Stored aggregates that differ from a rebuild from the values. Every value of an enterprise, county or
 * zone lands in exactly one row of the `county` dimension (an enterprise without a county in 未分类), so per
 * entered indicator and period the county rows must add up to the values' sum and count.
 */
export async function aggregateMismatches(db: Kysely<DB>): Promise<string[]> {
  const { rows: values } = await sql<{ k: string; total: number; n: number }>`
    select dv.indicator_code || '/' || dv.period as k, sum(dv.value) as total, count(*) as n
    from data_value dv join organization o on o.id = dv.org_id
    where o.kind in ('enterprise', 'county', 'zone')
    group by dv.indicator_code, dv.period`.execute(db);
  const { rows: stored } = await sql<{ k: string; total: number; n: number }>`
    select a.indicator_code || '/' || a.period as k, sum(a.value) as total, sum(a.n) as n
    from aggregate_value a join indicator i on i.code = a.indicator_code
    where a.dim_kind = 'county' and i.level <> 'derived'
    group by a.indicator_code, a.period
    having sum(a.n) <> 0`.execute(db);
  const want = new Map(values.map((r) => [r.k, r]));
  const got = new Map(stored.map((r) => [r.k, r]));
  const bad: string[] = [];
  for (const k of new Set([...want.keys(), ...got.keys()])) {
    const w = want.get(k), g = got.get(k);
    const wt = Number(w?.total ?? 0), gt = Number(g?.total ?? 0);
    if (Number(w?.n ?? 0) !== Number(g?.n ?? 0) || Math.abs(wt - gt) > 1e-6 * Math.max(1, Math.abs(wt))) bad.push(`${k}: values ${wt} (${w?.n ?? 0}) vs aggregates ${gt} (${g?.n ?? 0})`);
  }
  return bad;
}
