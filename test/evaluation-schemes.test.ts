// 评价考核 schemes as the page creates them, on both databases: a new scheme with fixed weights run for two
// years (weights and scores checked against arithmetic on the archived snapshot), a combined scheme with a
// linear α, refusals naming the field in Chinese and English, stale edits 409, and the comparison of
// chosen runs (?runs=) with the rank change.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/core/app-error';
import { checkScheme } from '../src/core/evaluation/check-scheme';
import { DEMO_SCHEME } from '../src/db/seed/demo-evaluation';
import type { EvaluationRun, RunComparison, Scheme, SchemeInput } from '../src/shared/evaluation';
import { sei } from './helpers/cli';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

// What the page sends for a new county scheme: two groups, fixed relative weights 3 : 1 : 1, weighted sum.
const FIXED: SchemeInput = {
  name: '固定权重测试方案',
  description: '',
  definition: {
    subjectKind: 'county', weighting: 'fixed', ahpVariant: 'eigenvector', combine: { mode: 'product', alpha: 0.5 },
    scoring: 'weighted_sum', topsisVariant: 'vector', rho: 0.5, missing: 'exclude',
    groups: [
      { key: 'g1', name: '规模', criteria: [{ source: 'stat:SEI_REVENUE', weight: 3 }] },
      { key: 'g2', name: '创新', criteria: [{ source: 'registry:platforms', weight: 1 }, { source: 'registry:parks', weight: 1, direction: 1 }] },
    ],
  },
};

const refusal = (raw: unknown): AppError => {
  try { checkScheme(raw); } catch (e) { return e as AppError; }
  throw new Error('expected a refusal');
};

describe('scheme checks name the field in Chinese and English', () => {
  it.each([
    [{ ...FIXED, name: '  ' }, 'name', '方案名称不能为空', 'the scheme needs a name'],
    [{ ...FIXED, definition: { ...FIXED.definition, groups: [] } }, 'definition.groups', '至少需要一个准则', 'at least one criteria group'],
    [{ ...FIXED, definition: { ...FIXED.definition, groups: [{ key: 'g1', name: '规模', criteria: [] }] } }, 'definition.groups.0.criteria', '至少需要一个指标', 'needs at least one criterion'],
    [{ ...FIXED, definition: { ...FIXED.definition, groups: [{ key: 'g1', name: '规模', criteria: [{ source: 'stat:SEI_REVENUE', weight: -1 }] }] } }, 'definition.groups.0.criteria.0.weight', '非负数', 'non-negative'],
    [{ ...FIXED, definition: { ...FIXED.definition, groups: [FIXED.definition.groups[0], { ...FIXED.definition.groups[1], criteria: [{ source: 'registry:platforms', weight: 1 }, { source: 'registry:parks' }] }] } }, 'definition.groups.1.criteria.1.weight', '缺少权重', 'has no weight'],
    [{ ...FIXED, definition: { ...FIXED.definition, subjectKind: 'department' } }, 'definition.groups.0.criteria.0.source', '不适用于此类评价对象', 'not available for department subjects'],
  ])('%#: %s', (raw, path, zh, en) => {
    const e = refusal(raw);
    expect(e.code).toBe('VALIDATION');
    expect(e.issues?.[0].path).toBe(path);
    expect(e.message).toContain(zh);
    expect(e.messageEn).toContain(en);
  });
});

describe.each(dialects)('%s: schemes created as on the page, compared over periods', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  let compared: { schemeId: string; runIds: string[] } | undefined;

  beforeAll(async () => {
    db = await createInitializedDatabase(dialect);
    app = await makeApp(db);
    fgw = await loginAs(app, 'fgw');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('a new fixed-weight scheme runs for 2019 and 2020; weights and scores follow from the archived figures', async () => {
    const created = await fgw.request('POST', '/api/evaluation/schemes', FIXED);
    expect(created.statusCode).toBe(201);
    const s: Scheme = created.json();
    expect(s.definition.groups[1].criteria[1]).toEqual({ source: 'registry:parks', weight: 1, direction: 1 });
    const runs: EvaluationRun[] = [];
    for (const period of ['2019', '2020']) {
      const r = await fgw.request('POST', `/api/evaluation/schemes/${s.id}/runs`, { period });
      expect(r.statusCode).toBe(201);
      runs.push(r.json());
    }
    for (const run of runs) {
      expect(run.result.weights.map((w) => w.final)).toEqual([0.6, 0.2, 0.2]);
      expect(run.result.weights.every((w) => w.ahp === null && w.entropy === null)).toBe(true);
      // Weighted sum on min–max (all benefit) from the snapshot, by hand, for every ranked subject.
      const ranked = run.result.subjects.filter((x) => x.rank !== null);
      expect(ranked.length).toBeGreaterThanOrEqual(10);
      const cols = [0, 1, 2].map((j) => ranked.map((x) => x.values[j] as number));
      for (const x of ranked) {
        const z = [0, 1, 2].map((j) => { const lo = Math.min(...cols[j]); const hi = Math.max(...cols[j]); return hi === lo ? 1 : ((x.values[j] as number) - lo) / (hi - lo); });
        expect(x.score).toBeCloseTo(0.6 * z[0] + 0.2 * z[1] + 0.2 * z[2], 12);
      }
      for (let i = 1; i < ranked.length; i++) expect(ranked[i].score!).toBeLessThanOrEqual(ranked[i - 1].score!);
    }

    // The comparison of the two chosen runs, as the page asks for it (order of the ids does not matter).
    const c: RunComparison = (await fgw.request('GET', `/api/evaluation/schemes/${s.id}/compare?runs=${runs[1].id},${runs[0].id}`)).json();
    expect(c.columns.map((col) => [col.period, col.runId])).toEqual([['2019', runs[0].id], ['2020', runs[1].id]]);
    expect(c.periods).toEqual([runs[0].id, runs[1].id]);
    const moved = c.rows.filter((r) => r.rankChange !== null);
    expect(moved.length).toBeGreaterThanOrEqual(10);
    for (const r of moved) {
      const a = runs[0].result.subjects.find((x) => x.key === r.key)!;
      const b = runs[1].result.subjects.find((x) => x.key === r.key)!;
      expect(r.byPeriod[runs[0].id]).toEqual({ score: a.score, rank: a.rank });
      expect(r.byPeriod[runs[1].id]).toEqual({ score: b.score, rank: b.rank });
      expect(r.rankChange).toBe(a.rank! - b.rank!);
    }
    // Rows follow the latest column's ranking.
    expect(c.rows[0].byPeriod[runs[1].id].rank).toBe(1);

    // A run of another scheme, a single run, an unknown run, and both ways at once are refused by name.
    const demo: Scheme = (await fgw.request('GET', '/api/evaluation/schemes')).json().schemes.find((x: Scheme) => x.name === DEMO_SCHEME.name);
    const demoRun = (await fgw.request('GET', `/api/evaluation/runs?schemeId=${demo.id}`)).json().runs[0];
    const other = await fgw.request('GET', `/api/evaluation/schemes/${s.id}/compare?runs=${runs[0].id},${demoRun.id}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().error.issues[0].path).toBe('runs[1]');
    expect(other.json().error.message).toContain('不属于该方案');
    expect((await fgw.request('GET', `/api/evaluation/schemes/${s.id}/compare?runs=${runs[0].id}`)).json().error.issues[0].path).toBe('runs');
    expect((await fgw.request('GET', `/api/evaluation/schemes/${s.id}/compare?runs=${runs[0].id},nope`)).statusCode).toBe(404);
    expect((await fgw.request('GET', `/api/evaluation/schemes/${s.id}/compare?runs=${runs[0].id},${runs[1].id}&periods=2019,2020`)).statusCode).toBe(400);
    // The years form still answers, keyed by year.
    const byYear: RunComparison = (await fgw.request('GET', `/api/evaluation/schemes/${s.id}/compare?periods=2019,2020`)).json();
    expect(byYear.periods).toEqual(['2019', '2020']);
    expect(byYear.columns.map((col) => col.runId)).toEqual([runs[0].id, runs[1].id]);
    compared = { schemeId: s.id, runIds: runs.map((r) => r.id) };
  });

  it('the CLI compares chosen runs the same way; neither or both of --periods and --runs exit 2', async () => {
    const { schemeId, runIds } = compared!;
    const out = await sei(db.url, ['eval', 'compare', '--scheme', schemeId, '--runs', runIds.join(','), '--json']);
    expect(out.code).toBe(0);
    const c: RunComparison = JSON.parse(out.stdout);
    expect(c.columns.map((col) => col.runId)).toEqual(runIds);
    const api: RunComparison = (await fgw.request('GET', `/api/evaluation/schemes/${schemeId}/compare?runs=${runIds.join(',')}`)).json();
    expect(c.rows).toEqual(api.rows);
    const neither = await sei(db.url, ['eval', 'compare', '--scheme', schemeId]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--periods or --runs');
  }, 90_000);

  it('edits: fixed weights changed with the version read; a stale version answers 409; a missing weight 400 naming it', async () => {
    const s: Scheme = (await fgw.request('POST', '/api/evaluation/schemes', { ...FIXED, name: '固定权重编辑' })).json();
    const groups = FIXED.definition.groups.map((g) => ({ ...g, criteria: g.criteria.map((c) => ({ ...c, weight: 1 })) }));
    const edited = await fgw.request('PUT', `/api/evaluation/schemes/${s.id}`, { ...FIXED, name: '固定权重编辑', rowVersion: s.rowVersion, definition: { ...FIXED.definition, groups } });
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as Scheme).rowVersion).toBe(s.rowVersion + 1);
    const stale = await fgw.request('PUT', `/api/evaluation/schemes/${s.id}`, { ...FIXED, name: '固定权重编辑', rowVersion: s.rowVersion });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('已被他人修改');
    const run: EvaluationRun = (await fgw.request('POST', `/api/evaluation/schemes/${s.id}/runs`, { period: '2020' })).json();
    run.result.weights.forEach((w) => expect(w.final).toBeCloseTo(1 / 3, 15));
    const noWeight = await fgw.request('PUT', `/api/evaluation/schemes/${s.id}`, { ...FIXED, name: '固定权重编辑', rowVersion: s.rowVersion + 1, definition: { ...FIXED.definition, groups: [{ ...groups[0], criteria: [{ source: 'stat:SEI_REVENUE' }] }] } });
    expect(noWeight.statusCode).toBe(400);
    expect(noWeight.json().error.issues[0].path).toBe('definition.groups.0.criteria.0.weight');
    const audit = await db.db.selectFrom('audit_log').select('action').where('entity_id', '=', s.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('combined with a linear α: final = α·AHP + (1 − α)·entropy, α kept in the archive', async () => {
    const input: SchemeInput = { ...DEMO_SCHEME, name: `线性组合 ${dialect}`, definition: { ...DEMO_SCHEME.definition, combine: { mode: 'linear', alpha: 0.3 } } };
    const s: Scheme = (await fgw.request('POST', '/api/evaluation/schemes', input)).json();
    expect(s.definition.combine).toEqual({ mode: 'linear', alpha: 0.3 });
    const run: EvaluationRun = (await fgw.request('POST', `/api/evaluation/schemes/${s.id}/runs`, { period: '2020' })).json();
    expect(run.scheme.definition.combine.alpha).toBe(0.3);
    for (const w of run.result.weights) expect(w.final).toBeCloseTo(0.3 * w.ahp! + 0.7 * w.entropy!, 12);
    expect(run.result.weights.reduce((a, w) => a + w.final, 0)).toBeCloseTo(1, 12);
  });
});
