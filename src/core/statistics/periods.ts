// Period maths (pure). Periods are strings: `2019` (year), `2019Q1` (quarter), `201903` (month).
// Chinese monthly statistics are year-to-date (1–N月累计); the helpers here turn YTD series into
// single-month and single-quarter values and roll months up to quarters and years.

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1 for a year, 1–4 for a quarter, 1–12 for a month. */
  index: number;
}

const YEAR_RE = /^(\d{4})$/;
const QUARTER_RE = /^(\d{4})Q([1-4])$/;
const MONTH_RE = /^(\d{4})(0[1-9]|1[0-2])$/;

export function parsePeriod(s: string): Period | null {
  let m = MONTH_RE.exec(s);
  if (m) return { kind: 'month', year: Number(m[1]), index: Number(m[2]) };
  m = QUARTER_RE.exec(s);
  if (m) return { kind: 'quarter', year: Number(m[1]), index: Number(m[2]) };
  m = YEAR_RE.exec(s);
  if (m) return { kind: 'year', year: Number(m[1]), index: 1 };
  return null;
}

export function formatPeriod(p: Period): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}Q${p.index}`;
  return `${p.year}${String(p.index).padStart(2, '0')}`;
}

const QUARTER_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Accepts the spellings people type in spreadsheets and returns the canonical period, or null:
 * `201903`, `2019-03`, `2019/3`, `2019.03`, `2019年3月`, `2019年1-3月` (YTD month 3), `2019Q1`, `2019-Q1`,
 * `2019年第一季度`, `2019年一季度`, `2019`, `2019年`.
 */
export function normalizePeriod(raw: string): string | null {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (parsePeriod(s)) return s;
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月$/.exec(s) ?? /^(\d{4})年1[-—~至](\d{1,2})月$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}${String(month).padStart(2, '0')}` : null;
  }
  m = /^(\d{4})-?Q([1-4])$/.exec(s) ?? /^(\d{4})年第?([一二三四1-4])季度$/.exec(s);
  if (m) return `${m[1]}Q${QUARTER_ZH[m[2]!]}`;
  m = /^(\d{4})年?$/.exec(s);
  if (m) return m[1]!;
  return null;
}

/** The period `n` steps later (negative: earlier), of the same kind. */
export function shiftPeriod(period: string, n: number): string {
  const p = mustParse(period);
  if (p.kind === 'year') return String(p.year + n);
  const per = p.kind === 'quarter' ? 4 : 12;
  const abs = p.year * per + (p.index - 1) + n;
  return formatPeriod({ kind: p.kind, year: Math.floor(abs / per), index: (abs % per) + 1 });
}

export const nextPeriod = (p: string): string => shiftPeriod(p, 1);
export const previousPeriod = (p: string): string => shiftPeriod(p, -1);

/** The same period one year earlier (同期): 201903 → 201803, 2019Q1 → 2018Q1, 2019 → 2018. */
export function sameLastYear(period: string): string {
  const p = mustParse(period);
  return formatPeriod({ ...p, year: p.year - 1 });
}

export function periodKindOf(period: string): PeriodKind {
  return mustParse(period).kind;
}

export function yearOf(period: string): number {
  return mustParse(period).year;
}

/** Months a period covers, in order. */
export function monthsOf(period: string): string[] {
  const p = mustParse(period);
  const [from, to] = p.kind === 'year' ? [1, 12] : p.kind === 'quarter' ? [p.index * 3 - 2, p.index * 3] : [p.index, p.index];
  const out: string[] = [];
  for (let m = from; m <= to; m++) out.push(formatPeriod({ kind: 'month', year: p.year, index: m }));
  return out;
}

/** The last month of a period (its YTD month for cumulative indicators). */
export function lastMonthOf(period: string): string {
  const months = monthsOf(period);
  return months[months.length - 1]!;
}

export function quarterOfMonth(month: string): string {
  const p = mustParse(month);
  if (p.kind !== 'month') throw new Error(`not a month: ${month}`);
  return `${p.year}Q${Math.ceil(p.index / 3)}`;
}

/** The first day after the period ends (UTC), as an ISO date: 201903 → 2019-04-01. */
export function periodEndExclusive(period: string): Date {
  const p = mustParse(period);
  const month = p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.index * 3 : p.index;
  return new Date(Date.UTC(p.year, month, 1));
}

/** Adds days to the period end: the deadline (or expiry) of a report for the period. */
export function daysAfterPeriodEnd(period: string, days: number): Date {
  return new Date(periodEndExclusive(period).getTime() + days * 86_400_000);
}

/** Periods of a kind from `from` to `to` inclusive (both of that kind). */
export function periodRange(from: string, to: string): string[] {
  const out: string[] = [];
  if (periodKindOf(from) !== periodKindOf(to)) throw new Error(`period kinds differ: ${from} ${to}`);
  for (let p = from, guard = 0; comparePeriods(p, to) <= 0 && guard < 10_000; p = nextPeriod(p), guard++) out.push(p);
  return out;
}

/** Orders periods of the same kind. */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Year-to-date value → single-period value: single(m) = ytd(m) − ytd(m−1) within the year; January is its own YTD. */
export function singleFromYtd(ytd: (period: string) => number | null | undefined, period: string): number | null {
  const p = mustParse(period);
  if (p.kind === 'year') return ytd(period) ?? ytd(lastMonthOf(period)) ?? null;
  const end = p.kind === 'quarter' ? lastMonthOf(period) : period;
  const cur = ytdAt(ytd, end, p.kind === 'quarter' ? period : null);
  if (cur == null) return null;
  if (p.index === 1) return cur;
  const prevEnd = p.kind === 'quarter' ? lastMonthOf(previousPeriod(period)) : previousPeriod(period);
  const prev = ytdAt(ytd, prevEnd, p.kind === 'quarter' ? previousPeriod(period) : null);
  return prev == null ? null : cur - prev;
}

/** The YTD value at a month, accepting a quarter-coded YTD value when the month has none. */
function ytdAt(ytd: (period: string) => number | null | undefined, month: string, quarter: string | null): number | null {
  const v = ytd(month);
  if (v != null) return v;
  return quarter ? (ytd(quarter) ?? null) : null;
}

export type TimeAggregation = 'sum' | 'average' | 'last';

/**
 * Rolls monthly values up to a quarter or year. Cumulative (YTD) indicators: the value at the period's
 * last month (Q1 → March YTD; year → December YTD), i.e. year-to-date at the end of the period.
 * Others: sum, average or last of the months present (null when none).
 */
export function rollUp(
  monthly: (month: string) => number | null | undefined,
  period: string,
  opts: { cumulative: boolean; timeAggregation: TimeAggregation },
): number | null {
  if (opts.cumulative) return monthly(lastMonthOf(period)) ?? null;
  const vals = monthsOf(period).map(monthly).filter((v): v is number => v != null);
  if (!vals.length) return null;
  if (opts.timeAggregation === 'last') return vals[vals.length - 1]!;
  const sum = vals.reduce((a, b) => a + b, 0);
  return opts.timeAggregation === 'average' ? sum / vals.length : sum;
}

function mustParse(period: string): Period {
  const p = parsePeriod(period);
  if (!p) throw new Error(`invalid period: ${period}`);
  return p;
}
