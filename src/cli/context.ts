// What every CLI command that reads or writes the monitoring data shares: the database, the check that
// it is initialised, and the actor the CLI acts as.
import type { Actor } from '../core/policy';
import { openDatabase } from '../db/connect';
import { isInitialized } from '../db/seed/init-database';
import { createStore } from '../db/store';
import { secrets } from '../server/auth/secrets';
import { mailerFromEnv } from '../server/mailer';
import { UsageError } from './output';

export const NOT_INITIALISED = '数据库尚未初始化，请先运行 sei init --demo / database not initialised: run sei init --demo';

/** Opens the database (DATABASE_URL) with the use-case dependencies, without checking it. */
export const deps = () => {
  const database = openDatabase();
  return { database, deps: { store: createStore(database.db), secrets, mailer: mailerFromEnv() } };
};

/** Opens the database for a command that needs the plan and reference data (runs pending migrations). */
export const ready = async () => {
  const opened = deps();
  if (!(await isInitialized(opened.database))) {
    await opened.database.close();
    throw new UsageError(NOT_INITIALISED);
  }
  return opened;
};

/** Opens the initialised database, runs `fn` with the use-case dependencies and closes it. */
export async function withDeps<T>(fn: (d: Awaited<ReturnType<typeof ready>>['deps']) => Promise<T>): Promise<T> {
  const { database, deps } = await ready();
  try {
    return await fn(deps);
  } finally {
    await database.close();
  }
}

/**
 * The CLI acts as the system (no user scope). Use-cases that accept `null` get `null`; those that need an
 * actor (they scope what they return by it, or record who acted) get this system administrator, recorded
 * as `cli` like the `null` actor's writes. It is no user row: its id names no user.
 */
export const SYSTEM_ACTOR: Actor = { userId: 'cli', username: 'cli', role: 'admin', orgId: null };
