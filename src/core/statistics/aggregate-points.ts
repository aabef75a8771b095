// Reading pre-aggregated rows: which stored periods make up a period (month → quarter → year, honouring
// year-to-date indicators), one point from them, and the rows of one dimension with their keys mapped
// (county codes to a division vintage) and merged.
import type { Indicator } from '../../shared/statistics';
import { lastMonthOf, monthsOf, parsePeriod } from './periods';
import type { AggregateRow, StatisticsStore } from './ports';

export interface AggregatePoint {
  value: number | null;
  n: number;
  matchedValue: number;
  matchedPrev: number;
  matchedN: number;
  demoN: number;
}

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

export const growth = (cur: number | null, prev: number | null) => (cur == null || prev == null || prev === 0 ? null : (cur / prev - 1) * 100);

/**
 * Stored rows of a dimension by key and period. With `mapKey` (county codes to a division vintage) the
 * rows of keys that map to the same key are added together (every stored sum is additive), and a `keys`
 * selection names mapped keys.
 */
export async function rowsFor(
  st: StatisticsStore, ind: Indicator, dim: string, periods: string[], keys?: string[], mapKey?: (key: string) => string,
): Promise<Map<string, Map<string, AggregateRow>>> {
  const needed = new Set<string>();
  for (const p of periods) { needed.add(p); for (const x of constituents(ind, p).parts) needed.add(x); }
  const rows = await st.aggregates({ indicatorCodes: [ind.code], dimKind: dim, dimKeys: mapKey ? undefined : keys, periods: [...needed] });
  const wanted = mapKey && keys ? new Set(keys.map(mapKey)) : null;
  const byKey = new Map<string, Map<string, AggregateRow>>();
  for (const r of rows) {
    const key = mapKey ? mapKey(r.dimKey) : r.dimKey;
    if (wanted && !wanted.has(key)) continue;
    let m = byKey.get(key);
    if (!m) byKey.set(key, (m = new Map()));
    const have = m.get(r.period);
    if (!have) { m.set(r.period, key === r.dimKey ? r : { ...r, dimKey: key }); continue; }
    m.set(r.period, {
      ...have, dimKey: key, value: have.value + r.value, n: have.n + r.n, matchedValue: have.matchedValue + r.matchedValue,
      matchedPrev: have.matchedPrev + r.matchedPrev, matchedN: have.matchedN + r.matchedN, demoN: have.demoN + r.demoN,
    });
  }
  return byKey;
}
