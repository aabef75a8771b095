// Enterprise directory import: the product's path (check every row, classify, batched writes and audit
// rows, one transaction) against a raw insert of the very organisation and enterprise rows it stores,
// at several sizes on fresh databases, to show the import grows linearly and stays within 3× raw.
//   npx tsx bench/enterprise-import.ts [--sizes 1000,10000,100000] [--dialect sqlite|postgres]
import { performance } from 'node:perf_hooks';
import { newId } from '../src/core/ids';
import { importEnterprises } from '../src/core/statistics/import-enterprises';
import { bulkInsert } from '../src/db/repositories/bulk';
import { searchColumns } from '../src/db/search-key';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase } from '../test/helpers/databases';
import { enterpriseTable } from '../test/helpers/enterprise-table';
import { dialectsArg } from './bench-common';

const sizesArg = process.argv.indexOf('--sizes');
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [1_000, 10_000, 100_000];

async function fresh(dialect: 'sqlite' | 'postgres') {
  const database = await createInitializedDatabase(dialect, { demo: false });
  const counties = await database.db.selectFrom('organization').select(['id', 'code']).where('kind', '=', 'county').where('active', '=', 1).orderBy('code').execute();
  return { database, counties };
}

async function product(dialect: 'sqlite' | 'postgres', n: number): Promise<number> {
  const { database, counties } = await fresh(dialect);
  try {
    const table = enterpriseTable(n, counties.map((c) => c.code));
    const t = performance.now();
    const r = await importEnterprises({ store: createStore(database.db), secrets }, null, table, { dryRun: false }, new Date());
    const ms = performance.now() - t;
    if (r.created !== n) throw new Error(`created ${r.created} of ${n}`);
    return ms;
  } finally {
    await database.drop();
  }
}

/** The same organisation, enterprise and audit rows written by prepared multi-row inserts, nothing checked. */
async function raw(dialect: 'sqlite' | 'postgres', n: number): Promise<number> {
  const { database, counties } = await fresh(dialect);
  try {
    const table = enterpriseTable(n, counties.map((c) => c.code));
    const idOf = new Map(counties.map((c) => [c.code, c.id]));
    const now = new Date().toISOString();
    const t = performance.now();
    const orgs: unknown[][] = [];
    const ents: unknown[][] = [];
    const audits: unknown[][] = [];
    for (const [uscc, name, county, industry] of table.slice(1)) {
      const id = newId();
      orgs.push([id, uscc, name, null, null, 'enterprise', idOf.get(String(county)), null, 0, 1000, 1, now, now]);
      ents.push([id, uscc, name, idOf.get(String(county)), null, industry, null, null, 0, 0, null, 'sme', 0, 0, 1, 0, ...Object.values(searchColumns(String(name), String(uscc))), now, now]);
      audits.push([newId(), now, null, 'cli', 'create', 'enterprise', id, null, JSON.stringify({ uscc, name }), null]);
    }
    await database.db.transaction().execute(async (trx) => {
      await bulkInsert(trx, { table: 'organization', columns: ['id', 'code', 'name', 'full_name', 'name_en', 'kind', 'parent_id', 'division_code', 'is_lead', 'sort', 'active', 'created_at', 'updated_at'] }, orgs);
      await bulkInsert(trx, { table: 'enterprise', columns: ['org_id', 'uscc', 'name', 'county_org_id', 'park_code', 'industry_code', 'sei_l1', 'sei_l2', 'sei_partial', 'sei_confirmed', 'plan_industry_code', 'tier', 'above_scale', 'high_tech', 'active', 'demo', 'search_key', 'search_grams', 'created_at', 'updated_at'] }, ents);
      await bulkInsert(trx, { table: 'audit_log', columns: ['id', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'ip'] }, audits);
    });
    return performance.now() - t;
  } finally {
    await database.drop();
  }
}

for (const dialect of dialectsArg()) {
  const perRow: number[] = [];
  for (const n of SIZES) {
    // Alternate which side runs first so that neither always meets a warmer machine.
    const [p, r] = n % 2 ? [await product(dialect, n), await raw(dialect, n)] : await Promise.resolve().then(async () => { const r0 = await raw(dialect, n); return [await product(dialect, n), r0]; });
    perRow.push(p / n);
    console.log(`${dialect} ${n.toLocaleString('en')} enterprises: product ${(p / 1000).toFixed(2)} s (${((p / n) * 1000).toFixed(0)} µs/row), raw insert ${(r / 1000).toFixed(2)} s, ratio ${(p / r).toFixed(2)}×`);
  }
  console.log(`${dialect} growth: time per row at ${SIZES.at(-1)!.toLocaleString('en')} ÷ at ${SIZES[0]!.toLocaleString('en')} = ${(perRow.at(-1)! / perRow[0]!).toFixed(2)}`);
}
