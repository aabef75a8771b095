// Dashboard aggregates read from the pre-aggregated rows: by city, county, plan industry, SEI category
// or park; month → quarter → year honouring year-to-date indicators; year-on-year growth raw and
// 同口径 (only organisations that reported in both years), with the set sizes.
import { DIM_KINDS, type AggregateResultRow, type Aggregates, type DimKind, type Indicator, type SeriesPoint } from '../../shared/statistics';
import { AppError, notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { indicatorMap } from './lookup';
import { lastMonthOf, monthsOf, normalizePeriod, parsePeriod, periodRange, sameLastYear } from './periods';
import type { AggregateRow, StatisticsStore } from './ports';

export interface AggregatePoint {
  value: number | null;
  n: number;
  matchedValue: number;
  matchedPrev: number;
  matchedN: number;
  demoN: number;
}

export type { AggregateResultRow, Aggregates, SeriesPoint };

/** The periods whose rows make up `period` for an indicator, and how to combine them. */
export function constituents(ind: Indicator, period: string): { direct: string; parts: string[]; combine: 'last' | 'sum' | 'average' } {
  const p = parsePeriod(period)!;
  if (ind.frequency === 'year' || p.kind === ind.frequency) return { direct: period, parts: [period], combine: 'last' };
  const parts = ind.frequency === 'month' ? monthsOf(period) : p.kind === 'year' ? [1, 2, 3, 4].map((q) => `${p.year}Q${q}`) : [];
  if (ind.cumulative) return { direct: period, parts: [ind.frequency === 'month' ? lastMonthOf(period) : parts[parts.length - 1]!], combine: 'last' };
  return { direct: period, parts, combine: ind.timeAggregation === 'average' ? 'average' : ind.timeAggregation === 'last' ? 'last' : 'sum' };
}

export function resolvePoint(ind: Indicator, period: string, row: (p: string) => AggregateRow | undefined): AggregatePoint | null {
  const d = row(period);
  const c = constituents(ind, period);
  const pick = (r: AggregateRow): AggregatePoint => ({ value: r.value, n: r.n, matchedValue: r.matchedValue, matchedPrev: r.matchedPrev, matchedN: r.matchedN, demoN: r.demoN });
  if (d) return pick(d);
  const rows = c.parts.map(row);
  if (!rows.length || rows.some((r) => !r)) return null;
  const rs = rows as AggregateRow[];
  if (c.combine === 'last') return pick(rs[rs.length - 1]!);
  const k = c.combine === 'average' ? 1 / rs.length : 1;
  const sum = (f: (r: AggregateRow) => number) => rs.reduce((a, r) => a + f(r), 0) * k;
  return { value: sum((r) => r.value), n: Math.max(...rs.map((r) => r.n)), matchedValue: sum((r) => r.matchedValue), matchedPrev: sum((r) => r.matchedPrev), matchedN: Math.min(...rs.map((r) => r.matchedN)), demoN: Math.max(...rs.map((r) => r.demoN)) };
}

const growth = (cur: number | null, prev: number | null) => (cur == null || prev == null || prev === 0 ? null : (cur / prev - 1) * 100);

async function dimNames(deps: Deps, dim: DimKind): Promise<Map<string, string>> {
  const st = deps.store.statistics;
  if (dim === 'city' || dim === 'county') return st.orgNames(dim === 'city' ? ['city'] : ['county', 'zone']);
  if (dim === 'industry') return new Map((await st.enterprises.planIndustries()).map((i) => [i.code, i.name]));
  if (dim === 'sei') return st.seiCategoryNames();
  if (dim === 'park') return new Map((await deps.store.registries.parks.list()).map((p) => [p.id, p.name]));
  return new Map();
}

async function rowsFor(st: StatisticsStore, ind: Indicator, dim: string, periods: string[], keys?: string[]): Promise<Map<string, Map<string, AggregateRow>>> {
  const needed = new Set<string>();
  for (const p of periods) { needed.add(p); for (const x of constituents(ind, p).parts) needed.add(x); }
  const rows = await st.aggregates({ indicatorCodes: [ind.code], dimKind: dim, dimKeys: keys, periods: [...needed] });
  const byKey = new Map<string, Map<string, AggregateRow>>();
  for (const r of rows) {
    let m = byKey.get(r.dimKey);
    if (!m) byKey.set(r.dimKey, (m = new Map()));
    m.set(r.period, r);
  }
  return byKey;
}

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
  const prevPeriod = sameLastYear(period);
  const names = await dimNames(deps, dim);
  const head = { indicator: { code: ind.code, name: ind.name, nameEn: ind.nameEn, unit: ind.unit, decimals: ind.decimals, cumulative: ind.cumulative }, dim, period, previousPeriod: prevPeriod };

  if (ind.formula?.kind === 'ratio') {
    const { numerator, denominator, scale } = ind.formula;
    const [num, den] = [inds.get(numerator)!, inds.get(denominator)!];
    const [nr, dr] = await Promise.all([rowsFor(st, num, dim, [period, prevPeriod], q.keys), rowsFor(st, den, dim, [period, prevPeriod], q.keys)]);
    const rows: AggregateResultRow[] = [];
    for (const [key, nm] of nr) {
      const dm = dr.get(key);
      if (!dm) continue;
      const v = (p: string) => { const a = resolvePoint(num, p, (x) => nm.get(x)); const b = resolvePoint(den, p, (x) => dm.get(x)); return a?.value != null && b?.value ? { v: (a.value / b.value) * scale, a, b } : null; };
      const cur = v(period); const prev = v(prevPeriod);
      rows.push({ key, name: names.get(key) ?? key, value: cur?.v ?? null, n: cur?.a.n ?? 0, previous: prev?.v ?? null, previousN: prev?.a.n ?? 0, yoy: growth(cur?.v ?? null, prev?.v ?? null), matched: { n: 0, value: 0, previous: 0, yoy: null }, demo: !!cur && (cur.a.demoN > 0 || cur.b.demoN > 0) });
    }
    return { ...head, rows };
  }
  if (ind.formula?.kind === 'count') throw new AppError('VALIDATION', { zh: `${ind.name} 由名录统计，请查看名录`, en: `${ind.code} is counted from a registry` });
  const byKey = await rowsFor(st, ind, dim, [period, prevPeriod], q.keys);
  const rows: AggregateResultRow[] = [];
  for (const [key, m] of byKey) {
    const cur = resolvePoint(ind, period, (p) => m.get(p));
    const prev = resolvePoint(ind, prevPeriod, (p) => m.get(p));
    if (!cur && !prev) continue;
    rows.push({
      key, name: names.get(key) ?? key, value: cur?.value ?? null, n: cur?.n ?? 0, previous: prev?.value ?? null, previousN: prev?.n ?? 0,
      yoy: growth(cur?.value ?? null, prev?.value ?? null),
      matched: { n: cur?.matchedN ?? 0, value: cur?.matchedValue ?? 0, previous: cur?.matchedPrev ?? 0, yoy: growth(cur?.matchedValue ?? null, cur?.matchedPrev ?? null) },
      demo: (cur?.demoN ?? 0) > 0,
    });
  }
  rows.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  return { ...head, rows };
}

/** A time series of one dimension key: one point per period from `from` to `to` (same kind). */
export async function getSeries(deps: Deps, actor: Actor | null, q: { indicator: string; dim: string; key: string; from: string; to: string }) {
  if (actor) authorize(actor, 'read', 'datavalue');
  const st = deps.store.statistics;
  const ind = (await indicatorMap(st)).get(q.indicator);
  if (!ind) throw notFound({ zh: '指标', en: 'indicator' }, q.indicator);
  const from = normalizePeriod(q.from); const to = normalizePeriod(q.to);
  if (!from || !to || parsePeriod(from)!.kind !== parsePeriod(to)!.kind) throw new AppError('VALIDATION', { zh: '起止期间须为同一类型', en: 'from and to must be periods of the same kind' });
  const periods = periodRange(from, to);
  if (periods.length > 240) throw new AppError('VALIDATION', { zh: '期间过多（最多240个）', en: 'too many periods (max 240)' });
  if (ind.formula?.kind === 'ratio' || ind.formula?.kind === 'count') throw new AppError('VALIDATION', { zh: '比率与名录指标请用 /api/statistics/aggregates', en: 'use /api/statistics/aggregates for ratios and counts' });
  const m = (await rowsFor(st, ind, q.dim, [...periods, ...periods.map(sameLastYear)], [q.key])).get(q.key) ?? new Map();
  return {
    indicator: { code: ind.code, name: ind.name, unit: ind.unit, cumulative: ind.cumulative }, dim: q.dim, key: q.key,
    points: periods.map((p): SeriesPoint => {
      const cur = resolvePoint(ind, p, (x) => m.get(x));
      const prev = resolvePoint(ind, sameLastYear(p), (x) => m.get(x));
      return { period: p, value: cur?.value ?? null, n: cur?.n ?? 0, yoy: growth(cur?.value ?? null, prev?.value ?? null), yoyMatched: growth(cur?.matchedValue ?? null, cur?.matchedPrev ?? null), matchedN: cur?.matchedN ?? 0, demo: (cur?.demoN ?? 0) > 0 };
    }),
  };
}
