// The enterprise registry (企业名录): one organisation of kind enterprise per record, plus its attributes.
import { sql, type Kysely, type Transaction } from 'kysely';
import { newId } from '../../core/ids';
import type { EnterpriseFilter, EnterpriseRow } from '../../core/statistics/ports';
import type { Enterprise, Tier } from '../../shared/statistics';
import { flag, parseJson, toBool, toIso } from '../mappers';
import { normalizeQuery, searchKey } from '../search-key';
import { isSqlite } from './bulk';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

function base(db: Db) {
  return db
    .selectFrom('enterprise as e')
    .innerJoin('organization as c', 'c.id', 'e.county_org_id')
    .leftJoin('industry_class as ic', 'ic.code', 'e.industry_code')
    .leftJoin('sei_category as s1', 's1.code', 'e.sei_l1')
    .leftJoin('sei_category as s2', 's2.code', 'e.sei_l2')
    .leftJoin('park as pk', 'pk.id', 'e.park_code')
    .select([
      'e.org_id', 'e.uscc', 'e.name', 'c.code as county_code', 'c.name as county_name', 'e.park_code', 'pk.name as park_name', 'e.industry_code', 'ic.name as industry_name',
      'e.sei_l1', 's1.name as sei_l1_name', 'e.sei_l2', 's2.name as sei_l2_name', 'e.sei_partial', 'e.sei_confirmed', 'e.plan_industry_code',
      'e.tier', 'e.above_scale', 'e.high_tech', 'e.active', 'e.demo', 'e.row_version', 'e.updated_at',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toEnterprise = (r: Row): Enterprise => {
  const partial = toBool(r.sei_partial);
  const confirmed = toBool(r.sei_confirmed);
  return {
    orgId: r.org_id, uscc: r.uscc, name: r.name, county: { code: r.county_code, name: r.county_name }, parkCode: r.park_code, parkName: r.park_name ?? null,
    industryCode: r.industry_code, industryName: r.industry_name ?? null,
    sei: { l1: r.sei_l1, l1Name: r.sei_l1_name ?? null, l2: r.sei_l2, l2Name: r.sei_l2_name ?? null, partial, confirmed, counted: r.sei_l1 != null && (!partial || confirmed) },
    planIndustryCode: r.plan_industry_code, tier: r.tier as Tier, aboveScale: toBool(r.above_scale), highTech: toBool(r.high_tech),
    active: toBool(r.active), demo: toBool(r.demo), rowVersion: Number(r.row_version), updatedAt: toIso(r.updated_at)!,
  };
};

function filtered(db: Db, f: Omit<EnterpriseFilter, 'limit' | 'offset'>) {
  let q = base(db);
  const text = f.q ? normalizeQuery(f.q) : '';
  if (text) {
    // Three characters or more go through the trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL);
    // one or two read the key column of every enterprise, which stays correct, only slower.
    if (isSqlite(db) && [...text].length >= 3) {
      const phrase = `"${text.replace(/"/g, '""')}"`;
      q = q.where(sql<boolean>`e.rowid in (select rowid from enterprise_search where enterprise_search match ${phrase})`);
    } else {
      q = q.where('e.search_key', 'like', `%${text}%`);
    }
  }
  if (f.countyCode) q = q.where('c.code', '=', f.countyCode);
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

export async function listEnterprises(db: Db, f: EnterpriseFilter): Promise<{ items: Enterprise[]; total: number }> {
  const rows = await filtered(db, f).orderBy('c.code').orderBy('e.name').limit(f.limit).offset(f.offset).execute();
  const total = await filtered(db, f).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(toEnterprise), total: Number(total.n) };
}

export async function getEnterprise(db: Db, key: string): Promise<Enterprise | null> {
  const r = await base(db).where((eb) => eb.or([eb('e.org_id', '=', key), eb('e.uscc', '=', key.toUpperCase())])).executeTakeFirst();
  return r ? toEnterprise(r) : null;
}

export async function rawEnterprise(db: Db, orgId: string): Promise<EnterpriseRow | null> {
  const r = await db.selectFrom('enterprise').select(['org_id', 'uscc', 'name', 'county_org_id', 'park_code', 'industry_code', 'sei_l1', 'sei_l2', 'sei_partial', 'sei_confirmed', 'plan_industry_code', 'tier', 'above_scale', 'high_tech', 'active', 'demo'])
    .where('org_id', '=', orgId).executeTakeFirst();
  if (!r) return null;
  return {
    orgId: r.org_id, uscc: r.uscc, name: r.name, countyOrgId: r.county_org_id, parkCode: r.park_code, industryCode: r.industry_code,
    seiL1: r.sei_l1, seiL2: r.sei_l2, seiPartial: toBool(r.sei_partial), seiConfirmed: toBool(r.sei_confirmed), planIndustryCode: r.plan_industry_code,
    tier: r.tier, aboveScale: toBool(r.above_scale), highTech: toBool(r.high_tech), active: toBool(r.active), demo: toBool(r.demo),
  };
}

const columns = (e: EnterpriseRow) => ({
  uscc: e.uscc, name: e.name, county_org_id: e.countyOrgId, park_code: e.parkCode, industry_code: e.industryCode, sei_l1: e.seiL1, sei_l2: e.seiL2,
  sei_partial: flag(e.seiPartial), sei_confirmed: flag(e.seiConfirmed), plan_industry_code: e.planIndustryCode, tier: e.tier,
  above_scale: flag(e.aboveScale), high_tech: flag(e.highTech), active: flag(e.active), demo: flag(e.demo),
  search_key: searchKey(e.name, e.uscc),
});

/** Creates the organisation (code = USCC, parent = county) and the registry record; orgId is the new organisation's id. */
export async function insertEnterprise(db: Db, e: EnterpriseRow, now: string): Promise<void> {
  await db.insertInto('organization').values({
    id: e.orgId, code: e.uscc, name: e.name, full_name: null, name_en: null, kind: 'enterprise', parent_id: e.countyOrgId,
    division_code: null, is_lead: 0, sort: 1000, active: flag(e.active), created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('enterprise').values({ org_id: e.orgId, ...columns(e), created_at: now, updated_at: now }).execute();
}

export async function updateEnterprise(db: Db, e: EnterpriseRow, expected: number, now: string): Promise<boolean> {
  const r = await db.updateTable('enterprise').set((eb) => ({ ...columns(e), updated_at: now, row_version: eb('row_version', '+', 1) }))
    .where('org_id', '=', e.orgId).where('row_version', '=', expected).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.updateTable('organization').set({ code: e.uscc, name: e.name, parent_id: e.countyOrgId, active: flag(e.active), updated_at: now }).where('id', '=', e.orgId).execute();
  return true;
}

export async function seiMapping(db: Db, industryCode: string) {
  const rows = await db.selectFrom('sei_mapping').select(['sei_l1', 'sei_l2', 'partial']).where('industry_code', '=', industryCode).execute();
  return rows.map((r) => ({ seiL1: r.sei_l1, seiL2: r.sei_l2, partial: toBool(r.partial) }));
}

export async function industryClassName(db: Db, code: string): Promise<string | null> {
  return (await db.selectFrom('industry_class').select('name').where('code', '=', code).executeTakeFirst())?.name ?? null;
}

export async function defaultPlanIndustries(db: Db) {
  const plan = await db.selectFrom('plan').select('id').orderBy('is_default', 'desc').orderBy('created_at', 'desc').executeTakeFirst();
  if (!plan) return [];
  const rows = await db.selectFrom('plan_industry').select(['code', 'name', 'sei_categories_json']).where('plan_id', '=', plan.id).orderBy('sort').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, seiCategories: parseJson<string[]>(r.sei_categories_json, []) }));
}

export const newEnterpriseId = (): string => newId();

export async function countInPark(db: Db, parkId: string): Promise<number> {
  const r = await db.selectFrom('enterprise').select((eb) => eb.fn.countAll<number>().as('n')).where('park_code', '=', parkId).executeTakeFirstOrThrow();
  return Number(r.n);
}
