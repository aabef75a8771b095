// Migration 0017: on PostgreSQL data_value and data_value_audit become partitioned by year (RANGE on the
// period text); on SQLite nothing changes. Both: a database filled at 0015 keeps every row through the
// migration and back down (on PostgreSQL a failed attempt changes nothing); the write paths (unnest upsert, status change, audit) work on the new tables.
// PostgreSQL: rows land in their year's partition (every period format), an unknown year in DEFAULT, and a
// one-year query reads one partition.
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../src/core/ids';
import type { Dialect } from '../src/db/connect';
import { LAST_YEAR } from '../src/db/migrations/0017-partitions';
import { setValueStatus, valueAudit, valuesOf, writeValues } from '../src/db/repositories/statistics-values';
import type { DB } from '../src/db/schema';
import { createDatabaseAt, createMigratedDatabase, dialects, type TestDatabase } from './helpers/databases';

const TABLES = ['data_value', 'data_value_audit'] as const;
const ORDER = { data_value: 'org_id, indicator_code, period', data_value_audit: 'id' };

/** Every period format the product stores for a year: the year, its quarters and its months. */
const periodsOf = (y: number) => [String(y), ...[1, 2, 3, 4].map((q) => `${y}Q${q}`), ...Array.from({ length: 12 }, (_, m) => `${y}${String(m + 1).padStart(2, '0')}`)];

async function rows(db: Kysely<DB>, table: (typeof TABLES)[number]): Promise<string[]> {
  const { rows: list } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.raw(ORDER[table])}`.execute(db);
  return list.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k]])));
}

async function partitioned(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  if (dialect === 'sqlite') return [];
  const { rows: list } = await sql<{ name: string }>`select c.relname as name from pg_partitioned_table p join pg_class c on c.oid = p.partrelid order by 1`.execute(db);
  return list.map((r) => r.name);
}

async function indexNames(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const { rows: list } = dialect === 'sqlite'
    ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name in ('data_value', 'data_value_audit') and name not like 'sqlite_%' order by 1`.execute(db)
    : await sql<{ name: string }>`select indexname as name from pg_indexes where tablename in ('data_value', 'data_value_audit') order by 1`.execute(db);
  return list.map((r) => r.name);
}

describe.each(dialects)('%s: migration 0017 (partitions by year)', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('keeps every row of the values and their audit, up and back down', async () => {
    let migrator: Migrator;
    ({ database, migrator } = await createDatabaseAt(dialect, '0015-cockpit'));
    const db = database.db;
    const indexesBefore = await indexNames(db, dialect);

    // Years inside the span, at its edges, before it, after it, and far off; every period format.
    const years = [1999, 2000, 2019, 2020, LAST_YEAR, LAST_YEAR + 1, 2099, 2500];
    const values: Record<string, unknown>[] = [];
    const audits: Record<string, unknown>[] = [];
    let i = 0;
    for (let o = 0; o < 12; o++) {
      for (const ind of ['REVENUE', 'OUTPUT', 'PROFIT']) {
        for (const y of years) {
          for (const period of periodsOf(y)) {
            i++;
            const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
            values.push({
              org_id: `org${o}`, indicator_code: ind, period, year: y, value: i % 7 === 0 ? -i / 3 : i * 1.25, status: ['draft', 'submitted', 'approved'][i % 3],
              source: i % 2 ? 'file' : 'form', batch_id: i % 5 ? `b${i % 11}` : null, comment: i % 4 ? null : `备注 ${i} "quoted"`, source_url: i % 9 ? null : 'https://stats.example/x',
              source_type: i % 9 ? null : 'yearbook', reliability: i % 9 ? null : 'high', row_version: 1 + (i % 3), updated_by: 'tongji', updated_at: at,
            });
            audits.push({
              id: newId(Date.UTC(2026, 0, 1) + i), org_id: `org${o}`, indicator_code: ind, period, action: i % 3 ? 'update' : 'create', old_value: i % 3 ? i : null, new_value: i * 1.25,
              old_status: null, new_status: 'draft', reason: i % 6 ? null : '更正', source: 'file', batch_id: `b${i % 11}`, actor_id: null, actor_name: 'tongji', at,
            });
          }
        }
      }
    }
    for (let k = 0; k < values.length; k += 400) {
      await db.insertInto('data_value').values(values.slice(k, k + 400) as never).execute();
      await db.insertInto('data_value_audit').values(audits.slice(k, k + 400) as never).execute();
    }
    const before = { data_value: await rows(db, 'data_value'), data_value_audit: await rows(db, 'data_value_audit') };
    expect(before.data_value).toHaveLength(12 * 3 * years.length * 17);
    expect(await partitioned(db, dialect)).toEqual([]);

    if (dialect === 'postgres') {
      // A name the migration needs for the audit (converted after data_value) is taken: it fails, and its
      // one transaction leaves both old tables whole, data_value included.
      await sql`create table data_value_audit_y2030 (x int)`.execute(db);
      expect((await migrator.migrateToLatest()).error).toBeDefined();
      expect(await partitioned(db, dialect)).toEqual([]);
      for (const t of TABLES) expect(await rows(db, t), t).toEqual(before[t]);
      await sql`drop table data_value_audit_y2030`.execute(db);
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    for (const t of TABLES) expect(await rows(db, t), t).toEqual(before[t]);
    // The old indexes keep their names (plus, on PostgreSQL, one per partition).
    const indexesAfter = await indexNames(db, dialect);
    for (const name of indexesBefore.filter((n) => n !== 'data_value_audit_pkey')) expect(indexesAfter, name).toContain(name);
    if (dialect === 'postgres') {
      expect(await partitioned(db, dialect)).toEqual(['data_value', 'data_value_audit']);
      // Each row sits in its year's partition; years found in the data got one (1999, 2041, 2099); 2500 is DEFAULT.
      for (const t of TABLES) {
        const { rows: placed } = await sql<{ period: string; part: string }>`select period, tableoid::regclass::text as part from ${sql.table(t)}`.execute(db);
        const wrong = placed.filter((r) => r.part !== (r.period.startsWith('2500') ? `${t}_default` : `${t}_y${r.period.slice(0, 4)}`));
        expect(wrong.slice(0, 3), t).toEqual([]);
      }
      const pk = await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'data_value'::regclass and contype = 'p'`.execute(db);
      expect(pk.rows[0]!.def).toBe('PRIMARY KEY (org_id, indicator_code, period)');
    }

    expect((await migrator.migrateTo('0015-cockpit')).error).toBeUndefined();
    expect(await partitioned(db, dialect)).toEqual([]);
    for (const t of TABLES) expect(await rows(db, t), t).toEqual(before[t]);
    expect(await indexNames(db, dialect)).toEqual(indexesBefore);
  });

  it('writes through the upsert, status and audit paths; PostgreSQL places each year in its partition and prunes the others', async () => {
    database = await createMigratedDatabase(dialect);
    const db = database.db;
    const meta = { actorId: null, actorName: 'tongji', now: '2026-12-01T08:00:00.000Z', batchId: null };
    const attrs = { status: 'draft' as const, source: 'file', sourceUrl: null, sourceType: null, reliability: null };
    const periods = [...periodsOf(2019), '2099'];
    const write = (value: number) => writeValues(db, periods.map((period) => ({ orgId: 'org1', indicatorCode: 'REVENUE', period, year: Number(period.slice(0, 4)), value, comment: null })), attrs,
      periods.map((period) => ({ orgId: 'org1', indicatorCode: 'REVENUE', period, action: 'update' as const, oldValue: null, newValue: value, oldStatus: null, newStatus: 'draft', reason: null, source: 'file' })), meta);
    await write(1);
    await write(2); // the same keys again: ON CONFLICT (org_id, indicator_code, period) updates in place
    await setValueStatus(db, [{ orgId: 'org1', indicatorCode: 'REVENUE', period: '2099' }], 'submitted', meta);
    const stored = await valuesOf(db, { orgIds: ['org1'] });
    expect(stored).toHaveLength(periods.length);
    expect(stored.every((v) => v.value === 2 && v.rowVersion === (v.period === '2099' ? 3 : 2))).toBe(true);
    expect(stored.find((v) => v.period === '2099')!.status).toBe('submitted');
    expect(await valueAudit(db, { orgId: 'org1', period: '2099', limit: 10 })).toHaveLength(3);
    expect(await valuesOf(db, { fromPeriod: '2019', toPeriod: '2019Q4' })).toHaveLength(17);

    if (dialect === 'sqlite') {
      expect((await indexNames(db, dialect))).toContain('data_value_indicator_period');
      return;
    }
    for (const t of TABLES) {
      const { rows: placed } = await sql<{ period: string; part: string }>`select period, tableoid::regclass::text as part from ${sql.table(t)}`.execute(db);
      for (const r of placed) expect(r.part, `${t} ${r.period}`).toBe(r.period === '2099' ? `${t}_default` : `${t}_y2019`);
      const inherits = await sql<{ n: number }>`select count(*)::int as n from pg_inherits where inhparent = ${t}::regclass`.execute(db);
      expect(inherits.rows[0]!.n).toBe(2040 - 2000 + 1 + 1);
    }
    const plan = async (query: ReturnType<typeof sql>) => (await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(db)).rows.map((r) => r['QUERY PLAN']).join('\n');
    const scanned = (text: string, t: string) => [...new Set([...text.matchAll(new RegExp(`\\b(${t}_(?:y\\d{4}|default))\\b`, 'g'))].map((m) => m[1]))];
    expect(scanned(await plan(sql`select sum(value) from data_value where period >= '2019' and period < '2020'`), 'data_value')).toEqual(['data_value_y2019']);
    expect(scanned(await plan(sql`select * from data_value where indicator_code = 'REVENUE' and period in ('2019Q4', '201911', '2019')`), 'data_value')).toEqual(['data_value_y2019']);
    expect(scanned(await plan(sql`select * from data_value_audit where org_id = 'org1' and period = '201903'`), 'data_value_audit')).toEqual(['data_value_audit_y2019']);
    // Without a period every partition is read: the contrast that shows the pruning above is real.
    expect(scanned(await plan(sql`select sum(value) from data_value where indicator_code = 'REVENUE'`), 'data_value').length).toBe(42);
  });
});
