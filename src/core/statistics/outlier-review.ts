// Outlier review list: for each organisation, the period's single-period value (for year-to-date
// indicators: the month's own value) — or, for months and quarters, its growth over the same period a
// year earlier, so that seasons and steady growth are not flagged — against its own history, by z-score,
// modified z-score and the indicator's bounds; reviewers confirm a value or correct it (the correction goes through the form path).
import { OUTLIER_BASES, OutlierReviewBody, type OutlierBasis, type OutlierItem } from '../../shared/statistics';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { canReadValues, canWriteValues, loadValidationContext } from './context';
import { findOrg, indicatorMap } from './lookup';
import { detectOutlier, type OutlierMethod } from './outliers';
import { normalizePeriod, periodKindOf, periodRange, shiftPeriod, singleFromYtd } from './periods';
import type { OrgInfo, ReportRecord } from './ports';
import { lockReason, datasetsFor, reportKey, validateValues } from './validate-values';
import { writeValues } from './write-values';

export type { OutlierItem };

export interface OutlierQuery {
  period: string;
  indicators?: string[];
  methods?: OutlierMethod[];
  zThreshold?: number;
  modifiedZThreshold?: number;
  /** Periods of history before the period (default 24). */
  window?: number;
  /**
   * `level`: single-period values; `yoy`: growth over the same period a year earlier; `auto` (default):
   * `yoy` for monthly and quarterly periods when the period and at least 6 periods of history have a
   * positive value a year earlier, else `level`.
   */
  basis?: (typeof OUTLIER_BASES)[number];
  includeReviewed?: boolean;
}

export async function findOutliers(deps: Deps, actor: Actor, q: OutlierQuery, now: Date): Promise<OutlierItem[]> {
  authorize(actor, 'read', 'datavalue');
  const st = deps.store.statistics;
  const period = normalizePeriod(q.period);
  if (!period) throw new AppError('VALIDATION', { zh: `期间格式有误：${q.period}（应为 2019、2019Q1 或 201903）`, en: `invalid period "${q.period}" (use 2019, 2019Q1 or 201903)` }, [{ path: 'period', field: 'period', value: q.period, message: 'invalid period' }]);
  const inds = await indicatorMap(st);
  const codes = (q.indicators?.length ? q.indicators : [...inds.values()].filter((i) => i.level !== 'derived' && i.aggregation === 'sum').map((i) => i.code)).filter((c) => inds.has(c));
  const window = q.window ?? 24;
  const yearLength = period.includes('Q') ? 4 : period.length === 6 ? 12 : 1;
  // Single values a year before the oldest history period are needed for its growth (and one more period
  // for the single value of a year-to-date indicator).
  const from = shiftPeriod(period, -(window + yearLength + 1));
  const rows = await st.valuesOf({ indicatorCodes: codes, fromPeriod: from, toPeriod: period });
  const orgs = new Map([...(await st.orgInfos()).values()].map((o) => [o.orgId, o]));
  const series = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.period.length !== period.length) continue;
    const k = `${r.orgId}\u0001${r.indicatorCode}`;
    let m = series.get(k);
    if (!m) series.set(k, (m = new Map()));
    m.set(r.period, r.value);
  }
  const reviews = new Map((await st.outlierReviews({ periods: [period], indicatorCodes: codes })).map((r) => [`${r.orgId}\u0001${r.indicatorCode}`, r]));
  const histPeriods = periodRange(shiftPeriod(period, -window), shiftPeriod(period, -1));
  const reportOf = await reportFinder(deps, period, now);
  const out: OutlierItem[] = [];
  for (const [k, m] of series) {
    const value = m.get(period);
    if (value == null) continue;
    const [orgId, code] = k.split('\u0001') as [string, string];
    const org = orgs.get(orgId);
    if (!org || !canReadValues(actor, org)) continue;
    const ind = inds.get(code)!;
    const single = (p: string) => (ind.cumulative ? singleFromYtd((x) => m.get(x), p) : (m.get(p) ?? null));
    const own = single(period);
    if (own == null) continue;
    const { basis, tested, history } = testedSeries(q.basis ?? 'auto', yearLength, period, histPeriods, single) ?? { basis: 'level' as const, tested: own, history: histPeriods.map(single).filter((v): v is number => v != null) };
    const findings = detectOutlier(tested, history, {
      methods: q.methods ?? ['zscore', 'modified_z', 'bounds'], zThreshold: q.zThreshold, modifiedZThreshold: q.modifiedZThreshold,
      // Bounds are about values, not growth rates: on a yoy basis only the stored value is checked (below).
      min: basis === 'level' ? ind.minValue : null, max: basis === 'level' ? ind.maxValue : null,
    });
    // Bounds apply to the stored value as entered too (and to the period's own value when growth was tested).
    if ((q.methods ?? ['bounds']).includes('bounds') && !findings.some((f) => f.method === 'bounds')) {
      const outside = (x: number) => (ind.minValue != null && x < ind.minValue) || (ind.maxValue != null && x > ind.maxValue);
      if (outside(value) || (basis === 'yoy' && outside(own))) findings.push({ method: 'bounds', score: null, threshold: null, low: ind.minValue, high: ind.maxValue });
    }
    if (!findings.length) continue;
    const review = reviews.get(k) ?? null;
    if (review && !q.includeReviewed) continue;
    out.push({ orgCode: org.code, orgName: org.name, indicatorCode: code, period, value, basis, tested, history: history.length, findings, review: review && { decision: review.decision, note: review.note, actorName: review.actorName, at: review.at }, report: reportOf(org, code) });
  }
  return out.sort((a, b) => Math.abs(b.findings[0]?.score ?? 0) - Math.abs(a.findings[0]?.score ?? 0));
}

/**
 * The report each value belongs to (the first data set of the organisation's kind and the period's
 * frequency holding the indicator), with whether it is locked and why: a locked value is returned, not corrected.
 */
async function reportFinder(deps: Deps, period: string, now: Date): Promise<(org: OrgInfo, code: string) => OutlierItem['report']> {
  const st = deps.store.statistics;
  const [datasets, reports] = await Promise.all([st.datasets(), st.reports({ periods: [period] })]);
  const ctx = { reports: new Map<string, ReportRecord>(reports.map((r) => [reportKey(r.datasetCode, r.orgId, r.period), r])), now };
  const kind = periodKindOf(period);
  return (org, code) => {
    const ds = datasetsFor(datasets, code, org, kind)[0];
    if (!ds) return null;
    const r = ctx.reports.get(reportKey(ds.code, org.orgId, period));
    const lock = lockReason(ds, org, period, ctx);
    return { dataset: ds.code, status: r?.status ?? 'draft', rowVersion: r?.rowVersion ?? 0, locked: !!lock, lockReason: lock && { zh: lock.zh, en: lock.en } };
  };
}

/** Growth in % over the same period a year earlier, or null when the earlier value is missing or not positive. */
const growth = (cur: number | null, prev: number | null): number | null => (cur == null || prev == null || prev <= 0 ? null : (cur / prev - 1) * 100);

/**
 * The year-on-year series to test, or null to test levels: chosen for `yoy`, and for `auto` on monthly
 * and quarterly periods when the period and at least 6 history periods have a growth rate.
 */
function testedSeries(basis: (typeof OUTLIER_BASES)[number], yearLength: number, period: string, histPeriods: string[], single: (p: string) => number | null): { basis: OutlierBasis; tested: number; history: number[] } | null {
  if (basis === 'level' || (basis === 'auto' && yearLength === 1)) return null;
  const yoy = (p: string) => growth(single(p), single(shiftPeriod(p, -yearLength)));
  const tested = yoy(period);
  const history = histPeriods.map(yoy).filter((v): v is number => v != null);
  if (tested == null || (basis === 'auto' && history.length < 6)) return null;
  return { basis: 'yoy', tested, history };
}

export async function reviewOutlier(deps: Deps, actor: Actor, raw: unknown, now: Date): Promise<{ decision: string; value: number }> {
  const body = parseInput(OutlierReviewBody, raw);
  authorize(actor, 'update', 'datavalue');
  return deps.store.transaction(async (tx) => {
    const st = tx.statistics;
    const org = await findOrg(st, body.orgCode);
    if (!canWriteValues(actor, org)) throw new AppError('FORBIDDEN');
    const period = normalizePeriod(body.period) ?? body.period;
    const stored = (await st.valuesOf({ orgIds: [org.orgId], indicatorCodes: [body.indicatorCode], periods: [period] }))[0];
    if (!stored) throw new AppError('NOT_FOUND', { zh: '该数值不存在', en: 'no such value' });
    const meta = { actorId: actor.userId, actorName: actor.username, now: now.toISOString(), batchId: null };
    let value = stored.value;
    if (body.decision === 'corrected') {
      if (body.value == null) throw new AppError('VALIDATION', { zh: '更正须给出新数值', en: 'a correction needs the new value' }, [{ path: 'value', message: 'required' }]);
      const ctx = await loadValidationContext(st, actor, [{ period }], now);
      const ind = ctx.indicators.get(body.indicatorCode);
      for (const ds of ind ? datasetsFor(ctx.datasets, ind.code, org, ind.frequency) : []) {
        const lock = lockReason(ds, org, period, ctx);
        if (lock) throw new AppError('LOCKED', { zh: `${lock.zh}；请先退回再更正`, en: `${lock.en}; return it before correcting` });
      }
      const { values, issues, locked } = validateValues([{ row: 1, orgCode: org.code, indicatorCode: body.indicatorCode, period, value: body.value }], ctx);
      if (locked.length) throw new AppError('LOCKED', { zh: locked[0]!.issue.reason, en: locked[0]!.issue.reasonEn });
      if (issues.length) throw new AppError('VALIDATION', { zh: issues[0]!.reason, en: issues[0]!.reasonEn });
      await writeValues(st, values, { source: 'form', status: 'draft', reason: `异常值更正 outlier correction${body.note ? `: ${body.note}` : ''}`, meta, auditCreates: true });
      value = body.value;
    }
    await st.saveOutlierReview({ orgId: org.orgId, indicatorCode: body.indicatorCode, period, decision: body.decision, value, note: body.note ?? null }, meta);
    await tx.audit.write({ actorId: actor.userId, actorName: actor.username, action: `outlier.${body.decision}`, entity: 'data_value', entityId: `${org.code}/${body.indicatorCode}/${period}`, before: { value: stored.value }, after: { value, note: body.note ?? null } });
    return { decision: body.decision, value };
  });
}
