// Scoring methods on a decision matrix (rows = alternatives, columns = criteria, type 1 benefit / −1 cost).
//
// TOPSIS (Hwang & Yoon 1981): r = normalised matrix (vector x/√Σx², or min–max with the direction applied),
//   v_ij = w_j r_ij; ideal A⁺_j = max_i v_ij for a benefit column, min for a cost column; anti-ideal A⁻ the
//   reverse (after min–max every column is already "larger is better", so A⁺ = max, A⁻ = min);
//   d⁺_i = √Σ_j (v_ij − A⁺_j)², d⁻_i = √Σ_j (v_ij − A⁻_j)², closeness C_i = d⁻_i / (d⁺_i + d⁻_i).
//   When d⁺ = d⁻ = 0 (all alternatives identical) every C_i = 0.5: no alternative is nearer either pole.
// Grey relational analysis (Deng): z = min–max with direction; reference z0_k = max_i z_ik; Δ_ik = |z0_k − z_ik|;
//   ξ_ik = (Δmin + ρ Δmax) / (Δ_ik + ρ Δmax) with the global Δmin, Δmax over all i, k and ρ (default 0.5);
//   grade_i = Σ_k w_k ξ_ik (equal weights 1/n when none are given). Δmax = 0 (nothing differs) → every ξ = 1.
// Weighted sum: z = min–max with direction, score_i = Σ_j w_j z_ij.
// Combined weights: product w_j = a_j b_j / Σ_k a_k b_k, or linear w_j = α a_j + (1 − α) b_j.
import { methodError, rankDescending } from './errors';
import { minMax, vectorNormalize, type Direction } from './normalize';

export type TopsisVariant = 'vector' | 'minmax';

export interface TopsisResult {
  normalized: number[][];
  weighted: number[][];
  ideal: number[];
  anti_ideal: number[];
  d_plus: number[];
  d_minus: number[];
  closeness: number[];
  rank: number[];
}

export function topsis(matrix: readonly (readonly number[])[], types: readonly Direction[], weights: readonly number[], variant: TopsisVariant = 'vector'): TopsisResult {
  const normalized = variant === 'minmax' ? minMax(matrix, types) : vectorNormalize(matrix);
  return topsisOnNormalized(normalized, variant === 'minmax' ? types.map(() => 1 as const) : types, weights);
}

/** TOPSIS on an already normalised matrix; `types` tell where the ideal lies in each column. */
export function topsisOnNormalized(normalized: number[][], types: readonly Direction[], weights: readonly number[]): TopsisResult {
  const weighted = normalized.map((r) => r.map((x, j) => x * weights[j]));
  const n = weights.length;
  const colMax = Array.from({ length: n }, (_, j) => Math.max(...weighted.map((r) => r[j])));
  const colMin = Array.from({ length: n }, (_, j) => Math.min(...weighted.map((r) => r[j])));
  const ideal = types.map((t, j) => (t === -1 ? colMin[j] : colMax[j]));
  const antiIdeal = types.map((t, j) => (t === -1 ? colMax[j] : colMin[j]));
  const dist = (r: number[], p: number[]) => Math.sqrt(r.reduce((s, x, j) => s + (x - p[j]) ** 2, 0));
  const dPlus = weighted.map((r) => dist(r, ideal));
  const dMinus = weighted.map((r) => dist(r, antiIdeal));
  const closeness = dPlus.map((dp, i) => (dp + dMinus[i] === 0 ? 0.5 : dMinus[i] / (dp + dMinus[i])));
  return { normalized, weighted, ideal, anti_ideal: antiIdeal, d_plus: dPlus, d_minus: dMinus, closeness, rank: rankDescending(closeness) };
}

export interface GraResult {
  normalized: number[][];
  coefficients: number[][];
  grades: number[];
  weights: number[];
  rank: number[];
}

export function greyRelational(matrix: readonly (readonly number[])[], types: readonly Direction[], weights: readonly number[] | undefined, rho = 0.5): GraResult {
  if (!(rho > 0 && rho <= 1)) throw methodError('rho', `分辨系数 ρ 须在 (0, 1] 内，此处为 ${rho}`, `the distinguishing coefficient rho must be in (0, 1], got ${rho}`);
  const z = minMax(matrix, types);
  const n = z[0].length;
  const w = weights ? [...weights] : new Array<number>(n).fill(1 / n);
  const ref = Array.from({ length: n }, (_, k) => Math.max(...z.map((r) => r[k])));
  const delta = z.map((r) => r.map((x, k) => Math.abs(ref[k] - x)));
  const all = delta.flat();
  const dMin = Math.min(...all);
  const dMax = Math.max(...all);
  const coefficients = delta.map((r) => r.map((d) => (dMax === 0 ? 1 : (dMin + rho * dMax) / (d + rho * dMax))));
  const grades = coefficients.map((r) => r.reduce((s, x, k) => s + w[k] * x, 0));
  return { normalized: z, coefficients, grades, weights: w, rank: rankDescending(grades) };
}

export function weightedSum(matrix: readonly (readonly number[])[], types: readonly Direction[], weights: readonly number[]): { normalized: number[][]; scores: number[]; rank: number[] } {
  const z = minMax(matrix, types);
  const scores = z.map((r) => r.reduce((s, x, j) => s + weights[j] * x, 0));
  return { normalized: z, scores, rank: rankDescending(scores) };
}

export function combineWeights(a: readonly number[], b: readonly number[], mode: 'product' | 'linear', alpha = 0.5): number[] {
  if (a.length !== b.length) throw methodError('weights', `两组权重个数不同（${a.length} 与 ${b.length}）`, `the two weight vectors differ in length (${a.length} and ${b.length})`);
  if (mode === 'linear') {
    if (!(alpha >= 0 && alpha <= 1)) throw methodError('alpha', `线性组合系数 α 须在 [0, 1] 内，此处为 ${alpha}`, `alpha must be in [0, 1], got ${alpha}`);
    return a.map((x, j) => alpha * x + (1 - alpha) * b[j]);
  }
  const p = a.map((x, j) => x * b[j]);
  const s = p.reduce((x, y) => x + y, 0);
  if (s <= 0) throw methodError('weights', '两组权重的乘积全为 0，无法组合', 'the products of the two weight vectors are all 0; they cannot be combined');
  return p.map((x) => x / s);
}
