// One entry point for every method, on the external contract (src/shared/evaluation-compute.ts). Input is
// checked before any arithmetic; each refusal names the field or cell (matrix[2][3], types[1], …).
import { parseInput } from '../../parse-input';
import { ComputeInputSchema, EVAL_VARIANTS, type ComputeOutput } from '../../../shared/evaluation-compute';
import { ahp, type AhpVariant } from './ahp';
import { entropyWeights, type EntropyVariant } from './entropy';
import { methodError } from './errors';
import { minMax, normalize, type Direction, type NormalizeVariant } from './normalize';
import { greyRelational, topsis, topsisOnNormalized, weightedSum, type TopsisVariant } from './scoring';

export function checkMatrix(raw: unknown[][] | undefined, method: string): number[][] {
  if (!raw || raw.length === 0) throw methodError('matrix', `方法 ${method} 需要决策矩阵 matrix（行 = 评价对象，列 = 指标）`, `method ${method} needs "matrix" (rows = alternatives, columns = criteria)`);
  const n = raw[0].length;
  if (n === 0) throw methodError('matrix[0]', '决策矩阵至少需要 1 列指标', 'the matrix needs at least one criterion column');
  return raw.map((row, i) => {
    if (row.length !== n) throw methodError(`matrix[${i}]`, `第 ${i + 1} 行有 ${row.length} 个值，第 1 行有 ${n} 个；各行须等长`, `row ${i + 1} has ${row.length} values but row 1 has ${n}; rows must be equally long`);
    return row.map((x, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw methodError(`matrix[${i}][${j}]`, `第 ${i + 1} 行第 ${j + 1} 列不是有限数（${JSON.stringify(x)}）；缺失值须先按规则处理，不能当作 0`, `row ${i + 1}, column ${j + 1} is not a finite number (${JSON.stringify(x)}); handle missing values by a rule first, never as 0`);
      }
      return x;
    });
  });
}

export function checkTypes(raw: unknown[] | undefined, n: number): Direction[] {
  if (raw === undefined) return new Array<Direction>(n).fill(1);
  if (raw.length !== n) throw methodError('types', `types 有 ${raw.length} 个，矩阵有 ${n} 列`, `types has ${raw.length} entries but the matrix has ${n} columns`);
  return raw.map((t, j) => {
    if (t !== 1 && t !== -1) throw methodError(`types[${j}]`, `指标方向须为 1（效益型）或 -1（成本型），此处为 ${JSON.stringify(t)}`, `a direction must be 1 (benefit) or -1 (cost), found ${JSON.stringify(t)}`);
    return t;
  });
}

/** Weights: one per column, ≥ 0, not all 0; normalised to sum 1. Absent → equal weights. */
export function checkWeights(raw: unknown[] | undefined, n: number): number[] {
  if (raw === undefined) return new Array<number>(n).fill(1 / n);
  if (raw.length !== n) throw methodError('weights', `weights 有 ${raw.length} 个，矩阵有 ${n} 列`, `weights has ${raw.length} entries but the matrix has ${n} columns`);
  const w = raw.map((x, j) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw methodError(`weights[${j}]`, `权重须为非负数，此处为 ${JSON.stringify(x)}`, `a weight must be a non-negative number, found ${JSON.stringify(x)}`);
    return x;
  });
  const s = w.reduce((a, b) => a + b, 0);
  if (s <= 0) throw methodError('weights', '权重全为 0', 'every weight is 0');
  return w.map((x) => x / s);
}

function variantOf<V extends string>(method: keyof typeof EVAL_VARIANTS, variant: string | undefined, fallback: V): V {
  if (variant === undefined) return fallback;
  const allowed = EVAL_VARIANTS[method];
  if (!allowed.includes(variant)) {
    const list = allowed.length ? allowed.join(', ') : '（无）';
    throw methodError('variant', `方法 ${method} 没有变体“${variant}”，可用：${list}`, `method ${method} has no variant "${variant}"; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`);
  }
  return variant as V;
}

export function computeEvaluation(raw: unknown): ComputeOutput {
  const input = parseInput(ComputeInputSchema, raw);
  const { method } = input;
  if (method === 'ahp') {
    if (!input.pairwise) throw methodError('pairwise', 'AHP 需要判断矩阵 pairwise', 'ahp needs "pairwise"');
    const variant = variantOf<AhpVariant>(method, input.variant, 'eigenvector');
    return { method, variant, ...ahp(input.pairwise, variant) };
  }
  const matrix = checkMatrix(input.matrix, method);
  const n = matrix[0].length;
  const types = checkTypes(input.types, n);
  switch (method) {
    case 'normalize': {
      const variant = variantOf<NormalizeVariant>(method, input.variant, 'minmax');
      if (variant === 'zscore_sample' && matrix.length < 2) throw methodError('matrix', '样本标准差至少需要 2 行', 'the sample standard deviation needs at least 2 rows');
      return { method, variant, normalized: normalize(matrix, types, variant) };
    }
    case 'entropy': {
      const variant = variantOf<EntropyVariant>(method, input.variant, 'raw');
      return { method, variant, ...entropyWeights(matrix, types, variant) };
    }
    case 'topsis': {
      const variant = variantOf<TopsisVariant>(method, input.variant, 'vector');
      const r = topsis(matrix, types, checkWeights(input.weights, n), variant);
      return { method, variant, normalized: r.normalized, weights: checkWeights(input.weights, n), d_plus: r.d_plus, d_minus: r.d_minus, closeness: r.closeness, rank: r.rank };
    }
    case 'entropy_topsis': {
      variantOf(method, input.variant, '');
      const e = entropyWeights(matrix, types, 'minmax');
      const r = topsisOnNormalized(minMax(matrix, types), types.map(() => 1 as const), e.weights);
      return { method, normalized: e.normalized, entropy: e.entropy, divergence: e.divergence, weights: e.weights, d_plus: r.d_plus, d_minus: r.d_minus, closeness: r.closeness, rank: r.rank };
    }
    case 'gra': {
      variantOf(method, input.variant, '');
      const r = greyRelational(matrix, types, input.weights ? checkWeights(input.weights, n) : undefined, input.rho ?? 0.5);
      return { method, normalized: r.normalized, weights: r.weights, coefficients: r.coefficients, grades: r.grades, rank: r.rank };
    }
    case 'weighted_sum': {
      variantOf(method, input.variant, '');
      const w = checkWeights(input.weights, n);
      return { method, weights: w, ...weightedSum(matrix, types, w) };
    }
  }
}
