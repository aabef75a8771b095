import { describe, expect, it } from 'vitest';
import { detectOutlier, median, modifiedZScore, stdDev, zScore } from './outliers';

describe('outlier detection', () => {
  const history = [100, 102, 98, 101, 99, 103, 97, 100, 101, 99];

  it('computes z and modified z as defined', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(stdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    expect(zScore(110, history)).toBeCloseTo((110 - 100) / stdDev(history), 9);
    // median 100, MAD = median(|x−100|) = 1 → M = 0.6745 × 10 / 1
    expect(modifiedZScore(110, history)).toBeCloseTo(6.745, 9);
    expect(zScore(1, [5, 5, 5])).toBeNull();
    expect(modifiedZScore(1, [5])).toBeNull();
  });

  it('flags with the thresholds 3 and 3.5, and by bounds', () => {
    expect(detectOutlier(101, history, { methods: ['zscore', 'modified_z'] })).toEqual([]);
    const found = detectOutlier(150, history, { methods: ['zscore', 'modified_z', 'bounds'], max: 120 });
    expect(found.map((f) => f.method)).toEqual(['zscore', 'modified_z', 'bounds']);
    expect(found[1]!.threshold).toBe(3.5);
    // 104: modified z = 0.6745·4/1 = 2.698 < 3.5, z = 4/1.826 = 2.19 < 3 → not flagged.
    expect(detectOutlier(104, history, { methods: ['zscore', 'modified_z'] })).toEqual([]);
    expect(detectOutlier(-1, history, { methods: ['bounds'], min: 0 })).toHaveLength(1);
  });

  it('the modified z-score resists an earlier outlier that inflates the standard deviation', () => {
    const dirty = [...history, 1000];
    expect(detectOutlier(130, dirty, { methods: ['zscore'] })).toEqual([]);
    expect(detectOutlier(130, dirty, { methods: ['modified_z'] })).toHaveLength(1);
  });
});
