// Attainment: does the actual value satisfy the target as the plan words it? The comparator comes from
// the text: 突破/超过 ">", 达到/不低于/以上 ">=", 左右/约 "≈" (a band of ± tolerance × value, default 5 %
// relative), 以内/不超过 "<=", 低于 "<", a range "10–15" (value..valueMax, both ends included).
// Attainment % is actual ÷ target for targets where more is better and target ÷ actual where less is
// better (so 100 % means "exactly at the target" either way); for "≈" it is actual ÷ value.
import type { Comparator } from '../../shared/plan-file';
import { AppError } from '../app-error';
import { STATUS_EPSILON, type Direction } from './anticipated-progress';

export const DEFAULT_TOLERANCE = 0.05;

export interface TargetSpec {
  comparator: Comparator;
  value: number;
  valueMax?: number | null;
  /** Relative band for "≈"; null = DEFAULT_TOLERANCE. */
  tolerance?: number | null;
  direction: Direction;
}

export interface Attainment {
  met: boolean;
  /** actual ÷ target (or target ÷ actual for decreasing targets) × 100; null when it would divide by 0. */
  attainmentPct: number | null;
  /** Signed distance to the nearest value that satisfies the target (0 when met). */
  gap: number;
  /** For "≈" and "range": where the actual lies relative to the band. */
  position?: 'below' | 'within' | 'above';
  /** For "≈": the band [low, high]; for "range": [value, valueMax]. */
  band?: [number, number];
  tolerance?: number;
  /** How the rule reads, e.g. "实际值 > 1000". */
  rule: { zh: string; en: string };
}

/** Relative slack so that values equal in exact arithmetic compare equal in floating point. */
const slack = (x: number) => STATUS_EPSILON * Math.max(1, Math.abs(x));

export function assessAttainment(spec: TargetSpec, actual: number): Attainment {
  if (!Number.isFinite(actual)) throw new AppError('VALIDATION', { zh: '实际值须为数值', en: 'actual must be a number' });
  const { comparator, value } = spec;
  const pct = (num: number, den: number) => (den === 0 ? null : (num / den) * 100);
  const dirPct = spec.direction === 'decrease' ? pct(value, actual) : pct(actual, value);
  switch (comparator) {
    case '>': {
      const met = actual > value + slack(value);
      return { met, attainmentPct: dirPct, gap: met ? 0 : value - actual, rule: { zh: `实际值 > ${value}（突破/超过）`, en: `actual > ${value}` } };
    }
    case '>=': {
      const met = actual >= value - slack(value);
      return { met, attainmentPct: dirPct, gap: met ? 0 : value - actual, rule: { zh: `实际值 ≥ ${value}（达到/不低于）`, en: `actual ≥ ${value}` } };
    }
    case '<=': {
      const met = actual <= value + slack(value);
      return { met, attainmentPct: dirPct, gap: met ? 0 : value - actual, rule: { zh: `实际值 ≤ ${value}（以内/不超过）`, en: `actual ≤ ${value}` } };
    }
    case '<': {
      const met = actual < value - slack(value);
      return { met, attainmentPct: dirPct, gap: met ? 0 : value - actual, rule: { zh: `实际值 < ${value}（低于）`, en: `actual < ${value}` } };
    }
    case '≈': {
      const tolerance = spec.tolerance ?? DEFAULT_TOLERANCE;
      const half = tolerance * Math.abs(value);
      const low = value - half;
      const high = value + half;
      const position = actual < low - slack(low) ? 'below' : actual > high + slack(high) ? 'above' : 'within';
      const met = position === 'within';
      return {
        met, attainmentPct: pct(actual, value), gap: met ? 0 : position === 'below' ? low - actual : high - actual,
        position, band: [low, high], tolerance,
        rule: { zh: `|实际值 − ${value}| ≤ ${+(tolerance * 100).toFixed(4)}% × ${value}（左右/约）`, en: `|actual − ${value}| ≤ ${+(tolerance * 100).toFixed(4)}% of ${value}` },
      };
    }
    case 'range': {
      const max = spec.valueMax;
      if (max == null) throw new AppError('VALIDATION', { zh: '区间目标缺少上限', en: 'range target needs valueMax' });
      const position = actual < value - slack(value) ? 'below' : actual > max + slack(max) ? 'above' : 'within';
      const met = position === 'within';
      return {
        met, attainmentPct: pct(actual, value), gap: met ? 0 : position === 'below' ? value - actual : max - actual,
        position, band: [value, max],
        rule: { zh: `${value} ≤ 实际值 ≤ ${max}（区间）`, en: `${value} ≤ actual ≤ ${max}` },
      };
    }
  }
}
