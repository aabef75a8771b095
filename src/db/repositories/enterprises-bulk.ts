// Batched reads and writes of the enterprise registry for imports: a fixed number of statements per
// thousand rows instead of several per row.
import type { Kysely, Transaction } from 'kysely';
import type { EnterpriseRow } from '../../core/statistics/ports';
import { flag, toBool } from '../mappers';
import { searchColumns } from '../search-key';
import type { DB } from '../schema';
import { bulkInsert } from './bulk';

type Db = Kysely<DB> | Transaction<DB>;

const ORG_COLUMNS = ['id', 'code', 'name', 'full_name', 'name_en', 'kind', 'parent_id', 'division_code', 'is_lead', 'sort', 'active', 'created_at', 'updated_at'];
const ENT_COLUMNS = [
  'org_id', 'uscc', 'name', 'county_org_id', 'park_code', 'industry_code', 'sei_l1', 'sei_l2', 'sei_partial', 'sei_confirmed',
  'plan_industry_code', 'tier', 'above_scale', 'high_tech', 'active', 'demo', 'search_key', 'search_grams', 'created_at', 'updated_at',
];

/** The same rows insertEnterprise() writes (organisation, then registry record), batched. */
export async function insertEnterprises(db: Db, rows: (EnterpriseRow & { countyCode: string })[], now: string): Promise<void> {
  if (!rows.length) return;
  await bulkInsert(db, { table: 'organization', columns: ORG_COLUMNS }, rows.map((e) => [
    e.orgId, e.uscc, e.name, null, null, 'enterprise', e.countyOrgId, null, 0, 1000, flag(e.active), now, now,
  ]));
  await bulkInsert(db, { table: 'enterprise', columns: ENT_COLUMNS }, rows.map((e) => { const s = searchColumns(e.name, e.uscc); return [
    e.orgId, e.uscc, e.name, e.countyOrgId, e.parkCode, e.industryCode, e.seiL1, e.seiL2, flag(e.seiPartial), flag(e.seiConfirmed),
    e.planIndustryCode, e.tier, flag(e.aboveScale), flag(e.highTech), flag(e.active), flag(e.demo), s.search_key, s.search_grams, now, now,
  ]; }));
}

export async function rawEnterprises(db: Db, orgIds: string[]): Promise<Map<string, EnterpriseRow & { rowVersion: number }>> {
  const out = new Map<string, EnterpriseRow & { rowVersion: number }>();
  for (let i = 0; i < orgIds.length; i += 1000) {
    const rows = await db.selectFrom('enterprise')
      .select(['org_id', 'uscc', 'name', 'county_org_id', 'park_code', 'industry_code', 'sei_l1', 'sei_l2', 'sei_partial', 'sei_confirmed', 'plan_industry_code', 'tier', 'above_scale', 'high_tech', 'active', 'demo', 'row_version'])
      .where('org_id', 'in', orgIds.slice(i, i + 1000)).execute();
    for (const r of rows) {
      out.set(r.org_id, {
        orgId: r.org_id, uscc: r.uscc, name: r.name, countyOrgId: r.county_org_id, parkCode: r.park_code, industryCode: r.industry_code,
        seiL1: r.sei_l1, seiL2: r.sei_l2, seiPartial: toBool(r.sei_partial), seiConfirmed: toBool(r.sei_confirmed), planIndustryCode: r.plan_industry_code,
        tier: r.tier, aboveScale: toBool(r.above_scale), highTech: toBool(r.high_tech), active: toBool(r.active), demo: toBool(r.demo), rowVersion: Number(r.row_version),
      });
    }
  }
  return out;
}
