// `sei data import/export`, the monitoring commands (`sei data completeness/remind/violations/outliers/
// aggregates`) and `sei enterprise list/import` against both databases; `--json` is compared with the API.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE } from '../src/db/seed/demo';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/databases';
import { cliSuite, sei as runSei, type CliSuite } from './helpers/cli';

/** The CLI with its progress bar forced on (the import tests read it). */
const sei = (url: string, args: string[]) => runSei(url, args, { SEI_PROGRESS: '1' });

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe.each(dialects)('%s: sei data and sei enterprise', { timeout: 120_000 }, (dialect) => {
  const suite = cliSuite(dialect, 'sei-cli-');
  let database: TestDatabase, dir: string, api: CliSuite['api'];
  beforeAll(() => void ({ database, dir, api } = suite));

  it('rejects an invalid file with exit 2, listing row/field/value/reason, storing nothing', async () => {
    const r = await sei(database.url, ['data', 'import', fixture('statistics-bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was stored');
    expect(r.stderr).toMatch(/3\tindicator_code\tREVENUE_X\t指标代码不存在/);
    expect(r.stderr).toMatch(/4\tperiod\t2020-13\t/);
    const json = await sei(database.url, ['data', 'import', fixture('statistics-bad.csv'), '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, stored: false, issueCount: 3 });
  });

  it('previews with --dry-run --json, imports, and re-imports idempotently', async () => {
    const dry = await sei(database.url, ['data', 'import', fixture('statistics-long-gbk.csv'), '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, valid: true, encoding: 'gbk', inserted: 4 });
    const run = await sei(database.url, ['data', 'import', fixture('statistics-long-gbk.csv')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('inserted 4');
    const again = await sei(database.url, ['data', 'import', fixture('statistics-long-gbk.csv')]);
    expect(again.stdout).toContain('unchanged 4');
    const out = await sei(database.url, ['data', 'export', '--period', '202012', '--org', DEMO_ENTERPRISE.code]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`${DEMO_ENTERPRISE.code},邢台演示新材料有限公司（演示）,REVENUE,202012,52310.5,draft,file`);
    const bad = await sei(database.url, ['data', 'export', '--format', 'pdf']);
    expect(bad.code).toBe(2);
  });

  it('enterprise list: only the county asked for, --json as GET /api/enterprises; bad flags exit 2', async () => {
    const [json, human, bad] = await Promise.all([
      sei(database.url, ['enterprise', 'list', '--county', '130528', '--json']),
      sei(database.url, ['enterprise', 'list', '--county', '130528', '--limit', '3']),
      sei(database.url, ['enterprise', 'list', '--limit', '0']),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const list = JSON.parse(json.stdout);
    expect(list.total).toBeGreaterThan(3);
    expect(list.total).toBeLessThan((await api('/api/enterprises?limit=1')).total);
    expect(list.items.map((e: { county: { code: string } }) => e.county.code)).toEqual(Array(Math.min(list.total, 50)).fill('130528'));
    expect(list).toEqual(await api('/api/enterprises?county=130528'));
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout.split('\n').filter((l) => l.startsWith('911305'))).toHaveLength(3);
    expect(human.stdout).toContain(`共 ${list.total} 家，显示 1–3`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit 须为 1–500 的整数 \/ --limit must be an integer/);
  });

  it('enterprise import: a GBK file with a wrong check character exits 2 naming row and field and stores nothing; a good file imports', async () => {
    const bad = join(dir, 'enterprises-bad-gbk.csv');
    writeFileSync(bad, iconv.encode([
      '统一社会信用代码,企业名称,县市区,行业代码,企业类别,高新',
      '91130528MA0CK4L535,宁晋测试光伏有限公司,宁晋县,3825,骨干,是',
      '91130528MA0CK4L536,宁晋测试二有限公司,130528,3825,中小,否',
    ].join('\r\n') + '\r\n', 'gbk'));
    const good = join(dir, 'enterprises-good.csv');
    writeFileSync(good, 'uscc,name,county_code,industry_code,tier,high_tech\n91130528MA0CK4L535,宁晋测试光伏有限公司,130528,3825,backbone,是\n');
    const [human, json, dry] = await Promise.all([
      sei(database.url, ['enterprise', 'import', bad]),
      sei(database.url, ['enterprise', 'import', bad, '--json']),
      sei(database.url, ['enterprise', 'import', good, '--dry-run', '--json']),
    ]);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('nothing was stored');
    expect(human.stderr).toMatch(/3\tuscc\t91130528MA0CK4L536\t统一社会信用代码校验位错误.* \/ the check character does not match/);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ valid: false, stored: false, issueCount: 1, issues: [expect.objectContaining({ row: 3, field: 'uscc', value: '91130528MA0CK4L536' })] });
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ dryRun: true, valid: true, rows: 1, created: 1, updated: 0, unchanged: 0, issues: [] });
    expect((await api(`/api/enterprises?q=${encodeURIComponent('宁晋测试')}`)).total).toBe(0); // row 2 was fine, yet nothing is stored

    const run = await sei(database.url, ['enterprise', 'import', good]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('新增 created 1');
    const stored = await api(`/api/enterprises?q=${encodeURIComponent('宁晋测试')}`);
    expect(stored.items).toEqual([expect.objectContaining({ uscc: '91130528MA0CK4L535', tier: 'backbone', highTech: true, county: { code: '130528', name: '宁晋县' }, planIndustryCode: 'new-energy-grid' })]);
  });

  it('data completeness lists the December non-reporters as the API does; remind sends them reminders', async () => {
    const [json, human, noDataset] = await Promise.all([
      sei(database.url, ['data', 'completeness', '--dataset', 'ENT_MONTHLY', '--period', '202012', '--json']),
      sei(database.url, ['data', 'completeness', '--dataset', 'ENT_MONTHLY', '--period', '2020-12']),
      sei(database.url, ['data', 'completeness', '--period', '202012']),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const c = JSON.parse(json.stdout);
    expect(c).toEqual(await api('/api/statistics/completeness?dataset=ENT_MONTHLY&period=202012'));
    expect(c.total.expected).toBe((await api('/api/enterprises?limit=1')).total); // 241 demo enterprises and the one imported above
    expect(c.nonReporters.length).toBeGreaterThan(0);
    expect(c.nonReporters.length).toBe(c.total.expected - c.total.received);
    expect(c.nonReporters.map((n: { orgCode: string }) => n.orgCode)).toContain(DEMO_ENTERPRISE.code);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`未报 non-reporters: ${c.nonReporters.length}`);
    expect(human.stdout).toContain(DEMO_ENTERPRISE.code);
    expect(noDataset.code).toBe(2);
    expect(noDataset.stderr).toContain('缺少 --dataset');

    const remind = await sei(database.url, ['data', 'remind', '--dataset', 'ENT_MONTHLY', '--period', '202012']);
    expect(remind.code, remind.stderr).toBe(0);
    expect(remind.stdout).toContain(`已催报 ${c.nonReporters.length} 家 / reminded ${c.nonReporters.length} organisation(s)`);
    const after = await api('/api/statistics/completeness?dataset=ENT_MONTHLY&period=202012');
    expect(after.nonReporters.map((n: { reminders: number }) => n.reminders)).toEqual(Array(c.nonReporters.length).fill(1));
    const rows = await database.db.selectFrom('reminder').select(['actor_name']).where('period', '=', '202012').execute();
    expect(rows.map((r) => r.actor_name)).toEqual(Array(c.nonReporters.length).fill('cli'));
  });

  it('data violations and outliers list the demo’s value-added > revenue case and keyed-in errors as the API does', async () => {
    const [violations, violationsHuman, outliers, outliersHuman] = await Promise.all([
      sei(database.url, ['data', 'violations', '--period', '201905', '--json']),
      sei(database.url, ['data', 'violations', '--period', '2019-05']),
      sei(database.url, ['data', 'outliers', '--period', '202006', '--json']),
      sei(database.url, ['data', 'outliers', '--period', '202010', '--indicator', 'REVENUE']),
    ]);
    expect(violations.code, violations.stderr).toBe(0);
    const v = JSON.parse(violations.stdout);
    expect(v).toEqual(await api('/api/statistics/violations?period=201905'));
    const va = v.violations.find((x: { ruleCode: string }) => x.ruleCode === 'VA_LE_REVENUE');
    expect(va.left).toBeGreaterThan(va.right);
    expect(violationsHuman.stdout).toMatch(new RegExp(`${va.orgCode} .*201905 +VA_LE_REVENUE`));

    expect(outliers.code, outliers.stderr).toBe(0);
    const o = JSON.parse(outliers.stdout);
    expect(o).toEqual(await api('/api/statistics/outliers?period=202006'));
    // The demo keyed REVENUE of enterprise 017 nine times too high in 2020-06 (and of 101 in 2020-10).
    const keyed = o.outliers.find((x: { orgName: string; indicatorCode: string }) => x.orgName.endsWith('（演示017）') && x.indicatorCode === 'REVENUE');
    expect(keyed.findings.find((f: { method: string }) => f.method === 'modified_z').score).toBeGreaterThan(3.5);
    expect(outliersHuman.code, outliersHuman.stderr).toBe(0);
    expect(outliersHuman.stdout).toMatch(/（演示101）\s+REVENUE\s+202010/);
  });

  it('data aggregates: county values of SEI revenue 2020 sum to the city value, with raw and 同口径 growth', async () => {
    const [county, city, human, badDim] = await Promise.all([
      sei(database.url, ['data', 'aggregates', '--indicator', 'SEI_REVENUE', '--dim', 'county', '--period', '2020', '--json']),
      sei(database.url, ['data', 'aggregates', '--indicator', 'SEI_REVENUE', '--period', '2020', '--json']),
      sei(database.url, ['data', 'aggregates', '--indicator', 'SEI_REVENUE', '--dim', 'county', '--period', '2020']),
      sei(database.url, ['data', 'aggregates', '--indicator', 'SEI_REVENUE', '--dim', 'planet', '--period', '2020']),
    ]);
    expect(county.code, county.stderr).toBe(0);
    const a = JSON.parse(county.stdout);
    expect(a).toEqual(await api('/api/statistics/aggregates?indicator=SEI_REVENUE&dim=county&period=2020'));
    const c = JSON.parse(city.stdout);
    expect(c).toMatchObject({ dim: 'city', period: '2020', previousPeriod: '2019' });
    expect(a.rows.length).toBeGreaterThan(10);
    expect(a.rows.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBeCloseTo(c.rows[0].value, 6);
    expect(a.rows.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(c.rows[0].n);
    const entrants = a.rows.find((r: { n: number; previousN: number; matched: { n: number } }) => r.matched.n < r.previousN);
    expect(entrants.matched.yoy).not.toBeCloseTo(entrants.yoy, 3);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('同口径同比 matched YoY');
    expect(human.stdout).toContain(entrants.name);
    expect(badDim.code).toBe(2);
    expect(badDim.stderr).toContain('--dim 须为 city、county、industry、sei、park 之一');
  });

  it('data aggregates --dim sei: unconfirmed partly-SEI enterprises in a 待确认 row, the rows adding up to the total', async () => {
    const [json, human] = await Promise.all([
      sei(database.url, ['data', 'aggregates', '--indicator', 'REVENUE', '--dim', 'sei', '--period', '2020', '--json']),
      sei(database.url, ['data', 'aggregates', '--indicator', 'REVENUE', '--dim', 'sei', '--period', '2020']),
    ]);
    const a = JSON.parse(json.stdout);
    expect(a).toEqual(await api('/api/statistics/aggregates?indicator=REVENUE&dim=sei&period=2020'));
    expect(a.rows.at(-1)).toMatchObject({ key: '_pending', name: '待确认', n: 10 });
    expect(a.rows.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBeCloseTo(a.total.value, 4);
    expect(human.stdout).toMatch(/_pending\s+待确认/);
    expect(human.stdout).toContain('合计 total');
  });
});

describe.each(dialects)('%s: the statistics commands on an uninitialised database', { timeout: 60_000 }, (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await database.close(); // the CLI opens its own connection
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('say to run sei init and exit 2', async () => {
    // One after the other: each first runs the migrations on the empty database.
    for (const args of [['enterprise', 'list'], ['data', 'outliers', '--json']]) {
      const r = await sei(database.url, args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('数据库尚未初始化，请先运行 sei init --demo / database not initialised');
    }
  });
});
