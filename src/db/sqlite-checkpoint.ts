// WAL checkpoints away from the request workers. With SQLite's automatic checkpoint the commit that fills
// the WAL past 1,000 pages copies them into the database file and syncs it, inside the request: at 10 M values
// one commit in a hundred took 12–20 ms instead of ≈ 0.1 ms (≈ 0.45 ms of a 2.2 ms one-value write, on
// average), during which that worker answered nothing and held its turn at the write lock. Under WORKERS=N
// the workers turn the automatic checkpoint off and the primary, which serves no requests, checkpoints every
// 200 ms on a connection of its own. A PASSIVE checkpoint never waits for readers or writers, as the
// automatic one did not either. Other processes on the file (the CLI) keep the automatic checkpoint.
import SQLite from 'better-sqlite3';

/** Set by the primary for the workers it forks: 'primary' turns their automatic checkpoint off. */
export const CHECKPOINT_ENV = 'SEI_WAL_CHECKPOINT';

export const CHECKPOINT_EVERY_MS = 200;

export interface Checkpointer {
  /** Checkpoints so far, and frames copied into the database file. */
  stats: () => { runs: number; copied: number; failures: number };
  stop: () => void;
}

/** Checkpoints the WAL of the SQLite file at `path` every `everyMs`. */
export function startCheckpointer(path: string, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const db = new SQLite(path);
  db.pragma('busy_timeout = 0');
  let runs = 0;
  let copied = 0;
  let failures = 0;
  const timer = setInterval(() => {
    try {
      const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      runs++;
      copied += r?.checkpointed ?? 0;
    } catch {
      failures++; // busy (another checkpoint is running): the next tick tries again
    }
  }, everyMs);
  return {
    stats: () => ({ runs, copied, failures }),
    stop: () => {
      clearInterval(timer);
      db.close();
    },
  };
}
