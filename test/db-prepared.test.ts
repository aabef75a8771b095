// The value watermark (read on every cockpit and targets request) answers the newest value audit row; on
// PostgreSQL it runs as a named prepared statement (src/db/pg-prepared.ts), since planning it over the year
// partitions cost more than running it. Both databases.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/db/store';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';

describe.each(dialects)('%s: the value watermark', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createInitializedDatabase(dialect, { demo: true }); });
  afterAll(async () => { await database?.drop(); });

  it('moves with a value audit row, and is prepared once per connection on PostgreSQL', async () => {
    const store = createStore(database.db);
    const before = await store.cockpit.watermark();
    await sql`insert into data_value_audit (id, org_id, indicator_code, period, action, old_value, new_value, old_status, new_status, reason, source, batch_id, actor_id, actor_name, at)
      values (${'wm-test'}, ${'x'}, ${'REVENUE'}, ${'2099'}, ${'update'}, ${null}, ${1}, ${null}, ${'draft'}, ${null}, ${'api'}, ${null}, ${null}, ${'test'}, ${'2099-01-01T00:00:00.000Z'})`.execute(database.db);
    const after = await store.cockpit.watermark();
    expect(after).not.toBe(before);
    expect(after).toContain('2099-01-01');
    if (dialect === 'postgres') {
      // One connection, so the prepared statement and the look-up share a session.
      await database.db.connection().execute(async (conn) => {
        const s = createStore(conn as never);
        for (let i = 0; i < 3; i++) await s.cockpit.watermark();
        const r = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(conn);
        expect(r.rows.map((x) => x.name)).toContain('sei_value_watermark');
      });
    }
  });
});
