import { describe, expect, it } from 'vitest';
import { decimalYear, lagLight, timeProgress } from './time-progress';

describe('序时进度 and its light', () => {
  it('bands the lag: < 10 green, 10–30 yellow, > 30 red', () => {
    expect(lagLight(-5)).toBe('green');
    expect(lagLight(9.99)).toBe('green');
    expect(lagLight(10)).toBe('yellow');
    expect(lagLight(30)).toBe('yellow');
    expect(lagLight(30.01)).toBe('red');
  });

  it('compares time elapsed since the end of the base year with work done', () => {
    // Base 2017 = 100, target 2020 = 400: by the end of 2019 two thirds of the time has passed.
    const p = timeProgress({ baseYear: 2017, baseValue: 100, targetYear: 2020, targetValue: 400, observedAt: '2019-12-31', actual: 250, met: false });
    expect(p.timeElapsedPct).toBeCloseTo(66.6, 0);
    expect(p.progressPct).toBeCloseTo(50, 12);
    expect(p.lagPoints).toBeCloseTo(p.timeElapsedPct - 50, 12);
    expect(p.light).toBe('yellow');
    expect(timeProgress({ baseYear: 2017, baseValue: 100, targetYear: 2020, targetValue: 400, observedAt: '2019-12-31', actual: 300, met: false }).light).toBe('green');
    expect(timeProgress({ baseYear: 2017, baseValue: 100, targetYear: 2020, targetValue: 400, observedAt: '2019-12-31', actual: 150, met: false }).light).toBe('red');
  });

  it('works for decreasing targets', () => {
    const p = timeProgress({ baseYear: 2018, baseValue: 100, targetYear: 2020, targetValue: 80, observedAt: '2019-12-31', actual: 90, met: false });
    expect(p.progressPct).toBeCloseTo(50, 12);
    expect(p.light).toBe('green');
  });

  it('is red when the deadline has passed unmet, green when met', () => {
    const late = timeProgress({ baseYear: 2017, baseValue: 100, targetYear: 2020, targetValue: 200, observedAt: '2020-12-31', actual: 195, met: false });
    expect(late).toMatchObject({ overdue: true, light: 'red', timeElapsedPct: 100 });
    const met = timeProgress({ baseYear: 2017, baseValue: 100, targetYear: 2020, targetValue: 200, observedAt: '2018-12-31', actual: 90, met: true });
    expect(met.light).toBe('green');
  });

  it('reads dates as decimal years with 31 December on the integer', () => {
    expect(decimalYear('2019-12-31')).toBe(2019);
    expect(decimalYear('2020-01-01')).toBeCloseTo(2019 + 1 / 366, 12);
    expect(decimalYear('2019-07-02')).toBeCloseTo(2018.5, 2);
  });
});
