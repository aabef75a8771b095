// A city figure with what it is made of: per year the shares of its value by review status, the value
// on approved inputs only, and (for the year assessed) the reporters missing from its period.
// A ratio (SEI value added ÷ GDP) speaks through its numerator's shares; its weakest status is the
// weaker of both sides', and on approved inputs only both sides must be approved.
import type { StatusGroup, StatusShares } from '../../shared/targets';
import { largestByStatus, missingReporters, statusShares, weakestStatus, type ReporterValue } from './figure-quality';
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

/**
 * Lets other requests run between two reads of a long computation. better-sqlite3 answers on the event
 * loop, so a computation of many reads run back to back holds every request of the process; each read
 * here is bounded (one period), and between them the process serves what is waiting.
 */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The stored periods a year's value is read from, as the city series reads them: the year, else December or Q4 year-to-date, else the twelve months. */
function pickPeriods(has: ReadonlySet<string>, year: number): string[] | null {
  for (const p of [`${year}`, `${year}12`, `${year}Q4`]) if (has.has(p)) return [p];
  const months = MONTHS.map((m) => `${year}${m}`);
  return months.every((m) => has.has(m)) ? months : null;
}

/** The periods of `year` among the sorted periods (a period begins with its year). */
const ofYear = (periods: readonly string[], year: number): string[] => periods.filter((p) => p.slice(0, 4) === String(year));

async function plainByYear(store: TargetsStore, code: string, years: number[], fromEnterprises: boolean): Promise<Map<number, YearFigure>> {
  const present = await store.cityPeriods(code);
  const out = new Map<number, YearFigure>();
  for (const y of years) {
    const periods = pickPeriods(new Set(ofYear(present, y)), y);
    if (!periods) continue;
    const used: CityStatusRow[] = [];
    for (const p of periods) {
      used.push(...(await store.cityStatusRows(code, [p])));
      await breathe();
    }
    if (used.length === 0) continue;
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

/**
 * Reporters of the year before missing from the stored period of `year` (for a ratio: of its numerator).
 * Read one period at a time (who reported in it), then only the missing enterprises' values of the year.
 */
export async function missingFor(store: TargetsStore, code: string, year: number, period: string) {
  const src = await store.citySource(code);
  if (!src || src.kind === 'city') return null;
  if (src.kind === 'ratio') return missingFor(store, src.numerator, year, period);
  const present = new Set(await store.cityReportersIn(code, period));
  const before = new Set<string>();
  for (const p of ofYear(await store.cityPeriods(code), year - 1)) {
    for (const id of await store.cityReportersIn(code, p)) before.add(id);
    await breathe();
  }
  const absent = [...before].filter((id) => !present.has(id));
  const thisYear: ReporterValue[] = [
    ...[...present].map((orgId) => ({ orgId, period, value: 0 })),
    ...(await store.cityValuesOf(code, absent, year)),
  ];
  const previousYear = [...before].map((orgId) => ({ orgId, period: String(year - 1), value: 0 }));
  const { largest, ...missing } = missingReporters({ period, year, previousYear, thisYear });
  return { missing: { ...missing, of: code }, largest };
}
