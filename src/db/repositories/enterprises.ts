// The enterprise registry (企业名录): one organisation of kind enterprise per record, plus its attributes.
import { type Kysely, type Transaction } from 'kysely';
import { newId } from '../../core/ids';
import type { EnterpriseFilter, EnterpriseRow } from '../../core/statistics/ports';
import type { Enterprise, EnterprisePage, Tier } from '../../shared/statistics';
import { flag, parseJson, toBool, toIso } from '../mappers';
import { searchColumns } from '../search-key';
import { searchEnterpriseIds } from './enterprise-search';
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

/** A page of the list: ids chosen by searchEnterpriseIds (order, capped count), then their rows. */
export async function listEnterprises(db: Db, f: EnterpriseFilter): Promise<EnterprisePage> {
  const { ids, total, totalCapped } = await searchEnterpriseIds(db, f);
  const rows = ids.length ? await base(db).where('e.org_id', 'in', ids).execute() : [];
  const byId = new Map(rows.map((r) => [r.org_id, r]));
  return { items: ids.map((id) => toEnterprise(byId.get(id)!)), total, totalCapped };
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
  ...searchColumns(e.name, e.uscc),
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
