import { describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { ahp, ahpHierarchy, parsePairwise, powerMethod } from './ahp';
import { computeEvaluation } from './compute';
import { entropyWeights } from './entropy';
import { minMax, normalize } from './normalize';
import { combineWeights, greyRelational, topsis, weightedSum } from './scoring';

// Saaty, T. L. (1990) "How to make a decision: the analytic hierarchy process", European Journal of
// Operational Research 48, 9–26, the house-buying example: eight criteria (size, bus, neighbourhood, age,
// yard, modern facilities, general condition, financing). Published: priorities .173 .054 .188 .018 .031
// .036 .167 .333, λmax = 9.669, C.I. = 0.238, C.R. = 0.169; and for "size of house" over houses A, B, C:
// .754 .181 .065, λmax = 3.136, C.I. = 0.068, C.R. = 0.117.
const HOUSE = [
  [1, 5, 3, 7, 6, 6, '1/3', '1/4'],
  ['1/5', 1, '1/3', 5, 3, 3, '1/5', '1/7'],
  ['1/3', 3, 1, 6, 3, 4, 6, '1/5'],
  ['1/7', '1/5', '1/6', 1, '1/3', '1/4', '1/7', '1/8'],
  ['1/6', '1/3', '1/3', 3, 1, '1/2', '1/5', '1/6'],
  ['1/6', '1/3', '1/4', 4, 2, 1, '1/5', '1/6'],
  [3, 5, '1/6', 7, 5, 5, 1, '1/2'],
  [4, 7, 5, 8, 6, 6, 2, 1],
];
const SIZE = [[1, 6, 8], ['1/6', 1, 4], ['1/8', '1/4', 1]];

// A published TOPSIS worked example: Hodgett, R. E., "TOPSIS in Excel" (http://hodgett.co.uk/topsis-in-excel/),
// used verbatim as the reference test of the CRAN package MCDA (Bigaret, Hodgett, Meyer, Mironova & Olteanu,
// tests/TOPSIS.R, https://rdrr.io/github/paterijk/MCDA/src/tests/TOPSIS.R): three cars × four criteria
// (purchase price [cost], economy, aesthetics, boot capacity), weights .35 .25 .25 .15, vector normalisation.
// Published: ideal .179573776 .171636015 .159499658 .087302767, anti-ideal .212610118 .124958799 .131352659
// .085797547; closeness (4 places) Corsa .4817, Clio .5182, Fiesta .1780; on Corsa and Clio with the first
// three criteria only: .4943, .5057.
const CARS = [[5490, 51.4, 8.5, 285], [6500, 70.6, 7, 288], [6489, 54.3, 7.5, 290]];
const CAR_TYPES = [-1, 1, 1, 1] as const;
const CAR_WEIGHTS = [0.35, 0.25, 0.25, 0.15];

// The fighter-aircraft data of Hwang & Yoon (1981), Multiple Attribute Decision Making, Springer: 4 aircraft ×
// 6 attributes (max speed, ferry range, max payload, cost [cost type], reliability, manoeuvrability), weights
// .2 .1 .1 .1 .2 .3. The closeness and entropy figures once quoted here from memory could not be checked
// against the book, so these cases compare with arithmetic spelled out in the test instead (see below).
const AIRCRAFT = [[2, 1500, 20000, 5.5, 5, 9], [2.5, 2700, 18000, 6.5, 3, 5], [1.8, 2000, 21000, 4.5, 7, 7], [2.2, 1800, 20000, 5, 5, 5]];
const AIR_TYPES = [1, 1, 1, -1, 1, 1] as const;

const close = (a: number[], b: number[], tol: number) => a.forEach((x, i) => expect(Math.abs(x - b[i]), `index ${i}: ${x} vs ${b[i]}`).toBeLessThanOrEqual(tol));
const errorOf = (f: () => unknown): AppError => {
  try { f(); } catch (e) { return e as AppError; }
  throw new Error('expected a refusal');
};

describe('AHP', () => {
  it("reproduces Saaty's house-buying criteria priorities, λmax, CI and CR", () => {
    const r = ahp(HOUSE);
    close(r.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], 0.0006);
    expect(r.lambda_max).toBeCloseTo(9.669, 3);
    expect(r.CI).toBeCloseTo(0.238, 3);
    expect(r.CR).toBeCloseTo(0.169, 3);
    expect(r.consistent).toBe(false);
  });
  it("reproduces the house-size comparison (CR 0.117)", () => {
    const r = ahp(SIZE);
    close(r.weights, [0.754, 0.181, 0.065], 0.0006);
    expect(r.lambda_max).toBeCloseTo(3.136, 3);
    expect(r.CR).toBeCloseTo(0.117, 3);
  });
  it('the ml-matrix eigenvector agrees with the power method to 1e-9', () => {
    for (const m of [HOUSE, SIZE]) {
      const a = parsePairwise(m);
      const e = ahp(m);
      const p = powerMethod(a);
      close(e.weights, p.weights, 1e-9);
      expect(Math.abs(e.lambda_max - p.lambdaMax)).toBeLessThan(1e-9);
    }
  });
  it('column_mean approximates the eigenvector and gives its own λmax', () => {
    const r = ahp(HOUSE, 'column_mean');
    close(r.weights, ahp(HOUSE).weights, 0.025); // CR 0.17: the approximation drifts most on inconsistent input
    close(ahp(SIZE, "column_mean").weights, ahp(SIZE).weights, 0.02);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.CR).toBeGreaterThan(0.1);
  });
  it('a consistent matrix has CR 0; n ≤ 2 gives CR 0', () => {
    const r = ahp([[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]);
    close(r.weights, [4 / 7, 2 / 7, 1 / 7], 1e-12);
    expect(r.CR).toBeCloseTo(0, 12);
    expect(ahp([[1, 9], ['1/9', 1]])).toMatchObject({ CI: 0, CR: 0, consistent: true });
    expect(ahp([[1]]).weights).toEqual([1]);
  });
  it('names the non-reciprocal cell, a bad diagonal, a value off the scale and an unreadable string', () => {
    const e = errorOf(() => ahp([[1, 3, 5], ['1/3', 1, 2], ['1/5', 2, 1]]));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues?.[0].path).toBe('pairwise[1][2]');
    expect(e.message).toContain('第 2 行第 3 列');
    expect(e.messageEn).toContain('row 3, column 2 must be its reciprocal 0.5');
    expect(errorOf(() => ahp([[2, 1], [1, 1]])).issues?.[0].path).toBe('pairwise[0][0]');
    expect(errorOf(() => ahp([[1, 12], ['1/12', 1]])).messageEn).toContain("outside Saaty's 1–9 scale");
    expect(errorOf(() => ahp([[1, 'x'], [1, 1]])).issues?.[0].path).toBe('pairwise[0][1]');
    expect(errorOf(() => ahp([[1, -3], [1, 1]])).messageEn).toContain('must be positive');
  });
  it('hierarchy: global weight = product of local weights down the path', () => {
    const h = ahpHierarchy({ key: 'goal', pairwise: [[1, 3], ['1/3', 1]], children: [
      { key: 'A', pairwise: [[1, 1], [1, 1]], children: [{ key: 'a1' }, { key: 'a2' }] },
      { key: 'B', children: [{ key: 'b1' }] },
    ] });
    expect(h.leaves.map((l) => [l.key, Number(l.weight.toFixed(6))])).toEqual([['a1', 0.375], ['a2', 0.375], ['b1', 0.25]]);
    expect(h.consistent).toBe(true);
  });
});

describe('entropy weights', () => {
  it('on the fighter-aircraft data agree with p_ij, e_j, d_j spelled out', () => {
    const m = AIRCRAFT.length;
    const e = AIRCRAFT[0].map((_, j) => {
      const total = AIRCRAFT.reduce((s, row) => s + row[j], 0);
      return -AIRCRAFT.reduce((s, row) => s + (row[j] / total) * Math.log(row[j] / total), 0) / Math.log(m);
    });
    const d = e.map((x) => 1 - x);
    const sum = d.reduce((a, b) => a + b, 0);
    const r = entropyWeights(AIRCRAFT, [...AIR_TYPES], 'raw');
    close(r.entropy, e, 1e-12);
    close(r.weights, d.map((x) => x / sum), 1e-12);
    // Reliability (5, 3, 7, 5) varies most relative to its mean, payload (20000, 18000, 21000, 20000) least.
    expect(r.weights.indexOf(Math.max(...r.weights))).toBe(4);
    expect(r.weights.indexOf(Math.min(...r.weights))).toBe(2);
  });
  it('a constant column gets weight 0 (raw and min–max), never NaN', () => {
    for (const v of ['raw', 'minmax'] as const) {
      const r = entropyWeights([[1, 5, 3], [2, 5, 1], [4, 5, 2]], [1, 1, -1], v);
      expect(r.weights[1]).toBe(0);
      expect(r.entropy[1]).toBe(1);
      expect(r.weights.every(Number.isFinite)).toBe(true);
      expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });
  it('all columns constant is refused in words; negative raw data names the cell', () => {
    const e = errorOf(() => entropyWeights([[1, 2], [1, 2]], [1, 1]));
    expect(e.message).toContain('所有指标列均为常数');
    expect(e.messageEn).toContain('every criterion column is constant');
    expect(errorOf(() => entropyWeights([[1, 2], [-1, 3]], [1, 1])).issues?.[0].path).toBe('matrix[1][0]');
  });
  it('the min–max variant follows the direction: the smallest cost gets z = 1', () => {
    const r = entropyWeights([[10, 1], [20, 2], [30, 4]], [1, -1], 'minmax');
    expect(r.normalized.map((x) => x[1])).toEqual([1, 2 / 3, 0]);
  });
});

describe('TOPSIS, entropy–TOPSIS, grey relational, weighted sum', () => {
  it('reproduces the published TOPSIS example (Hodgett; CRAN MCDA tests/TOPSIS.R) to its four places', () => {
    const r = topsis(CARS, [...CAR_TYPES], CAR_WEIGHTS);
    close(r.ideal, [0.179573776, 0.171636015, 0.159499658, 0.087302767], 5e-10);
    close(r.anti_ideal, [0.212610118, 0.124958799, 0.131352659, 0.085797547], 5e-10);
    expect(r.closeness.map((c) => Number(c.toFixed(4)))).toEqual([0.4817, 0.5182, 0.178]);
    expect(r.rank).toEqual([2, 1, 3]);
    const sub = topsis(CARS.slice(0, 2).map((row) => row.slice(0, 3)), [-1, 1, 1], CAR_WEIGHTS.slice(0, 3));
    expect(sub.closeness.map((c) => Number(c.toFixed(4)))).toEqual([0.4943, 0.5057]);
  });
  it('TOPSIS on the fighter aircraft agrees with the steps spelled out', () => {
    const w = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3];
    const norms = w.map((_, j) => Math.sqrt(AIRCRAFT.reduce((s, row) => s + row[j] ** 2, 0)));
    const v = AIRCRAFT.map((row) => row.map((x, j) => (x / norms[j]) * w[j]));
    const col = (j: number) => v.map((row) => row[j]);
    const ideal = w.map((_, j) => (AIR_TYPES[j] === 1 ? Math.max(...col(j)) : Math.min(...col(j))));
    const anti = w.map((_, j) => (AIR_TYPES[j] === 1 ? Math.min(...col(j)) : Math.max(...col(j))));
    const dist = (row: number[], p: number[]) => Math.sqrt(row.reduce((s, x, j) => s + (x - p[j]) ** 2, 0));
    const dp = v.map((row) => dist(row, ideal));
    const dm = v.map((row) => dist(row, anti));
    const r = topsis(AIRCRAFT, [...AIR_TYPES], w);
    close(r.d_plus, dp, 1e-12);
    close(r.d_minus, dm, 1e-12);
    close(r.closeness, dm.map((d, i) => d / (d + dp[i])), 1e-12);
    expect(r.rank).toEqual([1, 4, 2, 3]);
  });
  it('identical alternatives all get closeness 0.5 and share rank 1', () => {
    const r = topsis([[3, 4], [3, 4], [3, 4]], [1, -1], [0.5, 0.5]);
    expect(r.closeness).toEqual([0.5, 0.5, 0.5]);
    expect(r.rank).toEqual([1, 1, 1]);
    expect(topsis([[3, 4], [3, 4]], [1, -1], [0.5, 0.5], 'minmax').closeness).toEqual([0.5, 0.5]);
  });
  it('entropy_topsis on the contract: min–max → entropy weights → TOPSIS on the weighted min–max matrix', () => {
    const out = computeEvaluation({ method: 'entropy_topsis', matrix: AIRCRAFT, types: [...AIR_TYPES] });
    const z = minMax(AIRCRAFT, [...AIR_TYPES]);
    const w = entropyWeights(AIRCRAFT, [...AIR_TYPES], 'minmax').weights;
    const v = z.map((r) => r.map((x, j) => x * w[j]));
    const best = w.map((_, j) => Math.max(...v.map((r) => r[j])));
    const worst = w.map((_, j) => Math.min(...v.map((r) => r[j])));
    const d = (r: number[], p: number[]) => Math.sqrt(r.reduce((s, x, j) => s + (x - p[j]) ** 2, 0));
    close(out.closeness!, v.map((r) => d(r, worst) / (d(r, best) + d(r, worst))), 1e-12);
    expect(out.rank).toHaveLength(4);
    expect(out.weights!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('grey relational grades by hand (ρ = 0.5, equal weights)', () => {
    // z = [[1,0],[0,1],[0.5,0.5]]; Δ = [[0,1],[1,0],[.5,.5]]; Δmin 0, Δmax 1; ξ(0)=1, ξ(1)=1/3, ξ(.5)=.5
    const r = greyRelational([[10, 1], [0, 3], [5, 2]], [1, 1], undefined);
    close(r.grades, [2 / 3, 2 / 3, 0.5], 1e-12);
    expect(r.rank).toEqual([1, 1, 3]);
    expect(greyRelational([[1, 1], [1, 1]], [1, 1], undefined).grades).toEqual([1, 1]);
  });
  it('weighted sum and combined weights', () => {
    expect(weightedSum([[0, 10], [10, 0]], [1, -1], [0.25, 0.75]).scores).toEqual([0, 1]);
    close(combineWeights([0.5, 0.5], [0.2, 0.8], 'product'), [0.2, 0.8], 1e-12);
    close(combineWeights([0.6, 0.4], [0.2, 0.8], 'linear', 0.5), [0.4, 0.6], 1e-12);
  });
  it('normalisation variants', () => {
    expect(normalize([[1], [3]], [1], 'vector')[1][0]).toBeCloseTo(3 / Math.sqrt(10), 12);
    expect(normalize([[1], [3]], [1], 'zscore_population').map((r) => r[0])).toEqual([-1, 1]);
    close(normalize([[1], [3]], [1], 'zscore_sample').map((r) => r[0]), [-1 / Math.SQRT2, 1 / Math.SQRT2], 1e-12);
    expect(normalize([[2], [2]], [1], 'minmax').map((r) => r[0])).toEqual([1, 1]);
  });
});

describe('the compute contract refuses bad input by name', () => {
  it.each([
    [{ method: 'topsis', matrix: [[1, 2], [3]] }, 'matrix[1]'],
    [{ method: 'topsis', matrix: [[1, 2], [3, null]] }, 'matrix[1][1]'],
    [{ method: 'topsis', matrix: [[1, 2], [3, 4]], types: [1, 0] }, 'types[1]'],
    [{ method: 'topsis', matrix: [[1, 2], [3, 4]], weights: [1] }, 'weights'],
    [{ method: 'topsis', matrix: [[1, 2], [3, 4]], variant: 'cosine' }, 'variant'],
    [{ method: 'ahp' }, 'pairwise'],
    [{ method: 'magic', matrix: [[1]] }, 'method'],
    [{ method: 'gra', matrix: [[1, 2], [3, 4]], rho: 2 }, 'rho'],
  ])('%j → %s', (input, path) => {
    const e = errorOf(() => computeEvaluation(input));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues?.[0].path).toBe(path);
  });
});
