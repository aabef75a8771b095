// A thin wrapper around the better-sqlite3 handle Kysely uses:
// - transactions begin immediate (see prepare);
// - prepared statements are cached by SQL text (Kysely prepares on every execution);
// - a statement marked `/*batch*/` takes an array of rows as its parameters and runs once per row.
//   Bulk writes (imports) go through Kysely's executeQuery — same connection, same transaction — but
//   cost one prepared single-row execution per row, the fastest way to write SQLite from Node. The
//   parameters go as separate arguments (apply): better-sqlite3 binds them faster than one array argument
//   (about 20 % of the per-row cost in a 1M-row test).
import type SQLite from 'better-sqlite3';

export const BATCH_MARK = '/*batch*/';
/**
 * A statement marked with COLUMNS_MARK takes its rows column by column: parameters are [rowCount, ...columns]
 * where each column is `{ each: unknown[] }` (one value per row) or `{ all: unknown }` (the same for every
 * row). One scratch parameter array is reused, so a large write allocates nothing per row.
 */
export const COLUMNS_MARK = '/*columns*/';
export type BatchColumn = { each: readonly unknown[] } | { all: unknown };

export function withStatementCache(db: SQLite.Database, size = 300): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    // Kysely opens transactions with a deferred `begin`. In WAL mode a deferred transaction that has read and
    // then writes fails at once with "database is locked" when another process (the CLI beside the server)
    // committed meanwhile — the busy timeout does not apply to that upgrade. `begin immediate` takes the write
    // lock first, so a second writer waits (busy_timeout) instead of failing.
    if (source === 'begin') source = 'begin immediate';
    let stmt = cache.get(source);
    if (stmt) return stmt;
    if (source.startsWith(BATCH_MARK)) {
      const single = db.prepare(source.slice(BATCH_MARK.length));
      const run = single.run;
      const batch = {
        reader: false,
        run: (rows: unknown[][]) => {
          let changes = 0;
          for (const r of rows) changes += run.apply(single, r).changes;
          return { changes, lastInsertRowid: 0 };
        },
      };
      stmt = batch as unknown as SQLite.Statement;
    } else if (source.startsWith(COLUMNS_MARK)) {
      const single = db.prepare(source.slice(COLUMNS_MARK.length));
      const run = single.run;
      const batch = {
        reader: false,
        run: (params: unknown[]) => {
          const n = params[0] as number;
          const cols = params.slice(1) as BatchColumn[];
          const width = cols.length;
          const scratch: unknown[] = new Array(width);
          const varying: number[] = [];
          const arrays: (readonly unknown[])[] = [];
          cols.forEach((c, i) => {
            if ('each' in c) { varying.push(i); arrays.push(c.each); } else scratch[i] = c.all;
          });
          const v = varying.length;
          let changes = 0;
          for (let r = 0; r < n; r++) {
            for (let k = 0; k < v; k++) scratch[varying[k]!] = arrays[k]![r];
            changes += run.apply(single, scratch).changes;
          }
          return { changes, lastInsertRowid: 0 };
        },
      };
      stmt = batch as unknown as SQLite.Statement;
    } else {
      stmt = db.prepare(source);
    }
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
    cache.set(source, stmt);
    return stmt;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
