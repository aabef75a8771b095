// SQLite only (PostgreSQL has no WAL file to checkpoint): under WORKERS=N the workers' connections do not
// checkpoint the WAL (their commits never copy pages into the database file while requests wait) and the
// cluster primary does it every 200 ms on a connection of its own (src/db/sqlite-checkpoint.ts).
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, sqlitePath } from '../src/db/connect';
import { CHECKPOINT_ENV, startCheckpointer } from '../src/db/sqlite-checkpoint';
import { createMigratedDatabase, type TestDatabase } from './helpers/databases';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sqlite: WAL checkpoints by the cluster primary', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    delete process.env[CHECKPOINT_ENV];
    await database?.drop();
    database = undefined;
  });

  it('workers write without checkpointing; the checkpointer copies their frames into the database file', async () => {
    database = await createMigratedDatabase('sqlite');
    const path = sqlitePath(database.url);
    process.env[CHECKPOINT_ENV] = 'primary';
    const worker = openDatabase(database.url);
    try {
      await sql`create table cp_probe (k integer primary key, v text not null)`.execute(worker.db);
      // Well past the 1,000 pages at which SQLite's automatic checkpoint would have run.
      for (let i = 0; i < 40; i++) {
        await worker.db.transaction().execute(async (trx) => {
          for (let k = 0; k < 50; k++) await sql`insert into cp_probe (k, v) values (${i * 50 + k}, ${'x'.repeat(2000)})`.execute(trx);
        });
      }
      const walBefore = statSync(`${path}-wal`).size;
      const dbBefore = statSync(path).size;
      expect(walBefore).toBeGreaterThan(1000 * 4096);
      const checkpointer = startCheckpointer(path, 20);
      try {
        for (let i = 0; i < 100 && checkpointer.stats().copied === 0; i++) await sleep(20);
        expect(checkpointer.stats().copied).toBeGreaterThan(1000);
        expect(statSync(path).size).toBeGreaterThan(dbBefore + 2000 * 2000);
      } finally {
        checkpointer.stop();
      }
      const n = await sql<{ n: number }>`select count(*) as n from cp_probe`.execute(worker.db);
      expect(Number(n.rows[0]!.n)).toBe(2000);
    } finally {
      await worker.close();
    }
  });
});
