// Indexes for reads under load, both databases. Migration 0018: the (indicator_code, period) index of
// data_value carries org_id, status and value, so the targets' one-period sums by review status are answered
// from the index; down puts the narrow index back. Migration 0019: a partial index on audit_log.at without data
// writes, report steps and logins, for the directory's watermark (kept enterprise pages).
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrate';
import { cityStatusRows } from '../src/db/repositories/city-status';
import { createStore } from '../src/db/store';
import type { DB } from '../src/db/schema';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';

async function indexColumns(db: Kysely<DB>, dialect: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from pragma_index_info('data_value_indicator_period') order by seqno`.execute(db);
    return rows.rows.map((r) => r.name);
  }
  const def = await sql<{ d: string }>`select pg_get_indexdef(i.indexrelid) as d from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'data_value_indicator_period'`.execute(db);
  return /\((.*)\)/.exec(def.rows[0]!.d)![1]!.split(',').map((s) => s.trim());
}

describe.each(dialects)('%s: migrations 0018 (covering values index) and 0019 (directory audit index)', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('widens the index, answers a period\'s sums by status from it, and goes back down and up with every row kept', async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    const db = database.db;
    expect(await indexColumns(db, dialect)).toEqual(['indicator_code', 'period', 'org_id', 'status', 'value']);
    const count = async () => Number((await sql<{ n: number }>`select count(*) as n from data_value`.execute(db)).rows[0]!.n);
    const before = await count();
    const sums = await cityStatusRows(db, 'SEI_REVENUE', ['201912']);
    expect(sums.length).toBeGreaterThan(0);
    if (dialect === 'sqlite') {
      const plan = await sql<{ detail: string }>`explain query plan select status, sum(value), count(*) from data_value where indicator_code = ${'REVENUE'} and period = ${'201912'} and org_id in (select org_id from enterprise) group by status`.execute(db);
      expect(plan.rows.map((r) => r.detail).join(' | ')).toContain('COVERING INDEX data_value_indicator_period');
    }
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    expect((await migrator.migrateTo('0017-partitions')).error).toBeUndefined();
    expect(await indexColumns(db, dialect)).toEqual(['indicator_code', 'period']);
    // The same sums (a sum in another order may differ in the last bits of a double).
    const rounded = (rows: typeof sums) => rows.map((r) => ({ ...r, value: +r.value.toFixed(6) })).sort((a, b) => a.status.localeCompare(b.status));
    expect(rounded(await cityStatusRows(db, 'SEI_REVENUE', ['201912']))).toEqual(rounded(sums));
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await indexColumns(db, dialect)).toEqual(['indicator_code', 'period', 'org_id', 'status', 'value']);
    expect(await count()).toBe(before);
  });

  it('reads the directory watermark from the partial index, past any number of data writes; down and up again', async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    const db = database.db;
    const store = createStore(db);
    const before = await store.cockpit.directoryWatermark();
    expect(before).not.toBe('');
    const row = (at: string, entity: string) => sql`insert into audit_log (id, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, ip)
      values (${`t-${entity}-${at}`}, ${at}, ${null}, ${'test'}, ${'update'}, ${entity}, ${'x'}, ${null}, ${null}, ${null})`.execute(db);
    // Data writes, report steps and logins after it leave it alone; the app's own watermark moves.
    const all = await store.cockpit.watermark();
    for (const [i, entity] of ['data_value_batch', 'data_value', 'report', 'session'].entries()) await row(`2099-01-01T00:00:0${i}.000Z`, entity);
    expect(await store.cockpit.directoryWatermark()).toBe(before);
    expect(await store.cockpit.watermark()).not.toBe(all);
    await row('2099-01-02T00:00:00.000Z', 'enterprise');
    expect(await store.cockpit.directoryWatermark()).toContain('2099-01-02');
    if (dialect === 'sqlite') {
      const plan = await sql<{ detail: string }>`explain query plan select at from audit_log where entity not in ('data_value_batch', 'data_value', 'report', 'session') order by at desc limit 1`.execute(db);
      expect(plan.rows.map((r) => r.detail).join(' | ')).toContain('audit_log_directory_at');
    }
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    expect((await migrator.migrateTo('0018-values-covering-index')).error).toBeUndefined();
    expect(await store.cockpit.directoryWatermark()).toContain('2099-01-02'); // the same answer without the index
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});
