// 序时进度 (schedule progress): if the work were spread evenly from the baseline to the deadline, how far
// should it be by now, and how far is it? The baseline is the end of the base year, the deadline the end
// of the target year (a plan's "到2020年" is read as by 31 Dec 2020).
//   time elapsed   E = (observed at − baseline) ÷ (deadline − baseline) × 100, clamped to 0..100
//   work done      P = (actual − base value) ÷ (target − base value) × 100
//   lag            L = E − P percentage points (positive = behind schedule)
// Light (DESIGN.md 督查): green when L < 10; yellow when 10 ≤ L ≤ 30; red when L > 30, or when the
// deadline has passed and the target is not met (overdue). Boundaries compare with 1e-9 slack.
import { STATUS_EPSILON } from './anticipated-progress';

export type Light = 'green' | 'yellow' | 'red';
export const LAG_YELLOW = 10;
export const LAG_RED = 30;

const DAY = 86_400_000;

export function parseDate(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date YYYY-MM-DD: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export const endOfYear = (year: number): string => `${year}-12-31`;

/** The date as a decimal year in which year Y's 31 December is exactly Y (so annual values sit on integers). */
export function decimalYear(iso: string): number {
  const t = parseDate(iso);
  const y = new Date(t).getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  const days = (Date.UTC(y + 1, 0, 1) - start) / DAY;
  const dayOfYear = (t - start) / DAY + 1;
  return y - 1 + dayOfYear / days;
}

/** The lag bands shared by targets, tasks and projects. */
export function lagLight(lagPoints: number): Light {
  if (lagPoints > LAG_RED + STATUS_EPSILON) return 'red';
  if (lagPoints >= LAG_YELLOW - STATUS_EPSILON) return 'yellow';
  return 'green';
}

export interface TimeProgressInput {
  baseYear: number;
  baseValue: number;
  targetYear: number;
  targetValue: number;
  /** The date the actual value describes (31 Dec of its year for an annual value, the as-of date for a count). */
  observedAt: string;
  actual: number;
  /** Whether the target is met (from the attainment check); a met target is never behind. */
  met: boolean;
}

export interface TimeProgress {
  timeElapsedPct: number;
  progressPct: number;
  lagPoints: number;
  overdue: boolean;
  light: Light;
}

export function timeProgress(i: TimeProgressInput): TimeProgress {
  const start = parseDate(endOfYear(i.baseYear));
  const end = parseDate(endOfYear(i.targetYear));
  const at = parseDate(i.observedAt);
  const span = end - start;
  const timeElapsedPct = span <= 0 ? 100 : Math.min(100, Math.max(0, ((at - start) / span) * 100));
  const distance = i.targetValue - i.baseValue;
  const progressPct = distance === 0 ? (i.met ? 100 : 0) : ((i.actual - i.baseValue) / distance) * 100;
  const lagPoints = timeElapsedPct - progressPct;
  const overdue = at >= end && !i.met;
  const light: Light = i.met ? 'green' : overdue ? 'red' : lagLight(lagPoints);
  return { timeElapsedPct, progressPct, lagPoints, overdue, light };
}
