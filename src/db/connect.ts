// DATABASE_URL picks the database: unset or sqlite:PATH → embedded SQLite; postgres://… → PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';
import { withStatementCache } from './sqlite-batch';
import { BUSY_TIMEOUT_MS, TwoConnectionSqliteDialect } from './sqlite-lock';
import { prepareMarkedStatements } from './pg-prepared';
import { CHECKPOINT_ENV } from './sqlite-checkpoint';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where it points, without a password — for logs and /api/health. */
  label: string;
  /**
   * PostgreSQL with DATABASE_READ_URL: a read-only instance on a streaming replica, which the store uses for
   * the dashboard, aggregate and public reads (src/db/replica-reads.ts). Writes and transactions stay on `db`.
   */
  read?: Kysely<DB>;
  close: () => Promise<void>;
}

export const DEFAULT_SQLITE_PATH = './data/sei.db';

// pg returns int8 (count(*)) and numeric as strings; numbers are what the domain uses, so parse them
// here once. int8 values in this schema are counts and sums that fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function dialectOf(url: string | undefined): Dialect {
  if (!url || url.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(
    `DATABASE_URL 无法识别 / not understood: "${url}" — use sqlite:PATH or postgres://user@host:port/db`,
  );
}

export function sqlitePath(url: string | undefined): string {
  if (!url) return DEFAULT_SQLITE_PATH;
  const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  return path || DEFAULT_SQLITE_PATH;
}

export function openDatabase(url: string | undefined = process.env.DATABASE_URL, readUrl: string | undefined = process.env.DATABASE_READ_URL): Database {
  const dialect = dialectOf(url);
  if (readUrl && (dialect !== 'postgres' || dialectOf(readUrl) !== 'postgres')) {
    throw new Error('DATABASE_READ_URL 仅用于 PostgreSQL 只读副本 / DATABASE_READ_URL is for a PostgreSQL read replica, with a postgres:// DATABASE_URL');
  }
  if (dialect === 'sqlite') {
    const path = sqlitePath(url);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const open = () => {
      const sqlite = withStatementCache(new SQLite(path));
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      // A writer waits this long for another (a CLI import beside the server) before giving up.
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      return sqlite;
    };
    const writer = open();
    // Under WORKERS=N the primary checkpoints the WAL (src/db/sqlite-checkpoint.ts): a worker's commit then
    // never copies pages into the database file while its requests wait.
    if (process.env[CHECKPOINT_ENV] === 'primary') writer.pragma('wal_autocheckpoint = 0');
    // A second connection for reads (src/db/sqlite-lock.ts); an in-memory database has only the one.
    const reader = path === ':memory:' ? writer : open();
    const db = new Kysely<DB>({ dialect: new TwoConnectionSqliteDialect({ writer, reader }) });
    return { db, dialect, label: `sqlite:${path}`, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (restart, administrator command) must not crash the process;
  // the pool drops it and the next query opens a new one.
  pool.on('error', () => undefined);
  prepareMarkedStatements(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const hide = (u: string) => u.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@');
  if (!readUrl) return { db, dialect, label: hide(url ?? ''), close: () => db.destroy() };
  // Read-only sessions: should the read URL point at the primary by mistake, a write through it still fails.
  const readPool = new pg.Pool({ connectionString: readUrl, max: 10, options: '-c default_transaction_read_only=on' });
  readPool.on('error', () => undefined);
  prepareMarkedStatements(readPool);
  const read = new Kysely<DB>({ dialect: new PostgresDialect({ pool: readPool }) });
  return { db, read, dialect, label: `${hide(url ?? '')} (reads: ${hide(readUrl)})`, close: async () => { await db.destroy(); await read.destroy(); } };
}
