// The entropy weight method (熵权法). For m alternatives and n criteria, on a non-negative matrix z:
//   p_ij = z_ij / Σ_i z_ij,   e_j = −(1/ln m) Σ_i p_ij ln p_ij  (0·ln 0 = 0),   d_j = 1 − e_j,   w_j = d_j / Σ_k d_k.
// Variants: 'raw' uses the data as given (it must be ≥ 0; the direction does not change entropy);
// 'minmax' first applies min–max with benefit/cost (the usual form in the Chinese literature).
// A constant column (including all zeros) carries no information: e_j = 1 exactly, weight 0 (never NaN).
// Every column constant leaves nothing to weigh and is refused.
import { methodError } from './errors';
import { column, isConstant, minMax, type Direction } from './normalize';

export type EntropyVariant = 'raw' | 'minmax';

export interface EntropyResult {
  normalized: number[][];
  entropy: number[];
  divergence: number[];
  weights: number[];
}

export function entropyWeights(matrix: readonly (readonly number[])[], types: readonly Direction[], variant: EntropyVariant = 'raw'): EntropyResult {
  const m = matrix.length;
  if (m < 2) throw methodError('matrix', '熵权法至少需要 2 个评价对象（行）', 'the entropy method needs at least 2 alternatives (rows)');
  if (variant === 'raw') {
    matrix.forEach((row, i) => row.forEach((x, j) => {
      if (x < 0) throw methodError(`matrix[${i}][${j}]`, `原始数据熵权法要求非负数，此处为 ${x}；可改用 minmax 变体`, `the raw entropy variant needs non-negative data, found ${x}; use the minmax variant`);
    }));
  }
  const z = variant === 'minmax' ? minMax(matrix, types) : matrix.map((r) => [...r]);
  const n = z[0].length;
  const entropy: number[] = [];
  for (let j = 0; j < n; j++) {
    const col = column(z, j);
    const sum = col.reduce((s, x) => s + x, 0);
    if (isConstant(col) || sum === 0) { entropy.push(1); continue; }
    let h = 0;
    for (const x of col) {
      const p = x / sum;
      if (p > 0) h -= p * Math.log(p);
    }
    entropy.push(Math.min(1, h / Math.log(m)));
  }
  const divergence = entropy.map((e) => 1 - e);
  const total = divergence.reduce((s, d) => s + d, 0);
  if (total <= 0) {
    throw methodError('matrix', '所有指标列均为常数（各对象取值相同），无法用熵权法确定权重', 'every criterion column is constant (all alternatives equal), so the entropy method cannot weigh them');
  }
  return { normalized: z, entropy, divergence, weights: divergence.map((d) => d / total) };
}
