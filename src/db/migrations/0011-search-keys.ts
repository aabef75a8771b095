// Search keys for the enterprise directory (issue 15): a search_key column (name, full pinyin, pinyin
// initials, code — see src/db/search-key.ts) filled for every stored enterprise, and an index that finds
// substrings of it without reading the whole table: an FTS5 trigram table kept in step by triggers on
// SQLite, a pg_trgm GIN index on PostgreSQL (pg_trgm is a trusted extension: a database owner may create it).
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { searchKey } from '../search-key';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

const isSqlite = (db: AnyDb) => db.getExecutor().adapter instanceof SqliteAdapter;


export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('enterprise').addColumn('search_key', 'text').execute();
  const rows = await db.selectFrom('enterprise').select(['org_id', 'name', 'uscc']).execute();
  for (const r of rows) await db.updateTable('enterprise').set({ search_key: searchKey(r.name, r.uscc) }).where('org_id', '=', r.org_id).execute();
  if (isSqlite(db)) {
    await sql`create virtual table enterprise_search using fts5(search_key, content='enterprise', content_rowid='rowid', tokenize='trigram')`.execute(db);
    await sql`insert into enterprise_search(enterprise_search) values ('rebuild')`.execute(db);
    await sql`create trigger enterprise_search_ai after insert on enterprise begin
      insert into enterprise_search(rowid, search_key) values (new.rowid, new.search_key); end`.execute(db);
    await sql`create trigger enterprise_search_ad after delete on enterprise begin
      insert into enterprise_search(enterprise_search, rowid, search_key) values ('delete', old.rowid, old.search_key); end`.execute(db);
    await sql`create trigger enterprise_search_au after update of search_key on enterprise begin
      insert into enterprise_search(enterprise_search, rowid, search_key) values ('delete', old.rowid, old.search_key);
      insert into enterprise_search(rowid, search_key) values (new.rowid, new.search_key); end`.execute(db);
  } else {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index enterprise_search_key on enterprise using gin (search_key gin_trgm_ops)`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    for (const t of ['enterprise_search_ai', 'enterprise_search_ad', 'enterprise_search_au']) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
    await sql`drop table if exists enterprise_search`.execute(db);
  } else {
    await sql`drop index if exists enterprise_search_key`.execute(db);
  }
  await db.schema.alterTable('enterprise').dropColumn('search_key').execute();
}
