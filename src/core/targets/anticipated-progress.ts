// Anticipated progress — the Statistics Canada method adopted by Open SDG ("Progress Measurement
// Methodology", open-sdg/open-sdg docs/progress-methodology.md; Statistics Canada, Canadian Indicator
// Framework progress methodology, after Eurostat's SDG progress assessment):
//
//   observed growth   CAGR_obs = (y_t / y_0)^(1/(t − t0)) − 1
//   required growth   CAGR_req = (y_T / y_0)^(1/(T − t0)) − 1
//   ratio             R = sign · d · CAGR_obs / |CAGR_req|
//
// d = +1 when higher is better ("increase"), −1 when lower is better ("decrease"); sign = −1 only when
// the base value y_0 is negative (a ratio of two negative values grows while the value falls).
// Status, first match wins: the current value already satisfies the target → target_achieved;
// R ≥ 0.95 substantial; 0.6 ≤ R < 0.95 moderate; 0 ≤ R < 0.6 limited; R < 0 deterioration.
// Without a target the direction-adjusted CAGR itself (sign · d · CAGR_obs) is compared with 1.5 % /
// 0.5 % / 0. As Open SDG does, a base or target value of exactly 0 is replaced by 0.001 so the ratios
// stay defined.
//
// Boundaries: R and the CAGR are compared with an absolute tolerance of 1e-9 (STATUS_EPSILON), so a
// ratio that is 0.95 in exact arithmetic but 0.94999999999 in floating point (e.g. 9.5 % observed
// against 10 % required) lands in substantial_progress, as the table's "R ≥ 95 %" says.
import { AppError } from '../app-error';

export const ANTICIPATED_STATUSES = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
] as const;
export type AnticipatedStatus = (typeof ANTICIPATED_STATUSES)[number];
export type Direction = 'increase' | 'decrease';

export const STATUS_EPSILON = 1e-9;
export const ZERO_REPLACEMENT = 0.001;
export const R_SUBSTANTIAL = 0.95;
export const R_MODERATE = 0.6;
export const CAGR_SUBSTANTIAL = 0.015;
export const CAGR_MODERATE = 0.005;

export interface AnticipatedInput {
  baseYear: number;
  baseValue: number;
  currentYear: number;
  currentValue: number;
  targetYear: number | null;
  targetValue: number | null;
  direction: Direction;
}

export interface AnticipatedResult {
  cagrObserved: number;
  cagrRequired: number | null;
  /** null without a target, or when the required growth is zero (target equals base). */
  ratioR: number | null;
  /** Which figure the status was read from: the ratio R, or the direction-adjusted CAGR (no target). */
  basis: 'ratio' | 'cagr' | 'achieved';
  /** The value the thresholds were applied to (R, or sign·d·CAGR_obs). */
  measure: number | null;
  status: AnticipatedStatus;
  /** Values actually used after replacing 0 by 0.001. */
  baseValueUsed: number;
  targetValueUsed: number | null;
  notes: string[];
}

const invalid = (zh: string, en: string) => new AppError('VALIDATION', { zh, en }, [{ path: 'input', message: `${zh} / ${en}` }]);

/** (to/from)^(1/years) − 1; fails clearly when it is undefined. */
export function compoundAnnualGrowth(from: number, to: number, years: number): number {
  if (!(years > 0)) throw invalid('计算年均增长率需要两个不同年份（当前年份须晚于基期年份）', 'CAGR needs two different years: the current year must be after the base year');
  if (from === 0) throw invalid('基期值为 0，增长率无定义', 'base value is 0: growth rate undefined');
  const ratio = to / from;
  if (ratio < 0) throw invalid('数值正负号发生变化，年均增长率无定义', 'the value changes sign: compound growth is undefined');
  return Math.pow(ratio, 1 / years) - 1;
}

/** True when `value` satisfies the target in the desired direction (≥ for increase, ≤ for decrease). */
export function meetsDirectionalTarget(value: number, target: number, direction: Direction): boolean {
  return direction === 'increase' ? value >= target - STATUS_EPSILON * Math.max(1, Math.abs(target)) : value <= target + STATUS_EPSILON * Math.max(1, Math.abs(target));
}

function statusOf(measure: number, high: number, mid: number): AnticipatedStatus {
  if (measure >= high - STATUS_EPSILON) return 'substantial_progress';
  if (measure >= mid - STATUS_EPSILON) return 'moderate_progress';
  if (measure >= -STATUS_EPSILON) return 'limited_progress';
  return 'deterioration';
}

export function anticipatedProgress(input: AnticipatedInput): AnticipatedResult {
  const { baseYear, currentYear, targetYear, direction } = input;
  for (const [k, v] of Object.entries({ baseYear, currentYear, baseValue: input.baseValue, currentValue: input.currentValue })) {
    if (!Number.isFinite(v)) throw invalid(`${k} 须为数值`, `${k} must be a finite number`);
  }
  if (currentYear <= baseYear) throw invalid('当前年份 current_year 须晚于基期年份 base_year（同一年份无法计算年均增长率）', 'current_year must be after base_year (CAGR is undefined for a single year)');
  const notes: string[] = [];
  const d = direction === 'increase' ? 1 : -1;
  let y0 = input.baseValue;
  if (y0 === 0) {
    y0 = ZERO_REPLACEMENT;
    notes.push('基期值为 0，按 Open SDG 做法以 0.001 代替 / base value 0 replaced by 0.001 (Open SDG)');
  }
  const sign = y0 < 0 ? -1 : 1;
  const cagrObserved = compoundAnnualGrowth(y0, input.currentValue, currentYear - baseYear);

  const hasTarget = input.targetValue != null && Number.isFinite(input.targetValue);
  if (!hasTarget) {
    const measure = sign * d * cagrObserved;
    return {
      cagrObserved, cagrRequired: null, ratioR: null, basis: 'cagr', measure,
      status: statusOf(measure, CAGR_SUBSTANTIAL, CAGR_MODERATE), baseValueUsed: y0, targetValueUsed: null, notes,
    };
  }
  if (targetYear == null || !Number.isFinite(targetYear)) throw invalid('有目标值时须给出目标年份', 'target_year is required with a target value');
  if (targetYear <= baseYear) throw invalid('目标年份须晚于基期年份', 'target_year must be after base_year');
  let yT = input.targetValue as number;
  if (yT === 0) {
    yT = ZERO_REPLACEMENT;
    notes.push('目标值为 0，按 Open SDG 做法以 0.001 代替 / target value 0 replaced by 0.001 (Open SDG)');
  }
  const cagrRequired = compoundAnnualGrowth(y0, yT, targetYear - baseYear);
  const base = { cagrObserved, cagrRequired, baseValueUsed: y0, targetValueUsed: yT, notes };
  const ratioR = Math.abs(cagrRequired) < 1e-15 ? null : (sign * d * cagrObserved) / Math.abs(cagrRequired);
  if (meetsDirectionalTarget(input.currentValue, input.targetValue as number, direction)) {
    return { ...base, ratioR, basis: 'achieved', measure: ratioR, status: 'target_achieved' };
  }
  if (ratioR === null) {
    // Target equals base and the current value falls short of it: any movement is away from the target.
    notes.push('目标值等于基期值，所需增长率为 0，R 无定义 / target equals base: required growth 0, R undefined');
    return { ...base, ratioR, basis: 'ratio', measure: null, status: 'deterioration' };
  }
  return { ...base, ratioR, basis: 'ratio', measure: ratioR, status: statusOf(ratioR, R_SUBSTANTIAL, R_MODERATE) };
}
