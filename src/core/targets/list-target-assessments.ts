import type { Target } from '../../shared/plan';
import type { TargetAssessment, TargetDetail } from '../../shared/targets';
import { AppError } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { assessTarget } from './assess-target';
import { COUNT_INDICATORS, countSeries } from './count-series';
import { approvedSeries, cityFigureByYear, missingFor, type YearFigure } from './city-figure';
import { seesEnterpriseFigures } from '../confidentiality/suppression';
import { figureQuality, protect, qualityComponents } from './figure-quality';
import type { PlanTargets } from './ports';
import { memoTargets } from './memo-store';

export const checkDate = (asOf: string): void => {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(asOf)) && new Date(`${asOf}T00:00:00Z`).toISOString().startsWith(asOf);
  if (!valid)
    throw new AppError('VALIDATION', { zh: `日期格式应为 YYYY-MM-DD：${asOf}`, en: `asOf must be YYYY-MM-DD: ${asOf}` }, [{ path: 'asOf', message: 'YYYY-MM-DD' }]);
};

export interface AssessOptions {
  /** Compute on approved values only. */
  approvedOnly?: boolean;
}

export async function assess(deps: Deps, actor: Actor | null, plan: PlanTargets, target: Target, asOf: string, opts: AssessOptions = {}): Promise<TargetDetail> {
  const approvedOnly = !!opts.approvedOnly;
  const counted = COUNT_INDICATORS[target.indicatorCode];
  const base = { target, planId: plan.planId, periodStart: plan.periodStart, asOf };
  if (counted) {
    const c = await countSeries(deps.store, counted, plan.periodStart - 1, asOf);
    const d = assessTarget({ ...base, kind: 'count', series: c.series, countAsOf: c.countAsOf });
    if (d.actual) d.quality = figureQuality({ approvedOnly, actual: d.actual, met: d.attainment?.met ?? null, counted: true, shares: null, weakest: null, missing: null }).quality;
    return d;
  }
  const store = deps.store.targets;
  const all = await store.cityAnnualSeries(target.indicatorCode);
  // Approved-only needs every year's figure (its series is made of them); otherwise only the year assessed.
  const everyYear = approvedOnly ? await cityFigureByYear(store, target.indicatorCode, all.map((p) => p.year)) : null;
  const d = assessTarget({ ...base, kind: 'series', series: everyYear ? approvedSeries(all, everyYear) : all });
  if (!d.actual) return d;
  const byYear = everyYear ?? (await cityFigureByYear(store, target.indicatorCode, [d.actual.t]));
  const fig = byYear.get(d.actual.t);
  const period = fig && /^\d{4}(\d{2}|Q4)?$/.test(fig.shares.period) ? fig.shares.period : `${d.actual.t}12`;
  const found = await missingFor(store, target.indicatorCode, d.actual.t, period);
  const rawMissing = found?.missing ?? null;
  // Shares and the missing sum are sums over enterprises: the confidentiality rule applies below statistician.
  const shown = seesEnterpriseFigures(actor)
    ? { shares: fig?.shares ?? null, missing: rawMissing }
    : protect(fig?.shares ?? null, fig?.largest ?? null, rawMissing, found?.largest ?? 0);
  const q = figureQuality({
    approvedOnly, actual: d.actual, met: d.attainment?.met ?? null, counted: false,
    shares: shown.shares as YearFigure['shares'] | null, weakest: fig?.weakest ?? null, missing: shown.missing as typeof rawMissing,
  });
  d.quality = q.quality;
  if (q.message) d.messages.unshift(q.message);
  d.components.push(...qualityComponents(q.quality, target.unit, target.indicatorCode));
  if (approvedOnly) {
    const asOfYear = Number(asOf.slice(0, 4));
    const skipped = all.filter((p) => p.year > d.actual!.t && p.year < asOfYear + 1 && `${p.year}-12-31` <= asOf).map((p) => p.year);
    d.messages.push(skipped.length
      ? { zh: `仅用已审核数据计算：${skipped.join('、')} 年尚无全部审核的数据，实际值取 ${d.actual.t} 年`, en: `computed on approved values only: ${skipped.join(', ')} not approved yet, so the actual is ${d.actual.t}'s` }
      : { zh: '仅用已审核数据计算', en: 'computed on approved values only' });
  }
  return d;
}

/** All targets of the default plan, assessed on `asOf`. */
export async function listTargetAssessments(deps: Deps, actor: Actor | null, asOf: string, opts: AssessOptions = {}): Promise<{ planId: string; asOf: string; approvedOnly: boolean; targets: TargetAssessment[] }> {
  if (actor) authorize(actor, 'read', 'target');
  checkDate(asOf);
  deps = { ...deps, store: { ...deps.store, targets: memoTargets(deps.store.targets) } };
  const plan = await deps.store.targets.ofPlan(null);
  if (!plan) throw new AppError('NOT_FOUND', { zh: '尚未载入任何行动计划，请先运行 sei init', en: 'no plan loaded yet: run sei init' });
  const targets: TargetAssessment[] = [];
  for (const t of plan.targets) {
    const { series: _series, projectionPoints: _points, ...summary } = await assess(deps, actor, plan, t, asOf, opts);
    targets.push(summary);
  }
  return { planId: plan.planId, asOf, approvedOnly: !!opts.approvedOnly, targets };
}
