// Annual city-level series of an indicator — the contract the targets feature reads.
import type { Kysely, Transaction } from 'kysely';
import { parseJson, toNum } from '../mappers';
import { weakestReliability } from '../../core/targets/figure-quality';
import type { DB } from '../schema';
import type { CitySeriesPoint, IndicatorFormula } from '../../shared/statistics';

export type SeriesPoint = CitySeriesPoint;

type Db = Kysely<DB> | Transaction<DB>;
type Reliability = SeriesPoint['reliability'];

/** Reference rows carry finer judgements (medium-high, medium-low); the series speaks in three levels. */
export function reliabilityOf(source: string, raw: string | null): Reliability {
  if (source === 'demo') return 'demo';
  if (source !== 'reference') return 'reported';
  const r = (raw ?? '').toLowerCase();
  if (r === 'high') return 'high';
  if (r === 'medium' || r === 'medium-high') return 'medium';
  return 'low';
}

// Unverified outranks demo in weakness: demo is its own flag, so demo ÷ unverified GDP still reads 未核实 (issue 14).
const weaker = (a: Reliability, b: Reliability): Reliability => weakestReliability([a, b]);

export async function cityOrg(db: Db): Promise<{ id: string; code: string } | null> {
  return (await db.selectFrom('organization').select(['id', 'code']).where('kind', '=', 'city').orderBy('sort').executeTakeFirst()) ?? null;
}

/** Annual city-level values of an indicator (full-year values; for cumulative monthly indicators the December YTD / year total), oldest first. Derived indicators such as SEI_GDP_SHARE (= SEI_VALUE_ADDED / GDP × 100) are computed. */
export async function getCityAnnualSeries(db: Kysely<DB> | Transaction<DB>, indicatorCode: string): Promise<SeriesPoint[]> {
  const ind = await db
    .selectFrom('indicator')
    .select(['code', 'level', 'cumulative', 'time_aggregation', 'formula_json', 'frequency'])
    .where('code', '=', indicatorCode)
    .executeTakeFirst();
  const city = await cityOrg(db);
  if (!ind || !city) return [];
  const formula = parseJson<IndicatorFormula | null>(ind.formula_json, null);
  if (formula?.kind === 'ratio') {
    const [num, den] = await Promise.all([getCityAnnualSeries(db, formula.numerator), getCityAnnualSeries(db, formula.denominator)]);
    const byYear = new Map(den.map((p) => [p.year, p]));
    return num.flatMap((n) => {
      const d = byYear.get(n.year);
      if (!d || d.value === 0) return [];
      return [{
        period: String(n.year), year: n.year, value: (n.value / d.value) * formula.scale, demo: n.demo || d.demo,
        source: `${formula.numerator}: ${n.source}; ${formula.denominator}: ${d.source}`, reliability: weaker(n.reliability, d.reliability),
      }];
    });
  }
  if (formula?.kind === 'count') return [];
  const cumulative = Number(ind.cumulative) === 1;

  if (ind.level === 'city') {
    const rows = await db
      .selectFrom('data_value')
      .select(['period', 'year', 'value', 'source', 'source_url', 'source_type', 'reliability'])
      .where('org_id', '=', city.id)
      .where('indicator_code', '=', indicatorCode)
      .orderBy('period')
      .execute();
    const byYear = new Map<number, (typeof rows)[number]>();
    for (const r of rows) {
      const y = Number(r.year);
      const isYear = r.period.length === 4;
      const isYearEnd = cumulative && (r.period === `${y}Q4` || r.period === `${y}12`);
      if (!isYear && !isYearEnd) continue;
      const have = byYear.get(y);
      if (!have || isYear) byYear.set(y, r);
    }
    return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, r]) => ({
      period: String(year), year, value: Number(r.value), demo: r.source === 'demo',
      source: r.source === 'reference' ? `${r.source_type ?? 'reference'} — ${r.source_url ?? ''}`.trim() : r.source === 'demo' ? '演示数据 demo data' : `reported (${r.source})`,
      reliability: reliabilityOf(r.source, r.reliability),
    }));
  }

  // Enterprise-level and SEI sums: the pre-aggregated city rows.
  const rows = await db
    .selectFrom('aggregate_value')
    .select(['period', 'value', 'n', 'demo_n'])
    .where('indicator_code', '=', indicatorCode)
    .where('dim_kind', '=', 'city')
    .where('dim_key', '=', city.code)
    .orderBy('period')
    .execute();
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const years = [...new Set(rows.map((r) => Number(r.period.slice(0, 4))))].sort((a, b) => a - b);
  const out: SeriesPoint[] = [];
  for (const year of years) {
    const direct = byPeriod.get(String(year)) ?? (cumulative ? (byPeriod.get(`${year}12`) ?? byPeriod.get(`${year}Q4`)) : undefined);
    let value: number | null = direct ? Number(direct.value) : null;
    let n = direct ? Number(direct.n) : 0;
    let demoN = direct ? Number(direct.demo_n) : 0;
    if (value == null && !cumulative) {
      const months = Array.from({ length: 12 }, (_, i) => byPeriod.get(`${year}${String(i + 1).padStart(2, '0')}`));
      if (months.every(Boolean)) {
        const vals = months.map((m) => Number(m!.value));
        const sum = vals.reduce((a, b) => a + b, 0);
        value = ind.time_aggregation === 'average' ? sum / 12 : ind.time_aggregation === 'last' ? vals[11]! : sum;
        n = Math.max(...months.map((m) => Number(m!.n)));
        demoN = Math.max(...months.map((m) => Number(m!.demo_n)));
      }
    }
    if (value == null) continue;
    const demo = demoN > 0;
    out.push({
      period: String(year), year, value: toNum(value)!, demo,
      source: demo ? `演示数据 demo data (${n} enterprises)` : `aggregate of ${n} enterprise reports${demoN ? ` (${demoN} demo)` : ''}`,
      reliability: demo ? 'demo' : 'reported',
    });
  }
  return out;
}
