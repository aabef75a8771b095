// What a city figure is made of, for its status shares and missing reporters (issue 14): the stored
// values behind a city indicator summed by review status, and the enterprise reports behind a sum.
// The membership rule is the aggregates' (src/core/statistics/aggregates.ts dimsOf): every enterprise
// counts towards the city; an SEI sum counts SEI-classified enterprises (a `*` class only when confirmed).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CitySource, CityStatusRow, OrgRange } from '../../core/targets/ports';
import type { ReporterValue } from '../../core/targets/figure-quality';
import { parseJson } from '../mappers';
import type { DB } from '../schema';
import type { IndicatorFormula } from '../../shared/statistics';
import { cityOrg } from './city-series';

type Db = Kysely<DB> | Transaction<DB>;

export async function cityIndicatorSource(db: Db, indicatorCode: string): Promise<CitySource | null> {
  const ind = await db.selectFrom('indicator').select(['code', 'level', 'formula_json']).where('code', '=', indicatorCode).executeTakeFirst();
  if (!ind) return null;
  const formula = parseJson<IndicatorFormula | null>(ind.formula_json, null);
  if (formula?.kind === 'ratio') return { kind: 'ratio', numerator: formula.numerator, denominator: formula.denominator, scale: formula.scale };
  if (formula?.kind === 'sei_sum') return { kind: 'enterprises', of: formula.of, scale: formula.scale, seiOnly: true };
  if (ind.level === 'city') return { kind: 'city' };
  if (ind.level === 'enterprise') return { kind: 'enterprises', of: ind.code, scale: 1, seiOnly: false };
  return null;
}

/** The enterprises a city sum counts (within `range`), as a subquery of organisation ids. */
function members(db: Db, seiOnly: boolean, range?: OrgRange) {
  // Driven from the enterprise key (a slice is a range of it), the organisation's kind checked per row: a
  // join lets SQLite start from every organisation of kind enterprise, whatever the slice.
  let q = db.selectFrom('enterprise').select('enterprise.org_id')
    .where(({ exists, selectFrom }) => exists(selectFrom('organization').select('organization.id').whereRef('organization.id', '=', 'enterprise.org_id').where('organization.kind', '=', 'enterprise')));
  if (range?.from != null) q = q.where('enterprise.org_id', '>=', range.from);
  if (range?.to != null) q = q.where('enterprise.org_id', '<', range.to);
  if (seiOnly) q = q.where('enterprise.sei_l1', 'is not', null).where((eb) => eb.or([eb('enterprise.sei_partial', '=', 0), eb('enterprise.sei_confirmed', '=', 1)]));
  return q;
}

/** Stored values behind a city indicator in the given periods, summed by period and status (scaled to the indicator's unit). */
export async function cityStatusRows(db: Db, indicatorCode: string, periods: string[], range?: OrgRange): Promise<CityStatusRow[]> {
  const src = await cityIndicatorSource(db, indicatorCode);
  if (!src || src.kind === 'ratio' || periods.length === 0) return [];
  let q = db.selectFrom('data_value')
    .select((eb) => ['period', 'status', eb.fn.sum<number>('value').as('value'), eb.fn.countAll<number>().as('n'), sql<number>`max(abs(value))`.as('largest')])
    .where('period', 'in', periods)
    .groupBy(['period', 'status']);
  if (src.kind === 'city') {
    const city = await cityOrg(db);
    if (!city) return [];
    q = q.where('indicator_code', '=', indicatorCode).where('org_id', '=', city.id);
  } else {
    q = q.where('indicator_code', '=', src.of).where('org_id', 'in', members(db, src.seiOnly, range));
  }
  const scale = src.kind === 'enterprises' ? src.scale : 1;
  return (await q.execute()).map((r) => ({ period: r.period, status: r.status, value: Number(r.value) * scale, n: Number(r.n), largest: Number(r.largest) * Math.abs(scale) }));
}

/**
 * The periods that hold values behind a city indicator (ratio: none): for a sum of enterprises the
 * aggregates' city rows, the same rows the city series reads (city-series.ts), so the status shares
 * describe the periods the series used; for a city indicator the city's own values.
 */
export async function cityPeriods(db: Db, indicatorCode: string): Promise<string[]> {
  const src = await cityIndicatorSource(db, indicatorCode);
  if (!src || src.kind === 'ratio') return [];
  const city = await cityOrg(db);
  if (!city) return [];
  const rows = src.kind === 'city'
    ? await db.selectFrom('data_value').select('period').where('org_id', '=', city.id).where('indicator_code', '=', indicatorCode).execute()
    : await db.selectFrom('aggregate_value').select('period').where('indicator_code', '=', indicatorCode).where('dim_kind', '=', 'city').where('dim_key', '=', city.code).where('n', '>', 0).execute();
  return rows.map((r) => r.period).sort();
}

/**
 * The enterprises behind a city sum (within `range`) that reported in `previousYear` and have no value in
 * `period`: per enterprise of the slice two probes of the value key (org_id, indicator_code, period), and
 * only the missing ones come back.
 */
export async function cityMissingIn(db: Db, indicatorCode: string, period: string, previousYear: number, range?: OrgRange): Promise<string[]> {
  const src = await cityIndicatorSource(db, indicatorCode);
  if (!src || src.kind !== 'enterprises') return [];
  const rows = await members(db, src.seiOnly, range)
    .where(({ and, exists, not, selectFrom }) => and([
      exists(selectFrom('data_value').select('data_value.org_id')
        .whereRef('data_value.org_id', '=', 'enterprise.org_id').where('data_value.indicator_code', '=', src.of)
        // The year as period text bounds (a period begins with its year) for the key and the partitions, and
        // by the stored year, which decides.
        .where('data_value.period', '>=', String(previousYear)).where('data_value.period', '<', String(previousYear + 1))
        .where('data_value.year', '=', previousYear)),
      not(exists(selectFrom('data_value').select('data_value.org_id')
        .whereRef('data_value.org_id', '=', 'enterprise.org_id').where('data_value.indicator_code', '=', src.of).where('data_value.period', '=', period))),
    ]))
    .execute();
  return rows.map((r) => r.org_id);
}

/** The values of these enterprises behind a city sum in one year (by the stored year), scaled; read by key, 500 enterprises at a time. */
export async function cityValuesOf(db: Db, indicatorCode: string, orgIds: readonly string[], year: number): Promise<ReporterValue[]> {
  const src = await cityIndicatorSource(db, indicatorCode);
  if (!src || src.kind !== 'enterprises' || orgIds.length === 0) return [];
  const out: ReporterValue[] = [];
  for (let i = 0; i < orgIds.length; i += 500) {
    const rows = await db.selectFrom('data_value').select(['org_id', 'period', 'value'])
      .where('org_id', 'in', orgIds.slice(i, i + 500)).where('indicator_code', '=', src.of)
      .where('year', '=', year)
      // The same year as period text bounds (a period begins with its year): lets PostgreSQL read only that
      // year's partition of data_value (migration 0017).
      .where('period', '>=', String(year)).where('period', '<', String(year + 1))
      .execute();
    for (const r of rows) out.push({ orgId: r.org_id, period: r.period, value: Number(r.value) * src.scale });
  }
  return out;
}

/**
 * Organisation ids that cut the enterprises into slices of about `size` (sorted; the slices are
 * [null, b1), [b1, b2) … [bk, null)). A read over a city's enterprises at ten million values takes a few
 * hundred milliseconds; over one slice, a few — short enough for a computation to let other requests
 * through between its reads. Each step reads `size` entries of the enterprise key.
 */
export async function enterpriseBounds(db: Db, size: number): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    let q = db.selectFrom('enterprise').select('org_id').orderBy('org_id').limit(1).offset(size);
    if (out.length) q = q.where('org_id', '>=', out[out.length - 1]!);
    const next = await q.executeTakeFirst();
    if (!next) return out;
    out.push(next.org_id);
  }
}
