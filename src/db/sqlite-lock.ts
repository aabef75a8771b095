// Writers of several processes on one SQLite file (WORKERS=N, the CLI beside the server) take turns on its
// write lock. With busy_timeout alone a writer that finds the lock taken waits inside SQLite, synchronously:
// the whole process — every request it serves — stops, and SQLite's waits grow (1, 2, 5 … 100 ms), so under
// a stream of writes from two workers the answers' tail reached seconds. Here a transaction's
// `begin immediate` is tried without waiting; when the lock is taken the attempt is repeated after 1–3 ms on
// a timer, so the process goes on serving meanwhile, until the same 15 s as before. Single statements outside
// a transaction keep busy_timeout.
import type SQLite from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDialectConfig } from 'kysely';

export const BUSY_TIMEOUT_MS = 15_000;

const isBusy = (e: unknown): boolean => (e as { code?: string })?.code === 'SQLITE_BUSY';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class TurnTakingDriver extends SqliteDriver {
  constructor(config: SqliteDialectConfig, private readonly handle: SQLite.Database) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (;;) {
      this.handle.pragma('busy_timeout = 0');
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        return;
      } catch (e) {
        if (!isBusy(e) || Date.now() > deadline) throw e;
      } finally {
        this.handle.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
      await sleep(1 + Math.random() * 2);
    }
  }
}

/** Kysely's SQLite dialect whose transactions wait for the write lock without holding the event loop. */
export class TurnTakingSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: SqliteDialectConfig & { database: SQLite.Database }) {
    super(cfg);
  }

  override createDriver(): SqliteDriver {
    return new TurnTakingDriver(this.cfg, this.cfg.database);
  }
}
