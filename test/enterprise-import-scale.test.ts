// The enterprise directory imports in time that grows with its rows: 20,000 generated enterprises
// load in one all-or-nothing transaction, every row stored and audited; importing the same file
// again changes nothing; a code twice in one file is refused naming both rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEnterprises } from '../src/core/statistics/import-enterprises';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { enterpriseTable } from './helpers/enterprise-table';

const N = 20_000;

describe.each(dialects)('%s: importing a large enterprise directory', (dialect) => {
  let database: TestDatabase;
  let counties: string[];
  const deps = () => ({ store: createStore(database.db), secrets });
  const auditCount = async () => Number((await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'enterprise').executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: false });
    counties = (await database.db.selectFrom('organization').select('code').where('kind', '=', 'county').where('active', '=', 1).orderBy('code').execute()).map((r) => r.code);
  }, 120_000);
  afterAll(async () => database?.drop());

  it(`stores and audits every one of ${N} rows, then leaves them alone on a second import`, async () => {
    const table = enterpriseTable(N, counties);
    const first = await importEnterprises(deps(), null, table, { dryRun: false }, new Date('2021-01-05T00:00:00Z'));
    expect(first).toMatchObject({ valid: true, rows: N, created: N, updated: 0, unchanged: 0 });
    const stored = await database.db.selectFrom('enterprise as e').innerJoin('organization as c', 'c.id', 'e.county_org_id')
      .select(['e.uscc', 'e.name', 'c.code as county', 'e.industry_code', 'e.sei_l1']).where('e.name', 'like', '导入测试企业%').execute();
    expect(stored).toHaveLength(N);
    const byCode = new Map(stored.map((r) => [r.uscc, r]));
    for (const [uscc, name, county, industry] of table.slice(1)) {
      const r = byCode.get(String(uscc));
      expect(r, String(uscc)).toMatchObject({ name, county, industry_code: industry });
    }
    // 1311 稻谷加工 is outside the SEI catalogue; the other three classes are in it.
    expect(stored.filter((r) => r.sei_l1 === null).length).toBe(table.slice(1).filter((r) => r[3] === '1311').length);
    expect(await auditCount()).toBe(N);

    const again = await importEnterprises(deps(), null, table, { dryRun: false }, new Date('2021-01-06T00:00:00Z'));
    expect(again).toMatchObject({ valid: true, created: 0, updated: 0, unchanged: N });
    expect(await auditCount()).toBe(N);
  }, 300_000);

  it('refuses a file that names one code twice, naming both rows, and stores nothing', async () => {
    const table = enterpriseTable(3, counties, 50_000);
    table.push([...table[2]!]);
    const before = await auditCount();
    const dry = await importEnterprises(deps(), null, table, { dryRun: true }, new Date());
    expect(dry).toMatchObject({ valid: false, issues: [expect.objectContaining({ row: 5, field: 'uscc', reason: expect.stringContaining('第 3 行') })] });
    await expect(importEnterprises(deps(), null, table, { dryRun: false }, new Date())).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await auditCount()).toBe(before);
  });

  it('updates a changed row and moves nothing else', async () => {
    const table = enterpriseTable(2, counties, 60_000);
    await importEnterprises(deps(), null, table, { dryRun: false }, new Date());
    table[1]![1] = '改名后的企业有限公司';
    const r = await importEnterprises(deps(), null, table, { dryRun: false }, new Date());
    expect(r).toMatchObject({ valid: true, created: 0, updated: 1, unchanged: 1 });
    const row = await database.db.selectFrom('enterprise').select(['name', 'row_version']).where('uscc', '=', String(table[1]![0])).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '改名后的企业有限公司', row_version: 2 });
  });
});
