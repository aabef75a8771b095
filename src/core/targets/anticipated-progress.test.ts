import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { anticipatedProgress, compoundAnnualGrowth, type AnticipatedInput } from './anticipated-progress';

const base: AnticipatedInput = { baseYear: 2017, baseValue: 100, currentYear: 2019, currentValue: 110, targetYear: 2020, targetValue: 150, direction: 'increase' };
const enMessage = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.messageEn : String(e);
  }
  return 'no error';
};
const run = (o: Partial<AnticipatedInput>) => anticipatedProgress({ ...base, ...o });

describe('anticipated progress (Open SDG / Statistics Canada)', () => {
  it('computes the observed and required CAGR and their ratio', () => {
    const r = run({});
    expect(r.cagrObserved).toBeCloseTo(Math.sqrt(1.1) - 1, 12);
    expect(r.cagrRequired).toBeCloseTo(Math.cbrt(1.5) - 1, 12);
    expect(r.ratioR).toBeCloseTo((Math.sqrt(1.1) - 1) / (Math.cbrt(1.5) - 1), 12);
    expect(r.status).toBe('limited_progress');
  });

  it('says target_achieved before looking at R', () => {
    expect(run({ currentValue: 150 }).status).toBe('target_achieved');
    expect(run({ currentValue: 160 }).status).toBe('target_achieved');
    expect(run({ currentValue: 149.99 }).status).not.toBe('target_achieved');
  });

  // R = CAGR_obs / CAGR_req with one-year spans: observed 109.5/100 − 1 = 0.095 and required 110/100 − 1 = 0.1.
  // In floating point 1.095 − 1 = 0.09499999999999997 and 1.1 − 1 = 0.10000000000000009, so R computes to
  // 0.9499999999999988; the 1e-9 tolerance puts it where exact arithmetic does: substantial progress.
  it('puts R exactly 0.95 into substantial_progress', () => {
    const r = run({ baseYear: 2019, currentYear: 2020, targetYear: 2020, baseValue: 100, currentValue: 109.5, targetValue: 110 });
    expect(r.ratioR).not.toBe(0.95);
    expect(r.ratioR).toBeCloseTo(0.95, 12);
    expect(r.status).toBe('substantial_progress');
  });

  it('puts R just below 0.95 into moderate_progress', () => {
    const r = run({ baseYear: 2019, currentYear: 2020, targetYear: 2020, baseValue: 100, currentValue: 109.49, targetValue: 110 });
    expect(r.ratioR!).toBeLessThan(0.95);
    expect(r.status).toBe('moderate_progress');
  });

  it('puts R exactly 0.6 into moderate_progress and just below into limited_progress', () => {
    const at = run({ baseYear: 2019, currentYear: 2020, targetYear: 2020, baseValue: 100, currentValue: 106, targetValue: 110 });
    expect(at.ratioR).toBeCloseTo(0.6, 12);
    expect(at.status).toBe('moderate_progress');
    const below = run({ baseYear: 2019, currentYear: 2020, targetYear: 2020, baseValue: 100, currentValue: 105.99, targetValue: 110 });
    expect(below.status).toBe('limited_progress');
  });

  it('puts R exactly 0 into limited_progress and negative R into deterioration', () => {
    expect(run({ currentValue: 100 }).ratioR).toBe(0);
    expect(run({ currentValue: 100 }).status).toBe('limited_progress');
    expect(run({ currentValue: 99 }).status).toBe('deterioration');
  });

  it('handles decreasing targets (d = −1)', () => {
    const dec = { direction: 'decrease' as const, baseValue: 100, targetValue: 80, baseYear: 2017, targetYear: 2020 };
    expect(run({ ...dec, currentYear: 2020, currentValue: 80 }).status).toBe('target_achieved');
    expect(run({ ...dec, currentYear: 2020, currentValue: 75 }).status).toBe('target_achieved');
    const good = run({ ...dec, currentYear: 2019, currentValue: 86.17 });
    expect(good.ratioR!).toBeGreaterThan(0.95);
    expect(good.status).toBe('substantial_progress');
    const worse = run({ ...dec, currentYear: 2019, currentValue: 105 });
    expect(worse.ratioR!).toBeLessThan(0);
    expect(worse.status).toBe('deterioration');
    // R exactly 0.95 on a decreasing target: required −10 %/yr, observed −9.5 %.
    const edge = run({ direction: 'decrease', baseYear: 2019, currentYear: 2020, targetYear: 2020, baseValue: 100, currentValue: 90.5, targetValue: 90 });
    expect(edge.ratioR).toBeCloseTo(0.95, 12);
    expect(edge.status).toBe('substantial_progress');
  });

  it('flips the sign when the base value is negative', () => {
    // −100 → −50: the value rose (better for an increasing indicator) but the ratio of the two shrank.
    const r = run({ baseValue: -100, currentValue: -50, targetValue: -10, currentYear: 2019 });
    expect(r.cagrObserved).toBeLessThan(0);
    expect(r.ratioR!).toBeGreaterThan(0);
    const worse = run({ baseValue: -100, currentValue: -150, targetValue: -10 });
    expect(worse.status).toBe('deterioration');
  });

  it('replaces a zero base or target by 0.001', () => {
    const zeroBase = run({ baseValue: 0, currentValue: 50, targetValue: 120 });
    expect(zeroBase.baseValueUsed).toBe(0.001);
    expect(zeroBase.cagrObserved).toBeCloseTo(Math.pow(50 / 0.001, 1 / 2) - 1, 6);
    expect(zeroBase.notes.join()).toMatch(/0\.001/);
    const zeroTarget = run({ direction: 'decrease', baseValue: 40, currentValue: 20, targetValue: 0 });
    expect(zeroTarget.targetValueUsed).toBe(0.001);
    expect(zeroTarget.cagrRequired).toBeCloseTo(Math.pow(0.001 / 40, 1 / 3) - 1, 12);
    expect(zeroTarget.status).toBe('limited_progress');
  });

  it('without a target compares the direction-adjusted CAGR with 1.5 % / 0.5 % / 0', () => {
    const noTarget = (currentValue: number, direction: 'increase' | 'decrease' = 'increase') =>
      anticipatedProgress({ baseYear: 2019, baseValue: 100, currentYear: 2020, currentValue, targetYear: null, targetValue: null, direction });
    expect(noTarget(101.5).status).toBe('substantial_progress');
    expect(noTarget(101.49).status).toBe('moderate_progress');
    expect(noTarget(100.5).status).toBe('moderate_progress');
    expect(noTarget(100.49).status).toBe('limited_progress');
    expect(noTarget(100).status).toBe('limited_progress');
    expect(noTarget(99.9).status).toBe('deterioration');
    expect(noTarget(98, 'decrease').status).toBe('substantial_progress');
    expect(noTarget(101, 'decrease').status).toBe('deterioration');
    expect(noTarget(101.5).ratioR).toBeNull();
    expect(noTarget(101.5).cagrRequired).toBeNull();
  });

  it('refuses a current year equal to the base year with a clear error', () => {
    expect(() => run({ currentYear: 2017 })).toThrow(AppError);
    expect(enMessage(() => run({ currentYear: 2017 }))).toMatch(/current_year must be after base_year/);
    expect(() => run({ currentYear: 2016 })).toThrow(AppError);
  });

  it('refuses values that change sign', () => {
    expect(enMessage(() => compoundAnnualGrowth(-10, 5, 2))).toMatch(/changes sign/);
  });

  it('answers deterioration when the target equals the base and the value moved away', () => {
    const r = run({ baseValue: 100, targetValue: 100, currentValue: 95 });
    expect(r.ratioR).toBeNull();
    expect(r.status).toBe('deterioration');
    expect(run({ baseValue: 100, targetValue: 100, currentValue: 101 }).status).toBe('target_achieved');
  });
});
