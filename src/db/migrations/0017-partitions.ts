// PostgreSQL: data_value and data_value_audit become tables partitioned by RANGE on `period`, one
// partition per year plus a DEFAULT partition. SQLite has no partitioning: there this migration does nothing.
//
// Why `period` and not `year`: PostgreSQL wants the partition key in every unique constraint. data_value's
// primary key (org_id, indicator_code, period) already holds `period`, so the key and every upsert's
// `ON CONFLICT (org_id, indicator_code, period)` stay as they are on both dialects. Periods are text that
// begin with the year ('2019', '2019Q4', '201911'), so every period of 2019 sorts in ['2019', '2020'): the
// range FROM ('2019') TO ('2020') is that year. (Routing and pruning use the same text comparison, so
// even an odd period or collation can only send a row to another partition, never lose it.)
//
// The audit is partitioned the same way, primary key (id, period): an audit row then sits in the same year
// as the value it describes (a year is archived or detached with its history), and the audit is read by
// value key, which includes the period. It is insert-only (no upsert names its key), so widening the key
// changes no write. Partitioning it by the year of `at` would split one value's history across years and
// make `at` part of the key for no query that needs it.
//
// Years FIRST_YEAR–LAST_YEAR get partitions, widened to every year found in the data; anything else
// (a typo like '2099', a year after LAST_YEAR) goes to the DEFAULT partition. How to add a year later is in
// docs/scaling.md. The Kysely migrator runs PostgreSQL migrations in one transaction, so a failure leaves
// the unpartitioned tables as they were.
import { sql, SqliteAdapter, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2040;

/** The two tables, with the primary key each gets when partitioned and the one it had before. */
const TABLES = [
  { table: 'data_value', pk: 'data_value_pk', partitionedKey: ['org_id', 'indicator_code', 'period'], plainKey: ['org_id', 'indicator_code', 'period'] },
  { table: 'data_value_audit', pk: 'data_value_audit_pkey', partitionedKey: ['id', 'period'], plainKey: ['id'] },
] as const;

const isSqlite = (db: AnyDb) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: AnyDb): Promise<void> {
  if (isSqlite(db)) return;
  for (const t of TABLES) {
    const { rows } = await sql<{ y: number }>`select distinct substr(period, 1, 4)::int as y from ${sql.table(t.table)} where period ~ '^[0-9]{4}'`.execute(db);
    const years = new Set<number>();
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.add(y);
    // Plausible years found in the data get their own partition too; the rest stays in DEFAULT.
    for (const r of rows) if (r.y >= 1900 && r.y <= 2200) years.add(Number(r.y));
    await rebuild(db, t.table, t.pk, t.partitionedKey, [...years].sort((a, b) => a - b));
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) return;
  for (const t of TABLES) await rebuild(db, t.table, t.pk, t.plainKey, null);
}

/**
 * Re-creates `table` with the same columns (LIKE), copies every row, drops the old one and takes its name,
 * then adds the primary key and the old table's other indexes (their definitions read from the catalogue,
 * so an index a later migration added survives too). `years` null: a plain table; otherwise partitioned.
 */
async function rebuild(db: AnyDb, table: string, pk: string, key: readonly string[], years: number[] | null): Promise<void> {
  const next = `${table}_next`;
  const { rows: indexes } = await sql<{ def: string }>`
    select pg_get_indexdef(i.indexrelid) as def from pg_index i
    where i.indrelid = ${table}::regclass and not i.indisprimary order by i.indexrelid`.execute(db);
  const before = await count(db, table);
  const partitionBy = years ? sql` partition by range (period)` : sql``;
  await sql`create table ${sql.table(next)} (like ${sql.table(table)} including all excluding indexes)${partitionBy}`.execute(db);
  if (years) {
    for (const y of years) {
      await sql`create table ${sql.table(`${table}_y${y}`)} partition of ${sql.table(next)} for values from (${sql.lit(String(y))}) to (${sql.lit(String(y + 1))})`.execute(db);
    }
    await sql`create table ${sql.table(`${table}_default`)} partition of ${sql.table(next)} default`.execute(db);
  }
  await sql`insert into ${sql.table(next)} select * from ${sql.table(table)}`.execute(db);
  const after = await count(db, next);
  if (after !== before) throw new Error(`${table}: ${before} rows before, ${after} copied`);
  // Dropping a partitioned table drops its partitions with it.
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(next)} rename to ${sql.table(table)}`.execute(db);
  // Keys and indexes after the copy: one build per index instead of maintaining them row by row.
  await sql`alter table ${sql.table(table)} add constraint ${sql.ref(pk)} primary key (${sql.join(key.map((c) => sql.ref(c)))})`.execute(db);
  // The definitions name the table by its (now restored) name: "CREATE INDEX x ON public.data_value …"; read
  // from a partitioned table they say "ON ONLY", which would skip the partitions.
  for (const i of indexes) await sql.raw(i.def.replace(' ON ONLY ', ' ON ')).execute(db);
}

async function count(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}
