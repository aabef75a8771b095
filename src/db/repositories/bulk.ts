// Multi-row INSERT … ON CONFLICT statements built once per chunk and run as raw compiled queries:
// the import path writes hundreds of thousands of rows, and the query builder's per-row overhead
// would dominate. Both SQLite and PostgreSQL accept the same statement text apart from placeholders.
import { CompiledQuery, SqliteAdapter, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema';
import { BATCH_MARK, COLUMNS_MARK, type BatchColumn } from '../sqlite-batch';

type Db = Kysely<DB> | Transaction<DB>;

export const isSqlite = (db: Db): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** SQLite allows 32,766 variables per statement, PostgreSQL 65,535; stay well below both. */
const MAX_PARAMS = 16_000;

export interface BulkSpec {
  table: string;
  columns: string[];
  /** Conflict target and SET clause; omit for a plain insert. */
  onConflict?: { target: string[]; set: string };
}

const statementCache = new Map<string, string>();

function statement(spec: BulkSpec, rows: number, sqlite: boolean): string {
  const key = `${spec.table}|${spec.columns.join(',')}|${spec.onConflict?.set ?? ''}|${rows}|${sqlite}`;
  const hit = statementCache.get(key);
  if (hit) return hit;
  const width = spec.columns.length;
  const tuples: string[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const ph: string[] = new Array(width);
    for (let c = 0; c < width; c++) ph[c] = sqlite ? '?' : `$${r * width + c + 1}`;
    tuples[r] = `(${ph.join(',')})`;
  }
  let text = `insert into ${spec.table} (${spec.columns.join(',')}) values ${tuples.join(',')}`;
  if (spec.onConflict) text += ` on conflict (${spec.onConflict.target.join(',')}) do update set ${spec.onConflict.set}`;
  if (statementCache.size > 200) statementCache.clear();
  statementCache.set(key, text);
  return text;
}

/**
 * Inserts rows (arrays in column order) within the caller's transaction. SQLite: one cached prepared
 * single-row statement run per row (see sqlite-batch.ts); PostgreSQL: multi-row statements in chunks.
 */
export async function bulkInsert(db: Db, spec: BulkSpec, rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const sqlite = isSqlite(db);
  if (sqlite) {
    const text = BATCH_MARK + statement(spec, 1, true);
    for (let i = 0; i < rows.length; i += 20_000) await db.executeQuery(CompiledQuery.raw(text, rows.slice(i, i + 20_000)));
    return;
  }
  const per = Math.max(1, Math.floor(MAX_PARAMS / spec.columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: unknown[] = new Array(chunk.length * spec.columns.length);
    let k = 0;
    for (const r of chunk) for (const v of r) params[k++] = v;
    await db.executeQuery(CompiledQuery.raw(statement(spec, chunk.length, sqlite), params));
  }
}

/**
 * PostgreSQL bulk write through unnest(): the varying columns travel as one typed array each, the
 * columns that are the same for every row as single parameters — far less to serialise and parse
 * than a multi-row VALUES list.
 */
export async function pgUnnestInsert(
  db: Db,
  spec: { table: string; arrays: { column: string; type: string }[]; constants: { column: string; value: unknown; type: string }[]; computed?: { column: string; expr: string }[]; onConflict?: { target: string[]; set: string } },
  columns: unknown[][],
): Promise<void> {
  const n = columns[0]?.length ?? 0;
  if (!n) return;
  const a = spec.arrays.length;
  const cols = [...spec.arrays.map((x) => x.column), ...spec.constants.map((x) => x.column), ...(spec.computed ?? []).map((x) => x.column)];
  const sel = [
    ...spec.arrays.map((x) => `u.${x.column}`),
    ...spec.constants.map((x, i) => `$${a + i + 1}::${x.type}`),
    ...(spec.computed ?? []).map((x) => x.expr),
  ];
  let text = `insert into ${spec.table} (${cols.join(',')}) select ${sel.join(',')} from unnest(${spec.arrays.map((x, i) => `$${i + 1}::${x.type}[]`).join(',')}) as u(${spec.arrays.map((x) => x.column).join(',')})`;
  if (spec.onConflict) text += ` on conflict (${spec.onConflict.target.join(',')}) do update set ${spec.onConflict.set}`;
  const per = 20_000;
  for (let i = 0; i < n; i += per) {
    const params = [...columns.map((c) => c.slice(i, i + per)), ...spec.constants.map((c) => c.value)];
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}

/**
 * SQLite: rows given column by column (`each`: one value per row, `all`: the same for every row), one
 * cached prepared single-row statement run per row with a reused parameter array — no array per row.
 */
export async function sqliteColumnsInsert(db: Db, spec: BulkSpec, rowCount: number, columns: BatchColumn[]): Promise<void> {
  if (!rowCount) return;
  await db.executeQuery(CompiledQuery.raw(COLUMNS_MARK + statement(spec, 1, true), [rowCount, ...columns]));
}
