import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { computeProgress } from './compute-progress';
import { projectionPoints, projectValue } from './projection';

describe('progress compute contract', () => {
  it('answers snake_case numbers and a status', () => {
    const out = computeProgress({ base_year: 2017, base_value: 600, current_year: 2019, current_value: 800, target_year: 2020, target_value: 1000, desired_direction: 'increase' });
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['cagr_observed', 'cagr_required', 'ratio_R', 'status', 'projection']));
    expect(out.cagr_observed).toBeCloseTo(Math.sqrt(800 / 600) - 1, 12);
    expect(out.cagr_required).toBeCloseTo(Math.cbrt(1000 / 600) - 1, 12);
    expect(out.ratio_R).toBeCloseTo(out.cagr_observed / out.cagr_required!, 12);
    expect(out.ratio_R).toBeCloseTo(0.8334, 4);
    expect(out.status).toBe('moderate_progress');
    expect(out.projection).toBeCloseTo(800 * Math.sqrt(800 / 600), 9);
    expect(out.projection_meets_target).toBe(false);
  });

  it('accepts a null target', () => {
    const out = computeProgress({ base_year: 2017, base_value: 100, current_year: 2019, current_value: 104, target_year: 2020, target_value: null, desired_direction: 'increase' });
    expect(out).toMatchObject({ cagr_required: null, ratio_R: null, status: 'substantial_progress', projection_meets_target: null });
  });

  it('rejects bad input with VALIDATION issues', () => {
    expect(() => computeProgress({ base_year: 2017 })).toThrow(AppError);
    expect(() => computeProgress({ base_year: 2017, base_value: 1, current_year: 2017, current_value: 2, target_year: 2020, target_value: 3, desired_direction: 'increase' })).toThrow(/current_year/);
    expect(() => computeProgress({ base_year: 2017, base_value: 1, current_year: 2018, current_value: 2, target_year: 2020, target_value: 3, desired_direction: 'up' })).toThrow(AppError);
  });

  it('projects at the observed growth rate', () => {
    expect(projectValue({ year: 2019, value: 100 }, 0.1, 2021)).toBeCloseTo(121, 9);
    expect(projectionPoints({ year: 2018.5, value: 100 }, 0.1, 2020).map((p) => p.year)).toEqual([2018.5, 2019, 2020]);
  });
});
