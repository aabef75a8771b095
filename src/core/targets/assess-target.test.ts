import { describe, expect, it } from 'vitest';
import type { Target } from '../../shared/plan';
import { assessTarget } from './assess-target';
import type { AnnualValue } from './ports';

const T1: Target = {
  id: 't1', code: 'T1', name: '主营业务收入', nameEn: 'revenue', indicatorCode: 'SEI_REVENUE', comparator: '>', value: 1000, valueMax: null,
  unit: '亿元', year: 2020, baselineYear: 2017, baselineValue: null, tolerance: null, direction: 'increase', sectionKey: '1.3', sourceText: '突破1000亿元',
};
const point = (year: number, value: number, demo = true): AnnualValue => ({ period: String(year), year, value, demo, source: 'demo', reliability: demo ? 'demo' : 'high' });
const series = [point(2016, 500), point(2017, 600), point(2018, 680), point(2019, 800)];

describe('assessing a target on a date', () => {
  it('takes the latest annual value ended by the date and the baseline from the data (2017)', () => {
    const a = assessTarget({ target: T1, planId: 'p', periodStart: 2018, asOf: '2020-06-30', kind: 'series', series });
    expect(a.actual).toMatchObject({ value: 800, period: '2019', demo: true, reliability: 'demo' });
    expect(a.baseline).toMatchObject({ year: 2017, value: 600, fromData: true, demo: true });
    expect(a.components.find((c) => c.key === 'baseline')?.note?.zh).toMatch(/基期取自数据 2017/);
    expect(a.attainment).toMatchObject({ met: false, attainmentPct: 80 });
    expect(a.schedule!.timeElapsedPct).toBeCloseTo((730 / 1096) * 100, 6);
    expect(a.schedule!.progressPct).toBeCloseTo(50, 12);
    expect(a.schedule!.light).toBe('yellow');
    expect(a.anticipated!.cagrObserved).toBeCloseTo(Math.sqrt(800 / 600) - 1, 12);
    expect(a.anticipated!.status).toBe('moderate_progress');
    expect(a.projection!.value).toBeCloseTo(800 * Math.sqrt(800 / 600), 9);
    expect(a.projection!.meetsTarget).toBe(false);
    expect(a.projectionPoints.map((p) => p.year)).toEqual([2019, 2020]);
    expect(a.series.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019]);
  });

  it('does not use a year that has not ended by the date', () => {
    const a = assessTarget({ target: T1, planId: 'p', periodStart: 2018, asOf: '2019-12-30', kind: 'series', series });
    expect(a.actual?.period).toBe('2018');
  });

  it('explains when only the baseline year has data, and when there is none', () => {
    const one = assessTarget({ target: T1, planId: 'p', periodStart: 2018, asOf: '2018-06-30', kind: 'series', series });
    expect(one.actual?.period).toBe('2017');
    expect(one.anticipated).toBeNull();
    expect(one.messages[0]?.en).toMatch(/only the baseline year/);
    const none = assessTarget({ target: T1, planId: 'p', periodStart: 2018, asOf: '2020-12-31', kind: 'series', series: [] });
    expect(none.actual).toBeNull();
    expect(none.messages[0]?.en).toMatch(/no annual SEI_REVENUE/);
  });

  it('assesses a count on the as-of date with a fractional time', () => {
    const T4: Target = { ...T1, code: 'T4', indicatorCode: 'PLATFORMS_PROVINCIAL_PLUS', comparator: '>=', value: 120, unit: '家' };
    const a = assessTarget({
      target: T4, planId: 'p', periodStart: 2018, asOf: '2020-07-01', kind: 'count',
      series: [point(2017, 64), point(2018, 86), point(2019, 106)], countAsOf: { value: 114, demo: true, source: 'register' },
    });
    expect(a.actual).toMatchObject({ value: 114, period: '2020-07-01', observedAt: '2020-07-01' });
    expect(a.actual!.t).toBeCloseTo(2019.5, 2);
    expect(a.anticipated!.cagrObserved).toBeCloseTo(Math.pow(114 / 64, 1 / (a.actual!.t - 2017)) - 1, 12);
  });

  it('counts a value inside the "≈" band as target achieved', () => {
    const T3: Target = { ...T1, code: 'T3', indicatorCode: 'SEI_GDP_SHARE', comparator: '≈', value: 10, unit: '%' };
    const a = assessTarget({ target: T3, planId: 'p', periodStart: 2018, asOf: '2020-12-31', kind: 'series', series: [point(2017, 7), point(2020, 9.6)] });
    expect(a.attainment?.met).toBe(true);
    expect(a.anticipated?.status).toBe('target_achieved');
    expect(a.anticipated!.ratioR!).toBeLessThan(0.95);
  });

  it('uses a baseline stated in the plan', () => {
    const a = assessTarget({ target: { ...T1, baselineValue: 550 }, planId: 'p', periodStart: 2018, asOf: '2020-12-31', kind: 'series', series });
    expect(a.baseline).toMatchObject({ year: 2017, value: 550, fromData: false });
  });

  it('labels an unverified (low reliability) actual', () => {
    const a = assessTarget({ target: T1, planId: 'p', periodStart: 2018, asOf: '2020-12-31', kind: 'series', series: [point(2017, 600, false), { ...point(2019, 900, false), reliability: 'low' }] });
    expect(a.components[0]!.label.zh).toMatch(/未核实/);
  });
});

describe('after the target year', () => {
  const T4: Target = { ...T1, id: 't4', code: 'T4', indicatorCode: 'PLATFORMS_PROVINCIAL_PLUS', comparator: '>=', value: 120, unit: '家', baselineYear: null };
  const counts = [point(2017, 64), point(2018, 86), point(2019, 100), point(2020, 123), point(2021, 123), point(2022, 125)];

  it('reads the plan result at the deadline instead of projecting, so the card cannot contradict itself', () => {
    const a = assessTarget({ target: T4, planId: 'p', periodStart: 2018, asOf: '2026-12-01', kind: 'count', series: counts, countAsOf: { value: 125, demo: true, source: 'register' } });
    expect(a.attainment?.met).toBe(true);
    expect(a.planEnded).toEqual({ deadline: '2020-12-31', value: 123, met: true });
    expect(a.projection).toEqual({ year: 2020, value: 123, meetsTarget: true, final: true });
    expect(a.projectionPoints).toEqual([]);
    expect(a.components.some((c) => c.key === 'projection')).toBe(false);
    expect(a.components.find((c) => c.key === 'final')).toMatchObject({ value: 123, unit: '家' });
    expect(a.messages.some((m) => /计划期已于 2020-12-31 结束/.test(m.zh))).toBe(true);
  });

  it('projects as before up to the deadline itself', () => {
    const a = assessTarget({ target: T4, planId: 'p', periodStart: 2018, asOf: '2020-12-31', kind: 'count', series: counts.slice(0, 4), countAsOf: { value: 123, demo: true, source: 'register' } });
    expect(a.planEnded).toBeNull();
    expect(a.projection?.final).toBeUndefined();
  });

  it('says so when the target year has no value', () => {
    const a = assessTarget({ target: T1, planId: 'p', periodStart: 2018, asOf: '2022-03-01', kind: 'series', series });
    expect(a.planEnded).toEqual({ deadline: '2020-12-31', value: null, met: null });
    expect(a.projection).toBeNull();
  });
});

describe('formulas speak the reader\'s language', () => {
  it('gives a Chinese formula wherever the formula uses English words', () => {
    const a = assessTarget({ target: T1, planId: 'p', periodStart: 2018, asOf: '2020-06-30', kind: 'series', series });
    for (const c of a.components) if (c.formula && /[a-z]{3,}/.test(c.formula.replace(/CAGR_obs|CAGR_req/g, ''))) expect(c.formulaZh, c.key).toMatch(/[\u4e00-\u9fff]/);
  });
});
