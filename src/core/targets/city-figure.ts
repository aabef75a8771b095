// A city figure with what it is made of: per year the shares of its value by review status, the value
// on approved inputs only, and (for the year assessed) the reporters missing from its period.
// A ratio (SEI value added ÷ GDP) speaks through its numerator's shares; its weakest status is the
// weaker of both sides', and on approved inputs only both sides must be approved.
import type { StatusGroup, StatusShares } from '../../shared/targets';
import { largestByStatus, missingReporters, statusShares, weakestStatus } from './figure-quality';
import type { AnnualValue, CityStatusRow, OrgRange, TargetsStore } from './ports';

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
 * here is bounded (one period, one slice of enterprises), and between them the process serves what is waiting.
 */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Enterprises per slice of a read (see enterpriseBounds): ≈ 5,000 index entries, a few milliseconds. */
const SLICE = 5000;

/** The slices of the organisation ids a read over every enterprise is cut into. */
async function slices(store: TargetsStore): Promise<OrgRange[]> {
  const bounds = await store.enterpriseBounds(SLICE);
  return [null, ...bounds].map((from, i) => ({ from, to: bounds[i] ?? null }));
}

/** The stored periods a year's value is read from, as the city series reads them: the year, else December or Q4 year-to-date, else the twelve months. */
function pickPeriods(has: ReadonlySet<string>, year: number): string[] | null {
  for (const p of [`${year}`, `${year}12`, `${year}Q4`]) if (has.has(p)) return [p];
  const months = MONTHS.map((m) => `${year}${m}`);
  return months.every((m) => has.has(m)) ? months : null;
}

/** The periods of `year` among `periods` (a period begins with its year). */
const ofYear = (periods: readonly string[], year: number): string[] => periods.filter((p) => p.slice(0, 4) === String(year));

/** The status rows of these periods, read one period and (for a sum of enterprises) one slice at a time, added up. */
async function statusRowsOf(store: TargetsStore, code: string, periods: string[], fromEnterprises: boolean): Promise<CityStatusRow[]> {
  const parts = fromEnterprises ? await slices(store) : [undefined];
  const sum = new Map<string, CityStatusRow>();
  for (const p of periods) {
    for (const range of parts) {
      for (const r of await store.cityStatusRows(code, [p], range)) {
        const k = `${r.period}\u0001${r.status}`;
        const have = sum.get(k);
        if (!have) sum.set(k, { ...r });
        else {
          have.value += r.value;
          have.n += r.n;
          have.largest = Math.max(have.largest ?? 0, r.largest ?? 0);
        }
      }
      await breathe();
    }
  }
  return [...sum.values()];
}

async function plainByYear(store: TargetsStore, code: string, years: number[], fromEnterprises: boolean): Promise<Map<number, YearFigure>> {
  const present = await store.cityPeriods(code);
  const out = new Map<number, YearFigure>();
  for (const y of years) {
    const periods = pickPeriods(new Set(ofYear(present, y)), y);
    if (!periods) continue;
    const used = await statusRowsOf(store, code, periods, fromEnterprises);
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
 * Read one slice of enterprises at a time (only the missing come back), then their values of the year.
 */
export async function missingFor(store: TargetsStore, code: string, year: number, period: string) {
  const src = await store.citySource(code);
  if (!src || src.kind === 'city') return null;
  if (src.kind === 'ratio') return missingFor(store, src.numerator, year, period);
  const absent: string[] = [];
  for (const range of await slices(store)) {
    absent.push(...(await store.cityMissingIn(code, period, year - 1, range)));
    await breathe();
  }
  // Only the missing enterprises matter to the count and to their earlier values of the year.
  const previousYear = absent.map((orgId) => ({ orgId, period: String(year - 1), value: 0 }));
  const thisYear = await store.cityValuesOf(code, absent, year);
  const { largest, ...missing } = missingReporters({ period, year, previousYear, thisYear });
  return { missing: { ...missing, of: code }, largest };
}
