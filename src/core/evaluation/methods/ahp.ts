// The analytic hierarchy process (Saaty). A pairwise matrix A on Saaty's 1–9 scale: a_ii = 1, a_ji = 1/a_ij,
// every entry in [1/9, 9]. Cells may be numbers or strings such as "1/7" or "3".
//   weights (eigenvector): the principal right eigenvector of A (ml-matrix's eigen-decomposition), Σ = 1;
//   weights (column_mean): each column divided by its sum, then the mean of each row (the usual hand method);
//   λmax = the principal eigenvalue (eigenvector) or (1/n) Σ_i (A w)_i / w_i (column_mean);
//   CI = (λmax − n)/(n − 1),  CR = CI / RI(n) with Saaty's random index RI; n ≤ 2 → CI = CR = 0;
//   consistent when CR ≤ 0.1.
// Reciprocity is checked with a tolerance of 1 % (a_ij · a_ji within [0.99, 1.01]) so 0.333 passes for 1/3.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { methodError } from './errors';

/** Saaty's random consistency index for n = 1 … 10 (Saaty 1980). */
export const SAATY_RI = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49] as const;
export const CR_LIMIT = 0.1;
export type AhpVariant = 'eigenvector' | 'column_mean';

export interface AhpResult {
  weights: number[];
  lambda_max: number;
  CI: number;
  CR: number;
  consistent: boolean;
}

const SCALE_MIN = 1 / 9 - 1e-9;
const SCALE_MAX = 9 + 1e-9;

function cellValue(raw: unknown, path: string): number {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw methodError(path, `不是有限数：${raw}`, `not a finite number: ${raw}`);
    return raw;
  }
  if (typeof raw === 'string') {
    const s = raw.trim();
    const frac = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(s);
    if (frac) {
      const d = Number(frac[2]);
      if (d === 0) throw methodError(path, `分母为 0：“${raw}”`, `zero denominator: "${raw}"`);
      return Number(frac[1]) / d;
    }
    if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  }
  throw methodError(path, `无法识别的判断值“${String(raw)}”，应为 1–9 的数或“1/7”形式的倒数`, `cannot read "${String(raw)}": use a number 1–9 or a reciprocal such as "1/7"`);
}

/** Parses and checks a pairwise matrix; every refusal names the cell (row i, column j, 1-based in words). */
export function parsePairwise(raw: unknown, path = 'pairwise'): number[][] {
  if (!Array.isArray(raw) || raw.length === 0) throw methodError(path, '判断矩阵须为非空方阵', 'the pairwise matrix must be a non-empty square matrix');
  const n = raw.length;
  if (n > SAATY_RI.length) throw methodError(path, `判断矩阵最多 ${SAATY_RI.length} 阶（Saaty RI 表的范围），此处为 ${n} 阶；请分层`, `at most ${SAATY_RI.length} criteria per matrix (Saaty's RI table), got ${n}; split them into a hierarchy`);
  const a = raw.map((row, i) => {
    if (!Array.isArray(row) || row.length !== n) throw methodError(`${path}[${i}]`, `第 ${i + 1} 行应有 ${n} 个值`, `row ${i + 1} must have ${n} values`);
    return row.map((c, j) => cellValue(c, `${path}[${i}][${j}]`));
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = `${path}[${i}][${j}]`;
      const where = { zh: `第 ${i + 1} 行第 ${j + 1} 列`, en: `row ${i + 1}, column ${j + 1}` };
      const v = a[i][j];
      if (!(v > 0)) throw methodError(p, `${where.zh}须为正数，此处为 ${v}`, `${where.en} must be positive, found ${v}`);
      if (i === j && Math.abs(v - 1) > 1e-9) throw methodError(p, `${where.zh}在对角线上，须为 1，此处为 ${v}`, `${where.en} is on the diagonal and must be 1, found ${v}`);
      if (v < SCALE_MIN || v > SCALE_MAX) throw methodError(p, `${where.zh}的值 ${v} 超出 Saaty 1–9 标度（1/9 至 9）`, `${where.en} = ${v} is outside Saaty's 1–9 scale (1/9 to 9)`);
      if (j > i && Math.abs(v * a[j][i] - 1) > 0.01) {
        throw methodError(p, `${where.zh}为 ${v}，第 ${j + 1} 行第 ${i + 1} 列应为其倒数 ${round(1 / v)}，实为 ${a[j][i]}（判断矩阵不互反）`, `${where.en} is ${v}, so row ${j + 1}, column ${i + 1} must be its reciprocal ${round(1 / v)}, found ${a[j][i]} (not reciprocal)`);
      }
    }
  }
  return a;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

function consistency(n: number, lambdaMax: number): Pick<AhpResult, 'CI' | 'CR' | 'consistent'> {
  if (n <= 2) return { CI: 0, CR: 0, consistent: true };
  const CI = Math.max(0, (lambdaMax - n) / (n - 1));
  const CR = CI / SAATY_RI[n - 1];
  return { CI, CR, consistent: CR <= CR_LIMIT };
}

/** Principal eigenvector by ml-matrix: the real eigenvalue of largest real part (Perron root of a positive matrix). */
function eigenvector(a: number[][]): { weights: number[]; lambdaMax: number } {
  const evd = new EigenvalueDecomposition(new Matrix(a));
  const re = evd.realEigenvalues;
  let k = 0;
  for (let i = 1; i < re.length; i++) if (re[i] > re[k]) k = i;
  const v = evd.eigenvectorMatrix.getColumn(k);
  const s = v.reduce((x, y) => x + y, 0);
  return { weights: v.map((x) => x / s), lambdaMax: re[k] };
}

function columnMean(a: number[][]): { weights: number[]; lambdaMax: number } {
  const n = a.length;
  const colSum = a[0].map((_, j) => a.reduce((s, r) => s + r[j], 0));
  const weights = a.map((r) => r.reduce((s, x, j) => s + x / colSum[j], 0) / n);
  const aw = a.map((r) => r.reduce((s, x, j) => s + x * weights[j], 0));
  const lambdaMax = aw.reduce((s, x, i) => s + x / weights[i], 0) / n;
  return { weights, lambdaMax };
}

/** The power method (A^k e normalised until it stops moving); used in tests to check the eigen-decomposition. */
export function powerMethod(a: number[][], tol = 1e-13, maxIter = 10_000): { weights: number[]; lambdaMax: number } {
  const n = a.length;
  let w = new Array<number>(n).fill(1 / n);
  let lambda = n;
  for (let it = 0; it < maxIter; it++) {
    const aw = a.map((r) => r.reduce((s, x, j) => s + x * w[j], 0));
    lambda = aw.reduce((s, x) => s + x, 0);
    const next = aw.map((x) => x / lambda);
    const moved = Math.max(...next.map((x, i) => Math.abs(x - w[i])));
    w = next;
    if (moved < tol) break;
  }
  return { weights: w, lambdaMax: lambda };
}

export function ahp(raw: unknown, variant: AhpVariant = 'eigenvector', path = 'pairwise'): AhpResult {
  const a = parsePairwise(raw, path);
  const n = a.length;
  if (n === 1) return { weights: [1], lambda_max: 1, CI: 0, CR: 0, consistent: true };
  const { weights, lambdaMax } = variant === 'column_mean' ? columnMean(a) : eigenvector(a);
  return { weights, lambda_max: lambdaMax, ...consistency(n, lambdaMax) };
}

export interface HierarchyNode {
  key: string;
  /** Pairwise matrix over the children, in their order; absent for a leaf or a single child. */
  pairwise?: (number | string)[][];
  children?: HierarchyNode[];
}

export interface HierarchyResult {
  /** Global weight of every leaf: the product of local weights on its path. */
  leaves: { key: string; weight: number; path: string[] }[];
  /** Local AHP result of every inner node, by key. */
  groups: Record<string, AhpResult>;
  consistent: boolean;
}

/** AHP over a tree: criteria → sub-criteria; global weight = product of the local weights down the path. */
export function ahpHierarchy(root: HierarchyNode, variant: AhpVariant = 'eigenvector'): HierarchyResult {
  const leaves: HierarchyResult['leaves'] = [];
  const groups: Record<string, AhpResult> = {};
  const walk = (node: HierarchyNode, weight: number, path: string[]) => {
    const kids = node.children ?? [];
    if (kids.length === 0) { leaves.push({ key: node.key, weight, path }); return; }
    const m = node.pairwise ?? (kids.length === 1 ? [[1]] : undefined);
    if (!m) throw methodError(`${node.key}.pairwise`, `“${node.key}”有 ${kids.length} 个下级指标，缺少判断矩阵`, `"${node.key}" has ${kids.length} sub-criteria but no pairwise matrix`);
    if (m.length !== kids.length) throw methodError(`${node.key}.pairwise`, `判断矩阵为 ${m.length} 阶，但有 ${kids.length} 个下级指标`, `the pairwise matrix has ${m.length} rows but there are ${kids.length} sub-criteria`);
    const r = ahp(m, variant, `${node.key}.pairwise`);
    groups[node.key] = r;
    kids.forEach((k, i) => walk(k, weight * r.weights[i], [...path, k.key]));
  };
  walk(root, 1, []);
  return { leaves, groups, consistent: Object.values(groups).every((g) => g.consistent) };
}
