import { describe, expect, it } from 'vitest';
import type { RunSnapshot, SchemeDefinition } from '../../shared/evaluation';
import { AppError } from '../app-error';
import { evaluate } from './evaluate';

const crit = (source: string, direction: 1 | -1) => ({ source, group: 'g', name: { zh: source, en: source }, unit: '', direction });
const snap = (values: (number | null)[][]): RunSnapshot => ({
  subjects: values.map((_, i) => ({ key: `s${i + 1}`, name: `S${i + 1}` })),
  criteria: [crit('a', 1), crit('b', -1)],
  values,
  notes: ['', ''],
});
const def = (patch: Partial<SchemeDefinition> = {}): SchemeDefinition => ({
  subjectKind: 'county', weighting: 'fixed', ahpVariant: 'eigenvector', combine: { mode: 'product', alpha: 0.5 },
  scoring: 'weighted_sum', topsisVariant: 'vector', rho: 0.5, missing: 'worst',
  groups: [{ key: 'g', name: 'G', criteria: [{ source: 'a', weight: 1 }, { source: 'b', weight: 1 }] }],
  ...patch,
});
const refusal = (f: () => unknown) => { try { f(); } catch (e) { return e as AppError; } throw new Error('expected a refusal'); };

describe('evaluate: missing values, weights, refusals', () => {
  it("'worst' gives a missing figure the criterion's worst value (min for benefit, max for cost), never 0", () => {
    const r = evaluate(def(), snap([[10, 1], [null, 3], [30, null]]));
    const byKey = Object.fromEntries(r.subjects.map((s) => [s.key, s]));
    expect(byKey.s2.values).toEqual([10, 3]);
    expect(byKey.s3.values).toEqual([30, 3]);
    expect(byKey.s2.missing).toEqual(['a']);
    // min–max: a (10,10,30) → 0,0,1; b cost (1,3,3) → 1,0,0; equal weights.
    expect(byKey.s1.score).toBeCloseTo(0.5, 12);
    expect(byKey.s2.score).toBeCloseTo(0, 12);
    expect(byKey.s3.score).toBeCloseTo(0.5, 12);
    expect(byKey.s1.rank).toBe(1);
    expect(byKey.s3.rank).toBe(1);
    expect(r.missingNote.en).toContain('2 subject(s) affected');
  });
  it("'exclude' leaves a subject lacking a figure out of the ranking, listed with what it lacks", () => {
    const r = evaluate(def({ missing: 'exclude', scoring: 'topsis' }), snap([[10, 1], [null, 3], [30, 2]]));
    const s2 = r.subjects.find((s) => s.key === 's2')!;
    expect(s2).toMatchObject({ excluded: true, score: null, rank: null, missing: ['a'] });
    expect(r.subjects.filter((s) => s.rank !== null)).toHaveLength(2);
    expect(r.subjects.at(-1)!.key).toBe('s2');
  });
  it('refuses a criterion without any figure, and fewer than 2 subjects left', () => {
    expect(refusal(() => evaluate(def(), snap([[null, 1], [null, 2]]))).messageEn).toContain('criterion "a" has no figure');
    expect(refusal(() => evaluate(def({ missing: 'exclude' }), snap([[1, null], [null, 2], [3, 3]]))).messageEn).toContain('only 1 subject');
  });
  it('AHP: CR > 0.1 refuses the run naming the matrix; a consistent tree gives global weights', () => {
    const groups = [
      { key: 'g1', name: '甲', criteria: [{ source: 'a' }] },
      { key: 'g2', name: '乙', pairwise: [[1, 9, '1/9'], ['1/9', 1, 9], [9, '1/9', 1]], criteria: [{ source: 'b' }, { source: 'c' }, { source: 'd' }] },
    ];
    const s: RunSnapshot = { ...snap([[1, 2], [2, 1], [3, 3]]), criteria: [crit('a', 1), crit('b', -1), crit('c', 1), crit('d', 1)], values: [[1, 2, 3, 4], [2, 1, 1, 1], [3, 3, 2, 2]] };
    const e = refusal(() => evaluate(def({ weighting: 'ahp', pairwise: [[1, 3], ['1/3', 1]], groups }), s));
    expect(e.message).toMatch(/“乙”的判断矩阵一致性比率 CR = \d+\.\d{3} > 0\.1/);
    const ok = evaluate(def({ weighting: 'ahp', pairwise: [[1, 3], ['1/3', 1]], groups: [groups[0], { ...groups[1], pairwise: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] }] }), s);
    expect(ok.weights.map((w) => Number(w.final.toFixed(6)))).toEqual([0.75, 0.083333, 0.083333, 0.083333]);
  });
  it('combined: product of AHP and entropy weights, normalised; GRA scoring ranks', () => {
    const groups = [{ key: 'g', name: 'G', pairwise: [[1, 3], ['1/3', 1]], criteria: [{ source: 'a' }, { source: 'b' }] }];
    const r = evaluate(def({ weighting: 'combined', scoring: 'gra', groups }), snap([[1, 5], [2, 3], [4, 1]]));
    const p = r.weights.map((w) => w.ahp! * w.entropy!);
    r.weights.forEach((w, j) => expect(w.final).toBeCloseTo(p[j] / (p[0] + p[1]), 12));
    expect(r.subjects[0].key).toBe('s3');
  });
});
