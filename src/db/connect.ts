// DATABASE_URL picks the database: unset or sqlite:PATH → embedded SQLite; postgres://… → PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';
import { withStatementCache } from './sqlite-batch';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where it points, without a password — for logs and /api/health. */
  label: string;
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

export function openDatabase(url: string | undefined = process.env.DATABASE_URL): Database {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const path = sqlitePath(url);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = withStatementCache(new SQLite(path));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // A writer waits this long for another (a CLI import beside the server) before giving up.
    sqlite.pragma('busy_timeout = 15000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect, label: `sqlite:${path}`, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (restart, administrator command) must not crash the process;
  // the pool drops it and the next query opens a new one.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect, label: (url ?? '').replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@'), close: () => db.destroy() };
}
