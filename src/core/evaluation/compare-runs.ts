// Comparison over periods, subject by subject, with the change of rank from the first to the last column
// (positive = moved up). Two ways to pick the columns: years (the latest run of the scheme for each year;
// the CLI and `?periods=`) or chosen runs (`?runs=`, the page: e.g. 2019 against 2020, or two runs of one
// year before and after the data changed). Columns are ordered by period, then by when the run was made.
import type { EvaluationRun, RunComparison } from '../../shared/evaluation';
import { AppError } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';

const refuse = (path: string, zh: string, en: string) => new AppError('VALIDATION', { zh, en }, [{ path, message: en, reason: zh, reasonEn: en }]);

function build(schemeId: string, columns: { key: string; run: EvaluationRun }[]): RunComparison {
  const rows = new Map<string, RunComparison['rows'][number]>();
  for (const { key, run } of columns) {
    for (const s of run.result.subjects) {
      const row = rows.get(s.key) ?? { key: s.key, name: s.name, byPeriod: {}, rankChange: null };
      row.byPeriod[key] = { score: s.score, rank: s.rank };
      rows.set(s.key, row);
    }
  }
  const first = columns[0].key;
  const last = columns[columns.length - 1].key;
  for (const r of rows.values()) {
    const a = r.byPeriod[first]?.rank;
    const b = r.byPeriod[last]?.rank;
    r.rankChange = a != null && b != null ? a - b : null;
  }
  const list = [...rows.values()].sort((a, b) => (a.byPeriod[last]?.rank ?? Infinity) - (b.byPeriod[last]?.rank ?? Infinity) || (a.key < b.key ? -1 : 1));
  return {
    schemeId,
    periods: columns.map((c) => c.key),
    columns: columns.map(({ key, run }) => ({ key, runId: run.id, period: run.period, createdAt: run.createdAt, createdBy: run.createdBy })),
    rows: list,
  };
}

/** The latest run of the scheme for each year; the columns are keyed by the year. */
export async function compareRuns(deps: Deps, actor: Actor | null, schemeId: string, periods: string[]): Promise<RunComparison> {
  if (actor) authorize(actor, 'read', 'evaluation');
  const bad = periods.find((p) => !/^\d{4}$/.test(p));
  if (bad || periods.length < 2) throw new AppError('VALIDATION', { zh: '请给出至少两个年份，如 2019,2020', en: 'give at least two years, e.g. 2019,2020' }, [{ path: 'periods', message: bad ? `not a year: ${bad}` : 'at least two' }]);
  const sorted = [...new Set(periods)].sort();
  const runs = await deps.store.evaluation.latestRuns(schemeId, sorted);
  const byPeriod = new Map(runs.map((r) => [r.period, r]));
  const missing = sorted.filter((p) => !byPeriod.has(p));
  if (missing.length) throw new AppError('NOT_FOUND', { zh: `该方案在 ${missing.join('、')} 年没有评价结果，请先运行`, en: `the scheme has no run for ${missing.join(', ')}; run it first` });
  return build(schemeId, sorted.map((p) => ({ key: p, run: byPeriod.get(p)! })));
}

/** Chosen runs of the scheme (two or more); the columns are keyed by run id. */
export async function compareRunIds(deps: Deps, actor: Actor | null, schemeId: string, runIds: string[]): Promise<RunComparison> {
  if (actor) authorize(actor, 'read', 'evaluation');
  const ids = [...new Set(runIds.filter(Boolean))];
  if (ids.length < 2) throw refuse('runs', '请选择该方案的至少两次评价结果进行比较', 'choose at least two runs of the scheme to compare');
  const runs: EvaluationRun[] = [];
  for (const [i, id] of ids.entries()) {
    const run = await deps.store.evaluation.getRun(id);
    if (!run) throw new AppError('NOT_FOUND', { zh: `第 ${i + 1} 个评价结果不存在：${id}`, en: `run ${i + 1} not found: ${id}` }, [{ path: `runs[${i}]`, message: 'not found' }]);
    if (run.schemeId !== schemeId) throw refuse(`runs[${i}]`, `第 ${i + 1} 个评价结果（${run.period} 年）不属于该方案，只能比较同一方案的结果`, `run ${i + 1} (${run.period}) belongs to another scheme; only runs of one scheme can be compared`);
    runs.push(run);
  }
  runs.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  return build(schemeId, runs.map((run) => ({ key: run.id, run })));
}
