// Fast enterprise search at 100,000 rows (issue 15). Three additions to 0011's trigram index:
// - search_grams: the one- and two-character pieces of search_key (src/db/search-key.ts), indexed, because
//   a trigram index cannot answer 钢铁 or xt and those queries otherwise read every row (≈ 80–140 ms at 100k);
//   an FTS5 unicode61 table (detail=none: only "which rows") on SQLite, a GIN index over the pieces as an
//   array on PostgreSQL;
// - an index on (name, org_id): the list's order, so a query that matches thousands of rows is paged by
//   walking it instead of sorting every match.
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { searchGrams } from '../search-key';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

const isSqlite = (db: AnyDb) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('enterprise').addColumn('search_grams', 'text').execute();
  const rows = await db.selectFrom('enterprise').select(['org_id', 'search_key']).where('search_key', 'is not', null).execute();
  for (const r of rows) await db.updateTable('enterprise').set({ search_grams: searchGrams(r.search_key) }).where('org_id', '=', r.org_id).execute();
  await db.schema.createIndex('enterprise_name_order').on('enterprise').columns(['name', 'org_id']).execute();
  if (isSqlite(db)) {
    await sql`create virtual table enterprise_gram using fts5(search_grams, content='enterprise', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0', detail='none')`.execute(db);
    await sql`insert into enterprise_gram(enterprise_gram) values ('rebuild')`.execute(db);
    await sql`create trigger enterprise_gram_ai after insert on enterprise begin
      insert into enterprise_gram(rowid, search_grams) values (new.rowid, new.search_grams); end`.execute(db);
    await sql`create trigger enterprise_gram_ad after delete on enterprise begin
      insert into enterprise_gram(enterprise_gram, rowid, search_grams) values ('delete', old.rowid, old.search_grams); end`.execute(db);
    await sql`create trigger enterprise_gram_au after update of search_grams on enterprise begin
      insert into enterprise_gram(enterprise_gram, rowid, search_grams) values ('delete', old.rowid, old.search_grams);
      insert into enterprise_gram(rowid, search_grams) values (new.rowid, new.search_grams); end`.execute(db);
  } else {
    await sql`create index enterprise_search_grams on enterprise using gin (string_to_array(search_grams, ' '))`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    for (const t of ['enterprise_gram_ai', 'enterprise_gram_ad', 'enterprise_gram_au']) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
    await sql`drop table if exists enterprise_gram`.execute(db);
  } else {
    await sql`drop index if exists enterprise_search_grams`.execute(db);
  }
  await db.schema.dropIndex('enterprise_name_order').execute();
  await db.schema.alterTable('enterprise').dropColumn('search_grams').execute();
}
