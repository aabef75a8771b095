// A city figure with what it is made of: per year the shares of its value by review status, the value
// on approved inputs only, and (for the year assessed) the reporters missing from its period.
// A ratio (SEI value added ÷ GDP) speaks through its numerator's shares; its weakest status is the
// weaker of both sides', and on approved inputs only both sides must be approved.
import type { StatusGroup, StatusShares } from '../../shared/targets';
import { largestByStatus, missingReporters, statusShares, weakestStatus } from './figure-quality';
import type { AnnualValue, CityStatusRow, TargetsStore } from './ports';

export interface YearFigure {
  /** Shares of the value by status (of the numerator for a ratio), with the indicator they describe. */
  shares: StatusShares & { of: string };
  weakest: StatusGroup | null;
  /** The value on approved inputs only (null when no approved input). */
  approved: number | null;
  /** The largest single contribution to each status part (confidentiality; never shown). */
  largest: Record<StatusGroup, number> | null;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** The stored periods a year's value is read from, as the city series reads them: the year, else December or Q4 year-to-date, else the twelve months. */
function pickPeriods(rows: CityStatusRow[], year: number): string[] | null {
  const has = new Set(rows.map((r) => r.period));
  for (const p of [`${year}`, `${year}12`, `${year}Q4`]) if (has.has(p)) return [p];
  const months = MONTHS.map((m) => `${year}${m}`);
  return months.every((m) => has.has(m)) ? months : null;
}

async function plainByYear(store: TargetsStore, code: string, years: number[], fromEnterprises: boolean): Promise<Map<number, YearFigure>> {
  const candidates = years.flatMap((y) => [`${y}`, `${y}12`, `${y}Q4`, ...MONTHS.map((m) => `${y}${m}`)]);
  const rows = await store.cityStatusRows(code, candidates);
  const out = new Map<number, YearFigure>();
  for (const y of years) {
    const inYear = rows.filter((r) => r.period.startsWith(String(y)));
    const periods = pickPeriods(inYear, y);
    if (!periods) continue;
    const used = inYear.filter((r) => periods.includes(r.period));
    const shares = statusShares(used, periods.length === 1 ? periods[0]! : `${y}01–${y}12`, fromEnterprises);
    // Twelve monthly values sum to the year only when every month has an approved value.
    const approvedMonths = new Set(used.filter((r) => r.status === 'approved').map((r) => r.period));
    const approvedPart = shares.parts.find((p) => p.status === 'approved')!;
    const approved = approvedPart.n > 0 && periods.every((p) => approvedMonths.has(p)) ? approvedPart.value : null;
    out.set(y, { shares: { ...shares, of: code }, weakest: shares.weakest, approved, largest: largestByStatus(used) });
  }
  return out;
}

/** Status shares and approved-only values of a city indicator for the given years. */
export async function cityFigureByYear(store: TargetsStore, code: string, years: number[]): Promise<Map<number, YearFigure>> {
  const src = await store.citySource(code);
  if (!src) return new Map();
  if (src.kind !== 'ratio') return plainByYear(store, code, years, src.kind === 'enterprises');
  const [num, den] = await Promise.all([cityFigureByYear(store, src.numerator, years), cityFigureByYear(store, src.denominator, years)]);
  const out = new Map<number, YearFigure>();
  for (const y of years) {
    const n = num.get(y);
    const d = den.get(y);
    if (!n || !d) continue;
    const approved = n.approved != null && d.approved != null && d.approved !== 0 ? (n.approved / d.approved) * src.scale : null;
    out.set(y, { shares: n.shares, weakest: weakestStatus([n.weakest, d.weakest]), approved, largest: n.largest });
  }
  return out;
}

/** The series on approved inputs only: each year's value replaced by its approved value, years without one dropped. */
export function approvedSeries(series: AnnualValue[], byYear: Map<number, YearFigure>): AnnualValue[] {
  return series.flatMap((p) => {
    const a = byYear.get(p.year)?.approved;
    return a == null ? [] : [{ ...p, value: a }];
  });
}

/** Reporters of the year before missing from the stored period of `year` (for a ratio: of its numerator). */
export async function missingFor(store: TargetsStore, code: string, year: number, period: string) {
  const src = await store.citySource(code);
  if (!src || src.kind === 'city') return null;
  if (src.kind === 'ratio') return missingFor(store, src.numerator, year, period);
  const rows = await store.cityReporters(code, year - 1, year);
  const previousYear = rows.filter((r) => r.period.startsWith(String(year - 1)));
  const thisYear = rows.filter((r) => r.period.startsWith(String(year)));
  const { largest, ...missing } = missingReporters({ period, year, previousYear, thisYear });
  return { missing: { ...missing, of: code }, largest };
}
