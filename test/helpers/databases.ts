// Every database test runs on both dialects. PostgreSQL comes from TEST_DATABASE_URL (default the
// local server); each test database is created fresh and dropped afterwards. A PostgreSQL that
// cannot be reached fails the test — it is never skipped.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Dialect } from '../../src/db/connect';
import { Migrator } from 'kysely';
import { MIGRATIONS, migrateToLatest } from '../../src/db/migrate';
import { initDatabase } from '../../src/db/seed/init-database';
import { secrets } from '../../src/server/auth/secrets';
import { currentTemplates } from './templates';

export const dialects: Dialect[] = ['sqlite', 'postgres'];

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  url: string;
  /** Closes the connection and deletes the database. */
  drop: () => Promise<void>;
}

let counter = 0;

async function createDatabase(admin: pg.Client, name: string, template?: string): Promise<void> {
  if (!template) {
    await admin.query(`CREATE DATABASE ${name}`);
    return;
  }
  // Two copies of one template at the same moment can meet "source database is being accessed by other
  // users" while the other copy starts: wait and retry.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/** A fresh database; with `template`, a copy of that template (a file on SQLite, a database on PostgreSQL). */
export async function createTestDatabase(dialect: Dialect, template?: string): Promise<TestDatabase> {
  const name = `sei_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sei-test-'));
    const file = join(dir, `${name}.db`);
    if (template) copyFileSync(template, file);
    const url = `sqlite:${file}`;
    const database = openDatabase(url);
    return { ...database, url, drop: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await createDatabase(admin, name, template);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  return {
    ...database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      // A pool that has just ended may still be leaving the server; retry the drop briefly.
      for (let attempt = 1; ; attempt++) {
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
        try {
          await c.connect();
          // Let the closed pool's connections leave first: FORCE would otherwise kill one mid-goodbye
          // and its client would raise an uncaught error in the test process.
          for (let i = 0; i < 50; i++) {
            const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
            if (rows[0].n === 0) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          return;
        } catch (err) {
          if (attempt >= 5) throw err;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        } finally {
          await c.end().catch(() => undefined);
        }
      }
    },
  };
}

/** A migrated, empty database. */
export async function createMigratedDatabase(dialect: Dialect): Promise<TestDatabase> {
  const db = await createTestDatabase(dialect);
  await migrateToLatest(db.db);
  return db;
}

/** A database as `sei init [--demo]` leaves it: reference data, organisations, the Xingtai plan. */
export async function createInitializedDatabase(dialect: Dialect, opts: { demo?: boolean } = {}): Promise<TestDatabase> {
  const demo = opts.demo ?? true;
  // Inside the test run, a copy of the run's template (test/helpers/templates.ts) made by the same code.
  const template = (await currentTemplates())?.[dialect]?.[demo ? 'demo' : 'plain'];
  if (template) return createTestDatabase(dialect, template);
  const db = await createTestDatabase(dialect);
  await initDatabase(db, secrets, { demo: opts.demo ?? true, force: false });
  return db;
}

/**
 * For a migration's own test: a fresh database migrated up to `name` (the migration before the one tested),
 * with the migrator to take it further or back.
 */
export async function createDatabaseAt(dialect: Dialect, name: string): Promise<{ database: TestDatabase; migrator: Migrator }> {
  const database = await createTestDatabase(dialect);
  const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => MIGRATIONS } });
  const r = await migrator.migrateTo(name);
  if (r.error) throw r.error;
  return { database, migrator };
}
