// How one process uses its SQLite file: two connections, and writers of several processes (WORKERS=N, the
// CLI beside the server) taking turns on the file's write lock.
//
// Two connections. Kysely's SQLite driver has one connection behind a mutex: while a write transaction was
// open — and while it waited for the lock another worker held — every read of the process waited for it,
// and under a stream of one-value writes the reads' tail reached 300–500 ms. Here reads that run outside a
// transaction go to a connection of their own and never wait for the process's writer: in WAL mode a read sees
// the last commit. Transactions, and any statement that writes, run on the writer connection, one at a time.
//
// Taking turns. With busy_timeout alone a writer that finds the lock taken waits inside SQLite, synchronously:
// the whole process stops, and SQLite's waits grow (1, 2, 5 … 100 ms). Here the writer connection never waits
// inside SQLite (busy_timeout 0): a transaction's `begin immediate`, or a single writing statement, that finds
// the lock taken is tried again after 1–3 ms on a timer, so the process goes on serving meanwhile, until the
// same 15 s as before.
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, SelectQueryNode,
  type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult,
} from 'kysely';

export const BUSY_TIMEOUT_MS = 15_000;

const isBusy = (e: unknown): boolean => (e as { code?: string })?.code === 'SQLITE_BUSY';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One at a time, in arrival order. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => { release = r; });
    const turn = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return turn;
  }
}

function run(handle: SQLite.Database, { sql, parameters }: CompiledQuery): QueryResult<unknown> {
  const stmt = handle.prepare(sql);
  if (stmt.reader) return { rows: stmt.all(parameters as unknown[]) };
  const { changes, lastInsertRowid } = stmt.run(parameters as unknown[]);
  return { numAffectedRows: changes == null ? undefined : BigInt(changes), insertId: lastInsertRowid == null ? undefined : BigInt(lastInsertRowid), rows: [] };
}

const READING = /^\s*(?:\/\*[^*]*\*\/\s*)*(?:select|with)\b/i;

/**
 * Whether a statement outside a transaction may run on the reader: a select (or with) the reader prepares as
 * read-only. Anything else goes to the writer without being prepared here: DDL run by the migrations would
 * be checked against the reader's schema, which has not yet seen the writer's uncommitted changes.
 */
function readsOnly(reader: SQLite.Database, sql: string): boolean {
  if (!READING.test(sql)) return false;
  try {
    return reader.prepare(sql).readonly;
  } catch {
    return false; // the writer reports the error, or finds a table the reader has not seen yet
  }
}

/** One acquisition: reads go to the reader until a transaction begins on it; then everything goes to the writer. */
class RoutedConnection implements DatabaseConnection {
  release: (() => void) | null = null;

  constructor(private readonly driver: TwoConnectionDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { reader, writer } = this.driver;
    if (this.release) return run(writer, query) as QueryResult<R>;
    if (reader !== writer && readsOnly(reader, query.sql)) return run(reader, query) as QueryResult<R>;
    const release = await this.driver.writerTurn.lock();
    try {
      return await this.driver.whenFree(() => run(writer, query) as QueryResult<R>);
    } finally {
      release();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only select queries');
    // An iterating statement keeps its connection busy: the reader is shared by every request, so a stream
    // runs on the writer, in its turn (nothing streams today).
    const release = this.release ? null : await this.driver.writerTurn.lock();
    try {
      for (const row of this.driver.writer.prepare(query.sql).iterate(query.parameters as unknown[])) yield { rows: [row as R] };
    } finally {
      release?.();
    }
  }
}

class TwoConnectionDriver implements Driver {
  readonly writerTurn = new Mutex();

  constructor(readonly writer: SQLite.Database, readonly reader: SQLite.Database) {}

  async init(): Promise<void> {
    this.writer.pragma('busy_timeout = 0');
  }

  /** `attempt` once the file's write lock is free: tried again on a timer while another process holds it. */
  async whenFree<T>(attempt: () => T): Promise<T> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (;;) {
      try {
        return attempt();
      } catch (e) {
        if (!isBusy(e) || Date.now() > deadline) throw e;
      }
      await sleep(1 + Math.random() * 2);
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as RoutedConnection;
    const release = await this.writerTurn.lock();
    try {
      await this.whenFree(() => this.writer.prepare('begin immediate').run());
      c.release = release;
    } finally {
      if (!c.release) release();
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as RoutedConnection;
    const release = c.release;
    c.release = null;
    release?.();
  }

  async destroy(): Promise<void> {
    this.writer.close();
    if (this.reader !== this.writer) this.reader.close();
  }
}

/**
 * Kysely's SQLite dialect over a writer and a reader connection to one file (the same handle twice for an
 * in-memory database, where a second connection would open another database).
 */
export class TwoConnectionSqliteDialect implements Dialect {
  constructor(private readonly handles: { writer: SQLite.Database; reader: SQLite.Database }) {}

  createDriver(): Driver { return new TwoConnectionDriver(this.handles.writer, this.handles.reader); }
  createQueryCompiler() { return new SqliteQueryCompiler(); }
  createAdapter() { return new SqliteAdapter(); }
  createIntrospector(db: Kysely<unknown>) { return new SqliteIntrospector(db); }
}
