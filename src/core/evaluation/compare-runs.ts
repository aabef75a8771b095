// Comparison over periods: the latest run of a scheme for each period, subject by subject, with the
// change of rank from the first to the last period (positive = moved up).
import type { RunComparison } from '../../shared/evaluation';
import { AppError } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';

export async function compareRuns(deps: Deps, actor: Actor | null, schemeId: string, periods: string[]): Promise<RunComparison> {
  if (actor) authorize(actor, 'read', 'evaluation');
  const bad = periods.find((p) => !/^\d{4}$/.test(p));
  if (bad || periods.length < 2) throw new AppError('VALIDATION', { zh: '请给出至少两个年份，如 2019,2020', en: 'give at least two years, e.g. 2019,2020' }, [{ path: 'periods', message: bad ? `not a year: ${bad}` : 'at least two' }]);
  const sorted = [...new Set(periods)].sort();
  const runs = await deps.store.evaluation.latestRuns(schemeId, sorted);
  const byPeriod = new Map(runs.map((r) => [r.period, r]));
  const missing = sorted.filter((p) => !byPeriod.has(p));
  if (missing.length) throw new AppError('NOT_FOUND', { zh: `该方案在 ${missing.join('、')} 年没有评价结果，请先运行`, en: `the scheme has no run for ${missing.join(', ')}; run it first` });
  const rows = new Map<string, RunComparison['rows'][number]>();
  for (const p of sorted) {
    for (const s of byPeriod.get(p)!.result.subjects) {
      const row = rows.get(s.key) ?? { key: s.key, name: s.name, byPeriod: {}, rankChange: null };
      row.byPeriod[p] = { score: s.score, rank: s.rank };
      rows.set(s.key, row);
    }
  }
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  for (const r of rows.values()) {
    const a = r.byPeriod[first]?.rank;
    const b = r.byPeriod[last]?.rank;
    r.rankChange = a != null && b != null ? a - b : null;
  }
  const list = [...rows.values()].sort((a, b) => (a.byPeriod[last]?.rank ?? Infinity) - (b.byPeriod[last]?.rank ?? Infinity) || (a.key < b.key ? -1 : 1));
  return { schemeId, periods: sorted, rows: list };
}
