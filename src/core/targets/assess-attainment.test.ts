import { describe, expect, it } from 'vitest';
import { assessAttainment, type TargetSpec } from './assess-attainment';

const spec = (comparator: TargetSpec['comparator'], value: number, more: Partial<TargetSpec> = {}): TargetSpec => ({ comparator, value, direction: 'increase', ...more });

describe('attainment by comparator', () => {
  it('">" (突破/超过) needs more than the value', () => {
    expect(assessAttainment(spec('>', 1000), 1000).met).toBe(false);
    expect(assessAttainment(spec('>', 1000), 1000.01).met).toBe(true);
    expect(assessAttainment(spec('>', 1000), 900)).toMatchObject({ met: false, attainmentPct: 90, gap: 100 });
  });

  it('">=" (达到/不低于/以上) accepts the value itself', () => {
    expect(assessAttainment(spec('>=', 245), 245).met).toBe(true);
    expect(assessAttainment(spec('>=', 245), 244.99).met).toBe(false);
    expect(assessAttainment(spec('>=', 0.3), 0.1 + 0.2).met).toBe(true); // 0.30000000000000004 vs 0.3
    expect(assessAttainment(spec('>=', 120), 126).attainmentPct).toBeCloseTo(105, 12);
  });

  it('"<=" (以内/不超过) and "<" for targets where less is better', () => {
    const le = spec('<=', 80, { direction: 'decrease' });
    expect(assessAttainment(le, 80).met).toBe(true);
    expect(assessAttainment(le, 80.5).met).toBe(false);
    expect(assessAttainment(le, 100).attainmentPct).toBeCloseTo(80, 12);
    expect(assessAttainment(le, 64).attainmentPct).toBeCloseTo(125, 12);
    const lt = spec('<', 80, { direction: 'decrease' });
    expect(assessAttainment(lt, 80).met).toBe(false);
    expect(assessAttainment(lt, 79.9).met).toBe(true);
  });

  it('"≈" (左右/约) is met inside the ±5 % band, edges included', () => {
    const approx = spec('≈', 10);
    expect(assessAttainment(approx, 10)).toMatchObject({ met: true, position: 'within', band: [9.5, 10.5], tolerance: 0.05 });
    expect(assessAttainment(approx, 9.5).met).toBe(true);
    expect(assessAttainment(approx, 10.5).met).toBe(true);
    expect(assessAttainment(approx, 9.49)).toMatchObject({ met: false, position: 'below' });
    expect(assessAttainment(approx, 10.51)).toMatchObject({ met: false, position: 'above' });
    expect(assessAttainment(approx, 9.49).gap).toBeCloseTo(0.01, 12);
    expect(assessAttainment(approx, 9.8).attainmentPct).toBeCloseTo(98, 12);
  });

  it('"≈" honours a tolerance set on the target', () => {
    const t = spec('≈', 200, { tolerance: 0.1 });
    expect(assessAttainment(t, 180).met).toBe(true);
    expect(assessAttainment(t, 220).met).toBe(true);
    expect(assessAttainment(t, 179.9).met).toBe(false);
    expect(assessAttainment(t, 220.1).met).toBe(false);
  });

  it('"range" (10–15) includes both ends', () => {
    const r = spec('range', 10, { valueMax: 15 });
    expect(assessAttainment(r, 10).met).toBe(true);
    expect(assessAttainment(r, 15).met).toBe(true);
    expect(assessAttainment(r, 12)).toMatchObject({ met: true, position: 'within', band: [10, 15] });
    expect(assessAttainment(r, 9)).toMatchObject({ met: false, position: 'below', gap: 1 });
    expect(assessAttainment(r, 16)).toMatchObject({ met: false, position: 'above', gap: -1 });
  });
});
