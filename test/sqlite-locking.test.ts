// SQLite only (PostgreSQL locks rows, not the file): a transaction takes the write lock when it begins, so a
// second process that writes meanwhile waits for it (busy_timeout) instead of failing with "database is
// locked" when the first one upgrades from reading to writing — the CLI importing beside the server.
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedDatabase, type TestDatabase } from './helpers/databases';

describe('sqlite: transactions begin immediate', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase('sqlite');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('holds the write lock from the start of a transaction until it ends', async () => {
    const other = new SQLite(database.url.slice('sqlite:'.length));
    other.pragma('busy_timeout = 0');
    try {
      let seenInside: unknown = null;
      await database.db.transaction().execute(async (trx) => {
        await sql`select count(*) from organization`.execute(trx);
        // Another connection cannot start writing while this transaction is open (it has only read so far).
        try {
          other.exec('begin immediate');
          other.exec('rollback');
        } catch (err) {
          seenInside = (err as { code?: string }).code;
        }
      });
      expect(seenInside).toBe('SQLITE_BUSY');
      // Once it ended, the other connection writes at once.
      expect(() => { other.exec('begin immediate'); other.exec('rollback'); }).not.toThrow();
    } finally {
      other.close();
    }
  });
});
