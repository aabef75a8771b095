// Shared helpers of the statistics benchmarks: synthetic enterprises and fresh databases per dialect.
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { newId } from '../src/core/ids';
import { demoUscc } from '../src/core/statistics/uscc';
import type { Dialect } from '../src/db/connect';
import { bulkInsert } from '../src/db/repositories/bulk';
import type { DB } from '../src/db/schema';
import { searchColumns } from '../src/db/search-key';
import { createInitializedDatabase, type TestDatabase } from '../test/helpers/databases';

export const INDICATORS = ['REVENUE', 'VALUE_ADDED', 'PROFIT', 'RD_EXPENDITURE', 'EXPORT_DELIVERY', 'FIXED_ASSET_INVESTMENT', 'EMPLOYEES'];
export const PLAN_INDUSTRIES = ['new-energy-grid', 'new-materials', 'high-end-equipment', 'nev-icv', 'energy-saving-env', 'biomed-health', 'next-gen-it'];
const SEI_L1 = ['6', '3', '2', '5', '7', '4', '1'];

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export function dialectsArg(): Dialect[] {
  const i = process.argv.indexOf('--dialect');
  return i > 0 ? [process.argv[i + 1] as Dialect] : ['sqlite', 'postgres'];
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}

export interface BenchEnterprise { orgId: string; code: string; county: string }

/** A database as `sei init` (no demo) leaves it, plus `count` synthetic enterprises spread over counties and industries. */
export async function databaseWithEnterprises(dialect: Dialect, count: number): Promise<{ database: TestDatabase; enterprises: BenchEnterprise[] }> {
  const database = await createInitializedDatabase(dialect, { demo: false });
  return { database, enterprises: await addEnterprises(database.db, count) };
}

/** Adds `count` synthetic enterprises (基准企业N) to an initialised database. */
export async function addEnterprises(db: Kysely<DB>, count: number): Promise<BenchEnterprise[]> {
  const counties = await db.selectFrom('organization').select(['id', 'code']).where('kind', 'in', ['county', 'zone']).orderBy('code').execute();
  const now = new Date().toISOString();
  const enterprises: BenchEnterprise[] = [];
  const orgRows: unknown[][] = [];
  const entRows: unknown[][] = [];
  for (let n = 0; n < count; n++) {
    const c = counties[n % counties.length]!;
    const e = { orgId: newId(), code: demoUscc(n + 1, c.code), county: c.code };
    enterprises.push(e);
    orgRows.push([e.orgId, e.code, `基准企业${n}`, 'enterprise', c.id, 0, 2000, 1, now, now]);
    const k = n % 7;
    entRows.push([e.orgId, e.code, `基准企业${n}`, c.id, null, SEI_L1[k], null, 0, 0, PLAN_INDUSTRIES[k], 'sme', 1, 0, 1, 0, ...Object.values(searchColumns(`基准企业${n}`, e.code)), now, now]);
  }
  await db.transaction().execute(async (trx) => {
    await bulkInsert(trx, { table: 'organization', columns: ['id', 'code', 'name', 'kind', 'parent_id', 'is_lead', 'sort', 'active', 'created_at', 'updated_at'] }, orgRows);
    await bulkInsert(trx, { table: 'enterprise', columns: ['org_id', 'uscc', 'name', 'county_org_id', 'industry_code', 'sei_l1', 'sei_l2', 'sei_partial', 'sei_confirmed', 'plan_industry_code', 'tier', 'above_scale', 'high_tech', 'active', 'demo', 'search_key', 'search_grams', 'created_at', 'updated_at'] }, entRows);
  });
  return enterprises;
}

export function months(fromYear: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${fromYear + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`);
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
