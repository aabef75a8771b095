// Normalisation of a decision matrix (rows = alternatives, columns = criteria; type 1 = benefit, −1 = cost).
//   min–max:  benefit (x − min)/(max − min), cost (max − x)/(max − min); a constant column (max = min)
//             carries no information and becomes 1 for every alternative (all equally good), never NaN;
//   vector:   x / √Σx² (a column of zeros stays 0); the direction is applied later (TOPSIS ideals);
//   z-score:  (x − mean)/sd with the population (÷m) or sample (÷(m−1)) standard deviation; sd = 0 → 0.
export type Direction = 1 | -1;
export type NormalizeVariant = 'minmax' | 'vector' | 'zscore_population' | 'zscore_sample';

export const column = (m: readonly (readonly number[])[], j: number): number[] => m.map((r) => r[j]);
const mapColumns = (m: readonly (readonly number[])[], f: (col: number[], j: number) => number[]): number[][] => {
  const cols = m[0].map((_, j) => f(column(m, j), j));
  return m.map((_, i) => cols.map((c) => c[i]));
};

export function isConstant(col: readonly number[]): boolean {
  return col.every((x) => x === col[0]);
}

export function minMax(m: readonly (readonly number[])[], types: readonly Direction[]): number[][] {
  return mapColumns(m, (col, j) => {
    const min = Math.min(...col);
    const max = Math.max(...col);
    if (max === min) return col.map(() => 1);
    return col.map((x) => (types[j] === -1 ? (max - x) / (max - min) : (x - min) / (max - min)));
  });
}

export function vectorNormalize(m: readonly (readonly number[])[]): number[][] {
  return mapColumns(m, (col) => {
    const norm = Math.sqrt(col.reduce((s, x) => s + x * x, 0));
    return col.map((x) => (norm === 0 ? 0 : x / norm));
  });
}

export function zScore(m: readonly (readonly number[])[], sample: boolean): number[][] {
  return mapColumns(m, (col) => {
    const n = col.length;
    const mean = col.reduce((s, x) => s + x, 0) / n;
    const ss = col.reduce((s, x) => s + (x - mean) ** 2, 0);
    const sd = Math.sqrt(ss / (sample ? n - 1 : n));
    return col.map((x) => (sd === 0 || !Number.isFinite(sd) ? 0 : (x - mean) / sd));
  });
}

export function normalize(m: readonly (readonly number[])[], types: readonly Direction[], variant: NormalizeVariant): number[][] {
  switch (variant) {
    case 'minmax': return minMax(m, types);
    case 'vector': return vectorNormalize(m);
    case 'zscore_population': return zScore(m, false);
    case 'zscore_sample': return zScore(m, true);
  }
}
