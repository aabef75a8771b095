// Which enterprises a list page shows, fast at 100,000 rows on both databases (issue 15).
//
// Order: exact matches (name or code equal to the query) first, then names starting with it, then the
// rest; by name and id within each. Without a query: by name and id, through the (name, org_id) index.
//
// With a query, one statement: the first ENTERPRISE_COUNT_CAP + 1 matches in the text index's own order
// (the trigram index of 0011 for three characters or more, the gram index of 0016 for one or two), every
// exact match, and the names starting with the query as far as the page reaches — sorted, then paged. The
// count is that of the first part: up to 1,000 it is exact; beyond, the answer says "more than 1,000"
// (totalCapped) and pages reach the first 1,000 (exact and prefix matches always among them). Reading and
// sorting every match of 钢铁 (10,000 at 100k), twice for count and page, is what took 80–190 ms.
import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely';
import type { EnterpriseFilter } from '../../core/statistics/ports';
import { ENTERPRISE_COUNT_CAP } from '../../shared/statistics';
import { flag } from '../mappers';
import { isGramQuery, normalizeQuery } from '../search-key';
import { isSqlite } from './bulk';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;
type EDB = DB & { e: DB['enterprise'] };
type Query = SelectQueryBuilder<EDB, 'e', object>;

/** After every string that starts with a prefix, in binary order (the end of a prefix range). */
const PAST = '\u{10FFFF}';

interface Text {
  /** As matched against search_key (normalizeQuery). */
  key: string;
  /** As typed, trimmed: compared with names and codes for the ranks. */
  raw: string;
}

function withFilters(q: Query, f: EnterpriseFilter): Query {
  if (f.countyCode) q = q.where('e.county_org_id', 'in', (eb) => eb.selectFrom('organization').select('id').where('code', '=', f.countyCode!));
  if (f.countyOrgId) q = q.where('e.county_org_id', '=', f.countyOrgId);
  if (f.orgId) q = q.where('e.org_id', '=', f.orgId);
  if (f.planIndustryCode) q = q.where('e.plan_industry_code', '=', f.planIndustryCode);
  if (f.seiL1) q = q.where('e.sei_l1', '=', f.seiL1);
  if (f.tier) q = q.where('e.tier', '=', f.tier);
  if (f.parkCode) q = q.where('e.park_code', '=', f.parkCode);
  if (f.aboveScale !== undefined) q = q.where('e.above_scale', '=', flag(f.aboveScale));
  if (f.highTech !== undefined) q = q.where('e.high_tech', '=', flag(f.highTech));
  if (f.active !== undefined) q = q.where('e.active', '=', flag(f.active));
  return q;
}

/**
 * The first ENTERPRISE_COUNT_CAP + 1 matches in the text index's own order, which stops early: on SQLite
 * the FTS5 table is read in rowid order and joined; on PostgreSQL the GIN index's bitmap, in table order.
 */
function firstMatches(db: Db, f: EnterpriseFilter, key: string, rank: RawBuilder<number>) {
  const cols = ['e.org_id', 'e.name', rank.as('rank')] as const;
  const cap = ENTERPRISE_COUNT_CAP + 1;
  const phrase = `"${key.replace(/"/g, '""')}"`;
  const chars = [...key].length;
  if (isSqlite(db)) {
    const fts = chars >= 3 ? 'enterprise_search' : isGramQuery(key) ? 'enterprise_gram' : null;
    if (fts) {
      const q = db.selectFrom(`${fts} as s` as 'enterprise as e').innerJoin('enterprise as e', (j) => j.on(sql`e.rowid`, '=', sql`s.rowid`));
      return withFilters(q as unknown as Query, f).where(sql<SqlBool>`${sql.raw(fts)} match ${phrase}`).select(cols).orderBy(sql`s.rowid`).limit(cap);
    }
    // One or two characters that are not letters or digits (（, ·): no index holds them; read every key.
    return withFilters(db.selectFrom('enterprise as e'), f).where('e.search_key', 'like', `%${key}%`).select(cols).orderBy(sql`e.rowid`).limit(cap);
  }
  if (chars < 3 && !isGramQuery(key)) {
    return withFilters(db.selectFrom('enterprise as e'), f).where('e.search_key', 'like', `%${key}%`).select(cols).orderBy('e.org_id').limit(cap);
  }
  const match = chars >= 3 ? sql<SqlBool>`e.search_key like ${`%${key}%`}` : sql<SqlBool>`string_to_array(e.search_grams, ' ') @> array[${key}]::text[]`;
  // No ORDER BY: a bitmap scan of the GIN index returns rows in table order, the same on every page, and
  // stops after cap rows (sorting by a column would read every match first). searchEnterpriseIds() makes
  // sure of a (non-parallel) index scan.
  return withFilters(db.selectFrom('enterprise as e'), f).where(match).select(cols).limit(cap);
}

/** The same match tested on the row itself (for rows an index on name or code found). */
function rowMatch(db: Db, key: string): Expression<SqlBool> {
  return isSqlite(db) ? sql<SqlBool>`instr(e.search_key, ${key}) > 0` : sql<SqlBool>`strpos(e.search_key, ${key}) > 0`;
}

const exact = (t: Text) => sql<SqlBool>`(e.name = ${t.raw} or e.uscc = ${t.raw.toUpperCase()})`;
// Names from the query up to the query followed by the last code point: in binary order (SQLite, PostgreSQL
// C / C.UTF-8) exactly the names that start with it, found by a range of the name index. (A substr() test
// on top made PostgreSQL expect few rows and sort 5,000 instead of reading 20 in order.)
const prefix = (t: Text) => sql<SqlBool>`(e.name >= ${t.raw} and e.name < ${t.raw + PAST})`;

/** Ids of one page of enterprises matching the filter, in list order, and the (capped) number of matches. */
export async function searchEnterpriseIds(db: Db, f: EnterpriseFilter): Promise<{ ids: string[]; total: number; totalCapped: boolean }> {
  const key = f.q ? normalizeQuery(f.q) : '';
  const counted = (n: number) => ({ total: Math.min(n, ENTERPRISE_COUNT_CAP), totalCapped: n > ENTERPRISE_COUNT_CAP });
  const from = () => withFilters(db.selectFrom('enterprise as e'), f);

  if (!key) {
    // The whole list (or a filter of it): by name through the (name, org_id) index; counted up to the cap.
    const n = await db.selectFrom(from().select(sql.lit(1).as('one')).limit(ENTERPRISE_COUNT_CAP + 1).as('m'))
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await from().select('e.org_id').orderBy('e.name').orderBy('e.org_id').limit(f.limit).offset(f.offset).execute();
    return { ids: rows.map((r) => r.org_id), ...counted(Number(n.n)) };
  }

  // The matches shown: the first cap + 1 the text index gives (all of them when there are fewer), plus every
  // exact match and the first names starting with the query — so that those come first even among 10,000.
  const t: Text = { key, raw: f.q!.trim() };
  const rank = sql<number>`case when ${exact(t)} then 0 when ${prefix(t)} then 1 else 2 end`;
  // Each part brings its rows' names and ranks, so that the page is sorted without reading them again. The
  // names starting with the query are needed only as far as this page reaches.
  const page = (db: Db) => {
    const cols = ['e.org_id', 'e.name', rank.as('rank')] as const;
    const matching = () => withFilters(db.selectFrom('enterprise as e'), f).where(rowMatch(db, key));
    return db
      .with('w', () => firstMatches(db, f, key, rank))
      .with('x', () => matching().where(exact(t)).select(cols))
      .with('p', () => matching().where(prefix(t)).where(sql<SqlBool>`not ${exact(t)}`).select(cols).orderBy('e.name').orderBy('e.org_id').limit(f.offset + f.limit))
      .selectFrom((eb) => eb.selectFrom('w').selectAll().union(eb.selectFrom('x').selectAll()).union(eb.selectFrom('p').selectAll()).as('u'))
      .select(['u.org_id', (eb) => eb.selectFrom('w').select((w) => w.fn.countAll<number>().as('n')).as('n')])
      .orderBy('u.rank').orderBy('u.name').orderBy('u.org_id')
      .limit(f.limit).offset(f.offset).execute();
  };
  // PostgreSQL estimates a sequential scan cheaper than the trigram or gram index for a query that matches a
  // tenth of the rows, and is then 5–10× slower (every key read with LIKE) — and a parallel or synchronised
  // sequential scan returns rows in a different order each time, which would move rows between pages.
  // Within the search's own transaction it is told to use the index, in one process.
  const indexed = [...key].length >= 3 || isGramQuery(key);
  const rows = isSqlite(db) || db.isTransaction || !indexed ? await page(db)
    : await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
      return page(trx);
    });
  if (rows.length) return { ids: rows.map((r) => r.org_id), ...counted(Number(rows[0]!.n)) };
  // A page past the end: count alone.
  const n = await db.selectFrom(firstMatches(db, f, key, rank).as('w')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { ids: [], ...counted(Number(n.n)) };
}
