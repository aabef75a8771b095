// Dashboard aggregates read from the pre-aggregated rows: by city, county, plan industry, SEI category
// or park; month → quarter → year honouring year-to-date indicators; year-on-year growth raw and
// 同口径 (only organisations that reported in both years), with the set sizes. Every breakdown of an
// additive indicator adds up to the city total (reconciling rows 未分类 / 未入园 / 待确认, and 其他 for
// what is left); county rows are on the division vintage of the period; for readers below statistician,
// coordinator or leader cells are suppressed by the confidentiality rule (src/core/confidentiality).
import { DIM_KINDS, OTHER_KEY, reconcilingLabel, type AggregateResultRow, type Aggregates, type DimKind, type DivisionVintage, type Indicator, type SeriesPoint } from '../../shared/statistics';
import { AppError, notFound } from '../app-error';
import { DOMINANCE_SHARE, MIN_CONTRIBUTORS, primaryReason, seesEnterpriseFigures, type ConfidentialCell } from '../confidentiality/suppression';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { enterpriseBase, enterpriseCells, suppressionByPeriod } from './aggregate-cells';
import { growth, resolvePoint, rowsFor, type AggregatePoint } from './aggregate-points';
import { divisionMapping, vintageOf } from './divisions';
import { indicatorMap } from './lookup';
import { normalizePeriod, parsePeriod, periodRange, sameLastYear } from './periods';

export { constituents, resolvePoint, type AggregatePoint } from './aggregate-points';
export type { AggregateResultRow, Aggregates, SeriesPoint };

async function dimNames(deps: Deps, dim: DimKind): Promise<Map<string, string>> {
  const st = deps.store.statistics;
  if (dim === 'city' || dim === 'county') return st.orgNames(dim === 'city' ? ['city'] : ['county', 'zone']);
  if (dim === 'industry') return new Map((await st.enterprises.planIndustries()).map((i) => [i.code, i.name]));
  if (dim === 'sei') return st.seiCategoryNames();
  if (dim === 'park') return new Map((await deps.store.registries.parks.list()).map((p) => [p.id, p.name]));
  return new Map();
}

/** How keys of a dimension are shown: county codes on the division vintage of `period`, names, flags. */
async function keyView(deps: Deps, dim: DimKind, period: string) {
  const names = await dimNames(deps, dim);
  const mapping = dim === 'county' ? divisionMapping(await deps.store.statistics.divisions(), vintageOf(period)) : null;
  const mapKey = (k: string) => mapping?.map(k)?.key ?? k;
  const pending = new Set<string>();
  if (mapping) for (const code of [...names.keys()]) { const m = mapping.map(code); if (m) { names.set(m.key, m.name); if (m.pending) pending.add(m.key); } }
  const nameOf = (k: string) => reconcilingLabel(dim, k)?.zh ?? names.get(k) ?? k;
  const divisions: DivisionVintage | undefined = mapping ? { vintage: mapping.vintage, changes: mapping.changes } : undefined;
  return { mapKey: mapping ? mapKey : undefined, nameOf, pending, divisions };
}

function resultRow(key: string, name: string, cur: AggregatePoint | null, prev: AggregatePoint | null): AggregateResultRow {
  return {
    key, name, value: cur?.value ?? null, n: cur?.n ?? 0, previous: prev?.value ?? null, previousN: prev?.n ?? 0,
    yoy: growth(cur?.value ?? null, prev?.value ?? null),
    matched: { n: cur?.matchedN ?? 0, value: cur?.matchedValue ?? 0, previous: cur?.matchedPrev ?? 0, yoy: growth(cur?.matchedValue ?? null, cur?.matchedPrev ?? null) },
    demo: (cur?.demoN ?? 0) > 0,
  };
}

/** Breakdowns of summed enterprise figures add up to the city total; averages, ratios and city-level series do not. */
const additive = (ind: Indicator) => ind.aggregation === 'sum' && (ind.formula?.kind === 'sei_sum' || (!ind.formula && ind.level === 'enterprise'));

/** What the rows leave of the total (a database aggregated before the reconciling rows existed), as a row, or null. */
function remainder(total: AggregateResultRow, rows: AggregateResultRow[], name: string): AggregateResultRow | null {
  const sum = (f: (r: AggregateResultRow) => number | null) => (f(total) ?? 0) - rows.reduce((a, r) => a + (f(r) ?? 0), 0);
  const value = sum((r) => r.value); const previous = sum((r) => r.previous);
  const tol = 1e-9 * Math.max(1, Math.abs(total.value ?? 0), Math.abs(total.previous ?? 0));
  const n = sum((r) => r.n); const previousN = sum((r) => r.previousN);
  if (Math.abs(value) <= tol && Math.abs(previous) <= tol && n === 0 && previousN === 0) return null;
  const mv = sum((r) => r.matched.value); const mp = sum((r) => r.matched.previous);
  return { key: OTHER_KEY, name, value, n, previous, previousN, yoy: growth(value, previous), matched: { n: sum((r) => r.matched.n), value: mv, previous: mp, yoy: growth(mv, mp) }, demo: total.demo, reconciling: true };
}

function foldUnnamed<C extends ConfidentialCell & { absTotal: number }>(cells: C[], named: ReadonlySet<string>): C[] {
  const rest = cells.filter((c) => !named.has(c.key));
  if (!rest.length) return cells;
  const other = rest.reduce((a, c) => ({ ...a, n: a.n + c.n, value: a.value + c.value, largest: Math.max(a.largest, c.largest), absTotal: a.absTotal + c.absTotal, exempt: a.exempt && c.exempt }), { ...rest[0]!, key: OTHER_KEY, n: 0, value: 0, largest: 0, absTotal: 0, exempt: true });
  return [...cells.filter((c) => named.has(c.key)), other];
}

const hide = (r: AggregateResultRow, reason: 'few' | 'dominant' | 'complementary'): AggregateResultRow =>
  ({ ...r, value: null, previous: null, yoy: null, matched: { n: r.matched.n, value: null, previous: null, yoy: null }, confidential: { reason } });

export async function getAggregates(deps: Deps, actor: Actor | null, q: { indicator: string; dim: string; period: string; keys?: string[] }): Promise<Aggregates> {
  if (actor) authorize(actor, 'read', 'datavalue');
  if (!(DIM_KINDS as readonly string[]).includes(q.dim)) throw new AppError('VALIDATION', { zh: `维度应为 ${DIM_KINDS.join('/')}`, en: `dim must be one of ${DIM_KINDS.join(', ')}` });
  const dim = q.dim as DimKind;
  const period = normalizePeriod(q.period);
  if (!period) throw new AppError('VALIDATION', { zh: `期间格式有误：${q.period}`, en: `invalid period ${q.period}` });
  const st = deps.store.statistics;
  const inds = await indicatorMap(st);
  const ind = inds.get(q.indicator);
  if (!ind) throw notFound({ zh: '指标', en: 'indicator' }, q.indicator);
  if (ind.formula?.kind === 'count') throw new AppError('VALIDATION', { zh: `${ind.name} 由名录统计，请查看名录`, en: `${ind.code} is counted from a registry` });
  const prevPeriod = sameLastYear(period);
  const view = await keyView(deps, dim, period);
  const restricted = !!actor && !seesEnterpriseFigures(actor);
  const head = {
    indicator: { code: ind.code, name: ind.name, nameEn: ind.nameEn, unit: ind.unit, decimals: ind.decimals, cumulative: ind.cumulative }, dim, period, previousPeriod: prevPeriod,
    ...(view.divisions ? { divisions: view.divisions } : {}),
    confidentiality: { applied: restricted && !!enterpriseBase(ind, inds), minContributors: MIN_CONTRIBUTORS, dominanceShare: DOMINANCE_SHARE },
  };

  let rows: AggregateResultRow[] = [];
  let total: AggregateResultRow | null = null;
  if (ind.formula?.kind === 'ratio') {
    const { numerator, denominator, scale } = ind.formula;
    const [num, den] = [inds.get(numerator)!, inds.get(denominator)!];
    const [nr, dr] = await Promise.all([rowsFor(st, num, dim, [period, prevPeriod], q.keys, view.mapKey), rowsFor(st, den, dim, [period, prevPeriod], q.keys, view.mapKey)]);
    for (const [key, nm] of nr) {
      const dm = dr.get(key);
      if (!dm) continue;
      const v = (p: string) => { const a = resolvePoint(num, p, (x) => nm.get(x)); const b = resolvePoint(den, p, (x) => dm.get(x)); return a?.value != null && b?.value ? { v: (a.value / b.value) * scale, a, b } : null; };
      const cur = v(period); const prev = v(prevPeriod);
      rows.push({ key, name: view.nameOf(key), value: cur?.v ?? null, n: cur?.a.n ?? 0, previous: prev?.v ?? null, previousN: prev?.a.n ?? 0, yoy: growth(cur?.v ?? null, prev?.v ?? null), matched: { n: 0, value: 0, previous: 0, yoy: null }, demo: !!cur && (cur.a.demoN > 0 || cur.b.demoN > 0) });
    }
  } else {
    const byKey = await rowsFor(st, ind, dim, [period, prevPeriod], q.keys, view.mapKey);
    for (const [key, m] of byKey) {
      const cur = resolvePoint(ind, period, (p) => m.get(p));
      const prev = resolvePoint(ind, prevPeriod, (p) => m.get(p));
      if (!cur && !prev) continue;
      const row = resultRow(key, view.nameOf(key), cur, prev);
      if (reconcilingLabel(dim, key)) row.reconciling = true;
      if (view.pending.has(key)) { row.pendingDivision = true; row.reconciling = true; }
      rows.push(row);
    }
    if (dim !== 'city' && !q.keys && additive(ind)) {
      const city = [...(await rowsFor(st, ind, 'city', [period, prevPeriod])).values()][0];
      if (city) {
        total = resultRow('total', '合计', resolvePoint(ind, period, (p) => city.get(p)), resolvePoint(ind, prevPeriod, (p) => city.get(p)));
        const other = remainder(total, rows, view.nameOf(OTHER_KEY));
        if (other) rows.push(other);
      }
    }
  }

  if (head.confidentiality.applied && actor) {
    const cells = await enterpriseCells(deps, actor, ind, inds, dim, [period, prevPeriod], view.mapKey ?? ((k) => k));
    // An 其他 row (a database aggregated before the reconciling keys) is made of the cells no row names.
    if (rows.some((r) => r.key === OTHER_KEY)) for (const [p, cs] of cells) cells.set(p, foldUnnamed(cs, new Set(rows.map((r) => r.key))));
    const sup = suppressionByPeriod(cells);
    rows = rows.map((r) => {
      const reason = sup.get(period)?.get(r.key) ?? sup.get(prevPeriod)?.get(r.key);
      if (reason) return hide(r, reason);
      // 同口径 sums are a subset of the cell: only the growth rate is shown, and only for a set of at least MIN_CONTRIBUTORS.
      return { ...r, matched: { n: r.matched.n, value: null, previous: null, yoy: r.matched.n >= MIN_CONTRIBUTORS ? r.matched.yoy : null } };
    });
    if (total) {
      const whole = (p: string) => { const cs = cells.get(p) ?? []; return { n: cs.reduce((a, c) => a + c.n, 0), value: cs.reduce((a, c) => a + c.value, 0), largest: Math.max(0, ...cs.map((c) => c.largest)), absTotal: cs.reduce((a, c) => a + c.absTotal, 0) }; };
      const reason = primaryReason(whole(period)) ?? primaryReason(whole(prevPeriod));
      total = reason ? hide(total, reason) : { ...total, matched: { ...total.matched, value: null, previous: null } };
    }
  }
  rows.sort((a, b) => Number(!!a.reconciling) - Number(!!b.reconciling) || Number(!!a.confidential) - Number(!!b.confidential) || (b.value ?? -Infinity) - (a.value ?? -Infinity));
  return { ...head, rows, ...(dim !== 'city' && ind.formula?.kind !== 'ratio' ? { total } : {}) };
}

/** A time series of one dimension key: one point per period from `from` to `to` (same kind); county keys on the division vintage of `to`. */
export async function getSeries(deps: Deps, actor: Actor | null, q: { indicator: string; dim: string; key: string; from: string; to: string }) {
  if (actor) authorize(actor, 'read', 'datavalue');
  if (!(DIM_KINDS as readonly string[]).includes(q.dim)) throw new AppError('VALIDATION', { zh: `维度应为 ${DIM_KINDS.join('/')}`, en: `dim must be one of ${DIM_KINDS.join(', ')}` });
  const dim = q.dim as DimKind;
  const st = deps.store.statistics;
  const inds = await indicatorMap(st);
  const ind = inds.get(q.indicator);
  if (!ind) throw notFound({ zh: '指标', en: 'indicator' }, q.indicator);
  const from = normalizePeriod(q.from); const to = normalizePeriod(q.to);
  if (!from || !to || parsePeriod(from)!.kind !== parsePeriod(to)!.kind) throw new AppError('VALIDATION', { zh: '起止期间须为同一类型', en: 'from and to must be periods of the same kind' });
  const periods = periodRange(from, to);
  if (periods.length > 240) throw new AppError('VALIDATION', { zh: '期间过多（最多240个）', en: 'too many periods (max 240)' });
  if (ind.formula?.kind === 'ratio' || ind.formula?.kind === 'count') throw new AppError('VALIDATION', { zh: '比率与名录指标请用 /api/statistics/aggregates', en: 'use /api/statistics/aggregates for ratios and counts' });
  // One vintage for the whole series, so that a division's years compare like with like (任县 2019 with 任泽区 2020).
  const view = await keyView(deps, dim, to);
  const key = view.mapKey ? view.mapKey(q.key) : q.key;
  const all = [...periods, ...periods.map(sameLastYear)];
  const m = (await rowsFor(st, ind, dim, all, [key], view.mapKey)).get(key) ?? new Map();
  const restricted = !!actor && !seesEnterpriseFigures(actor) && !!enterpriseBase(ind, inds);
  const sup = restricted && actor ? suppressionByPeriod(await enterpriseCells(deps, actor, ind, inds, dim, all, view.mapKey ?? ((k) => k))) : null;
  return {
    indicator: { code: ind.code, name: ind.name, unit: ind.unit, cumulative: ind.cumulative }, dim, key, name: view.nameOf(key),
    ...(view.divisions ? { divisions: view.divisions } : {}),
    confidentiality: { applied: restricted, minContributors: MIN_CONTRIBUTORS, dominanceShare: DOMINANCE_SHARE },
    points: periods.map((p): SeriesPoint => {
      const cur = resolvePoint(ind, p, (x) => m.get(x));
      const prev = resolvePoint(ind, sameLastYear(p), (x) => m.get(x));
      const point: SeriesPoint = { period: p, value: cur?.value ?? null, n: cur?.n ?? 0, yoy: growth(cur?.value ?? null, prev?.value ?? null), yoyMatched: growth(cur?.matchedValue ?? null, cur?.matchedPrev ?? null), matchedN: cur?.matchedN ?? 0, demo: (cur?.demoN ?? 0) > 0 };
      if (!sup) return point;
      const reason = sup.get(p)?.get(key) ?? sup.get(sameLastYear(p))?.get(key);
      if (reason) return { ...point, value: null, yoy: null, yoyMatched: null, confidential: { reason } };
      return point.matchedN >= MIN_CONTRIBUTORS ? point : { ...point, yoyMatched: null };
    }),
  };
}
