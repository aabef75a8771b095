// 评价考核 on both databases: the demo scheme's archived runs for 2019 and 2020, reproduction from the
// archive after the data changed, schemes (CR > 0.1 refuses a run, stale edits 409, roles), the compute
// contract over HTTP and the CLI (exit 2 naming the cell), comparison over periods, and the exports
// opened as files (.docx with jszip, .xlsx with exceljs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHEME } from '../src/db/seed/demo-evaluation';
import type { EvaluationRun, Scheme, SchemeInput } from '../src/shared/evaluation';
import { sei } from './helpers/cli';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const INCONSISTENT = [[1, 9, '1/9'], ['1/9', 1, 9], [9, '1/9', 1]];

describe.each(dialects)('%s: evaluation schemes and runs', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  let scheme: Scheme;
  let runs: { id: string; period: string }[];

  beforeAll(async () => {
    db = await createInitializedDatabase(dialect);
    app = await makeApp(db);
    fgw = await loginAs(app, 'fgw');
    const list = (await fgw.request('GET', '/api/evaluation/schemes')).json();
    scheme = list.schemes.find((s: Scheme) => s.name === DEMO_SCHEME.name);
    runs = (await fgw.request('GET', `/api/evaluation/runs?schemeId=${scheme.id}`)).json().runs;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('init --demo archives the demo scheme ranking the counties for 2019 and 2020, labelled demo', async () => {
    expect(scheme.demo).toBe(true);
    expect(runs.map((r) => r.period).sort()).toEqual(['2019', '2020']);
    for (const r of runs) {
      const run: EvaluationRun = (await fgw.request('GET', `/api/evaluation/runs/${r.id}`)).json();
      expect(run.demo).toBe(true);
      expect(run.version).toBe('sei-eval-1');
      const ranked = run.result.subjects.filter((s) => s.rank !== null);
      expect(ranked.length).toBeGreaterThanOrEqual(12);
      expect(ranked[0].rank).toBe(1);
      for (const s of ranked) {
        expect(s.score).toBeGreaterThan(0);
        expect(s.score).toBeLessThan(1);
      }
      // weights: AHP × entropy, normalised; every AHP matrix consistent.
      expect(run.result.weights.reduce((a, w) => a + w.final, 0)).toBeCloseTo(1, 12);
      expect(run.result.ahp.every((g) => g.CR <= 0.1)).toBe(true);
      // Missing figures are stated and excluded, never scored as 0: in 2019 the districts created in 2020 have no figures.
      const excluded = run.result.subjects.filter((s) => s.excluded);
      for (const s of excluded) {
        expect(s.missing.length).toBeGreaterThan(0);
        expect(s.score).toBeNull();
      }
      if (run.period === '2019') expect(excluded.map((s) => s.key)).toEqual(expect.arrayContaining(['130505', '130506']));
      expect(run.result.missingNote.zh).toContain('排除');
    }
  });

  it('a run reproduces exactly from its archive after the data changed; a new run sees the change', async () => {
    const run2020 = runs.find((r) => r.period === '2020')!;
    const before: EvaluationRun = (await fgw.request('GET', `/api/evaluation/runs/${run2020.id}`)).json();
    const last = before.result.subjects.filter((s) => s.rank !== null).at(-1)!;
    // The last-ranked county's SEI revenue ×20 in the stored aggregates.
    await db.db.updateTable('aggregate_value').set((eb) => ({ value: eb('value', '*', 20) }))
      .where('indicator_code', '=', 'SEI_REVENUE').where('dim_kind', '=', 'county').where('dim_key', '=', last.key).execute();
    const rep = (await fgw.request('POST', `/api/evaluation/runs/${run2020.id}/reproduce`)).json();
    expect(rep).toMatchObject({ identical: true, differences: [] });
    expect(rep.result).toEqual(before.result);
    const fresh = await fgw.request('POST', `/api/evaluation/schemes/${scheme.id}/runs`, { period: '2020' });
    expect(fresh.statusCode).toBe(201);
    const moved = (fresh.json() as EvaluationRun).result.subjects.find((s) => s.key === last.key)!;
    expect(moved.rank).toBeLessThan(last.rank!);
    // The archive still holds the old figure.
    const idx = before.snapshot.subjects.findIndex((s) => s.key === last.key);
    const col = before.snapshot.criteria.findIndex((c) => c.source === 'stat:SEI_REVENUE');
    const newIdx = (fresh.json() as EvaluationRun).snapshot.subjects.findIndex((s) => s.key === last.key);
    expect((fresh.json() as EvaluationRun).snapshot.values[newIdx][col]).toBeCloseTo(before.snapshot.values[idx][col]! * 20, 6);
  });

  it('compares the periods: latest run per year, rank change from the first to the last', async () => {
    const c = (await fgw.request('GET', `/api/evaluation/schemes/${scheme.id}/compare?periods=2019,2020`)).json();
    expect(c.periods).toEqual(['2019', '2020']);
    const both = c.rows.filter((r: { byPeriod: Record<string, { rank: number | null }> }) => r.byPeriod['2019']?.rank != null && r.byPeriod['2020']?.rank != null);
    expect(both.length).toBeGreaterThan(10);
    for (const r of both) expect(r.rankChange).toBe(r.byPeriod['2019'].rank - r.byPeriod['2020'].rank);
    expect((await fgw.request('GET', `/api/evaluation/schemes/${scheme.id}/compare?periods=2018,2020`)).statusCode).toBe(404);
  });

  it('schemes: CR > 0.1 is saved but refuses a run; stale edit 409; a county reads but may not create; audit rows', async () => {
    const input: SchemeInput = { ...DEMO_SCHEME, name: `测试方案 ${dialect}`, definition: { ...DEMO_SCHEME.definition, weighting: 'ahp', pairwise: INCONSISTENT } };
    const created = await fgw.request('POST', '/api/evaluation/schemes', input);
    expect(created.statusCode).toBe(201);
    const s: Scheme = created.json();
    const refused = await fgw.request('POST', `/api/evaluation/schemes/${s.id}/runs`, { period: '2020' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/准则层的判断矩阵一致性比率 CR = \d\.\d{3} > 0\.1/);
    const fixed = await fgw.request('PUT', `/api/evaluation/schemes/${s.id}`, { ...input, rowVersion: 1, definition: { ...input.definition, pairwise: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] } });
    expect(fixed.statusCode).toBe(200);
    expect((await fgw.request('PUT', `/api/evaluation/schemes/${s.id}`, { ...input, rowVersion: 1 })).statusCode).toBe(409);
    expect((await fgw.request('POST', `/api/evaluation/schemes/${s.id}/runs`, { period: '2020' })).statusCode).toBe(201);
    // A non-reciprocal cell is named when saving.
    const bad = await fgw.request('POST', '/api/evaluation/schemes', { ...input, name: 'bad', definition: { ...input.definition, pairwise: [[1, 3, 1], [3, 1, 1], [1, 1, 1]] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('第 1 行第 2 列');
    const county = await loginAs(app, 'ningjin');
    expect((await county.request('GET', '/api/evaluation/schemes')).statusCode).toBe(200);
    expect((await county.request('POST', '/api/evaluation/schemes', { ...input, name: 'x' })).statusCode).toBe(403);
    expect((await county.request('POST', `/api/evaluation/schemes/${s.id}/runs`, { period: '2020' })).statusCode).toBe(403);
    const audit = await db.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', '=', s.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    expect((await fgw.request('DELETE', `/api/evaluation/schemes/${s.id}?rowVersion=1`)).statusCode).toBe(409);
    expect((await fgw.request('DELETE', `/api/evaluation/schemes/${s.id}?rowVersion=2`)).statusCode).toBe(204);
    expect((await fgw.request('GET', `/api/evaluation/runs?schemeId=${s.id}`)).json().runs).toEqual([]);
  });

  it('exports the run: a Word 通报 ranking (jszip) and an Excel workbook (exceljs)', async () => {
    const run: EvaluationRun = (await fgw.request('GET', `/api/evaluation/runs/${runs.find((r) => r.period === '2019')!.id}`)).json();
    const docx = await fgw.request('GET', `/api/evaluation/runs/${run.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('evaluation-2019.docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于2019年度县（市、区）战略性新兴产业发展评价结果的通报');
    expect(text).toContain('演示数据');
    const first = run.result.subjects[0];
    expect(text).toContain(`1${first.name}${first.score!.toFixed(4)}`);
    expect(text).toContain('因数据缺失未参加排名');
    const xlsx = await fgw.request('GET', `/api/evaluation/runs/${run.id}/export?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const sheet = wb.getWorksheet('排名 ranking')!;
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining([1, first.key, first.name, first.score]));
    expect(wb.getWorksheet('原始数据 snapshot')!.rowCount).toBe(run.snapshot.subjects.length + 1);
  });

  it('the compute contract over HTTP: results, and a refusal naming the cell', async () => {
    const ok = await fgw.request('POST', '/api/evaluation/compute', { method: 'ahp', pairwise: [[1, 3], ['1/3', 1]] });
    expect(ok.json()).toMatchObject({ method: 'ahp', CR: 0, consistent: true });
    expect(ok.json().weights[0]).toBeCloseTo(0.75, 12);
    const bad = await fgw.request('POST', '/api/evaluation/compute', { method: 'topsis', matrix: [[1, 2], [3, 'x']] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('matrix[1][1]');
    expect(bad.json().error.message).toContain('第 2 行第 2 列');
  });

  it('the CLI: eval reproduce says the run is identical to its archive', async () => {
    const rep = await sei(db.url, ['eval', 'reproduce', runs[0].id]);
    expect(rep.code).toBe(0);
    expect(rep.stdout).toContain('identical to the archive');
  }, 60_000);
});

// The compute contract needs no database: run once.
describe('sei eval compute', () => {
  it('prints the contract JSON; bad input exits 2 naming the cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sei-eval-'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ method: 'entropy_topsis', matrix: [[1, 5], [2, 3], [4, 1]], types: [1, -1] }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ method: 'ahp', pairwise: [[1, 2], [2, 1]] }));
    const url = `sqlite:${join(dir, 'unused.db')}`;
    const ok = await sei(url, ['eval', 'compute', '--input', join(dir, 'ok.json'), '--json']);
    expect(ok.code).toBe(0);
    const out = JSON.parse(ok.stdout);
    // Row 3 is best on both criteria (largest benefit, smallest cost), row 1 worst on both.
    expect(out.rank).toEqual([3, 2, 1]);
    expect(out.closeness[2]).toBe(1);
    expect(out.closeness[0]).toBe(0);
    expect(out.weights.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
    const bad = await sei(url, ['eval', 'compute', '--input', join(dir, 'bad.json'), '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pairwise[0][1]');
    expect(bad.stderr).toContain('reciprocal');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
