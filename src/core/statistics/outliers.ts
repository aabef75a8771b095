// Outlier detection (pure) over one organisation's history of an indicator:
// - z-score: (x − mean) / sd of the history, flagged when |z| > 3;
// - modified z-score (Iglewicz & Hoaglin 1993): 0.6745 · (x − median) / MAD, flagged when |M| > 3.5;
// - min–max bounds from the indicator definition.

import type { OutlierFinding, OutlierMethod } from '../../shared/statistics';

export type { OutlierFinding, OutlierMethod };

export const DEFAULT_THRESHOLDS: Record<Exclude<OutlierMethod, 'bounds'>, number> = { zscore: 3, modified_z: 3.5 };

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Sample standard deviation. */
export function stdDev(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** z of x against the history; null when the history is too short (< 3) or constant. */
export function zScore(x: number, history: number[]): number | null {
  if (history.length < 3) return null;
  const sd = stdDev(history);
  return sd === 0 ? null : (x - mean(history)) / sd;
}

/** Modified z-score of x against the history; null when the history is too short (< 3) or its MAD is 0. */
export function modifiedZScore(x: number, history: number[]): number | null {
  if (history.length < 3) return null;
  const med = median(history);
  const mad = median(history.map((h) => Math.abs(h - med)));
  return mad === 0 ? null : (0.6745 * (x - med)) / mad;
}

export function detectOutlier(
  x: number,
  history: number[],
  opts: { methods: OutlierMethod[]; zThreshold?: number; modifiedZThreshold?: number; min?: number | null; max?: number | null },
): OutlierFinding[] {
  const found: OutlierFinding[] = [];
  for (const method of opts.methods) {
    if (method === 'zscore') {
      const t = opts.zThreshold ?? DEFAULT_THRESHOLDS.zscore;
      const z = zScore(x, history);
      if (z != null && Math.abs(z) > t) {
        const m = mean(history); const sd = stdDev(history);
        found.push({ method, score: z, threshold: t, low: m - t * sd, high: m + t * sd });
      }
    } else if (method === 'modified_z') {
      const t = opts.modifiedZThreshold ?? DEFAULT_THRESHOLDS.modified_z;
      const mz = modifiedZScore(x, history);
      if (mz != null && Math.abs(mz) > t) {
        const med = median(history); const mad = median(history.map((h) => Math.abs(h - med)));
        found.push({ method, score: mz, threshold: t, low: med - (t * mad) / 0.6745, high: med + (t * mad) / 0.6745 });
      }
    } else {
      const lo = opts.min ?? null; const hi = opts.max ?? null;
      if ((lo != null && x < lo) || (hi != null && x > hi)) found.push({ method, score: null, threshold: null, low: lo, high: hi });
    }
  }
  return found;
}
