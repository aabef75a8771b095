import { describe, expect, it } from 'vitest';
import {
  daysAfterPeriodEnd, monthsOf, nextPeriod, normalizePeriod, parsePeriod, periodRange, previousPeriod, quarterOfMonth,
  rollUp, sameLastYear, singleFromYtd,
} from './periods';

describe('periods', () => {
  it('parses the three kinds and rejects others', () => {
    expect(parsePeriod('2019')).toEqual({ kind: 'year', year: 2019, index: 1 });
    expect(parsePeriod('2019Q3')).toEqual({ kind: 'quarter', year: 2019, index: 3 });
    expect(parsePeriod('201912')).toEqual({ kind: 'month', year: 2019, index: 12 });
    for (const bad of ['201913', '2019Q5', '19', '2019-03', '201900']) expect(parsePeriod(bad), bad).toBeNull();
  });

  it('normalises the spellings used in spreadsheets', () => {
    expect(normalizePeriod('2019-03')).toBe('201903');
    expect(normalizePeriod('2019/3')).toBe('201903');
    expect(normalizePeriod('2019年3月')).toBe('201903');
    expect(normalizePeriod('2019年1-3月')).toBe('201903');
    expect(normalizePeriod('2019-Q2')).toBe('2019Q2');
    expect(normalizePeriod('2019q2')).toBe('2019Q2');
    expect(normalizePeriod('2019年第三季度')).toBe('2019Q3');
    expect(normalizePeriod('2019年')).toBe('2019');
    expect(normalizePeriod('2019-13')).toBeNull();
    expect(normalizePeriod('March')).toBeNull();
  });

  it('steps across year boundaries', () => {
    expect(nextPeriod('201912')).toBe('202001');
    expect(previousPeriod('202001')).toBe('201912');
    expect(nextPeriod('2019Q4')).toBe('2020Q1');
    expect(previousPeriod('2020Q1')).toBe('2019Q4');
    expect(nextPeriod('2019')).toBe('2020');
    expect(sameLastYear('202003')).toBe('201903');
    expect(sameLastYear('2020Q2')).toBe('2019Q2');
    expect(periodRange('201911', '202002')).toEqual(['201911', '201912', '202001', '202002']);
    expect(quarterOfMonth('201905')).toBe('2019Q2');
    expect(monthsOf('2019Q2')).toEqual(['201904', '201905', '201906']);
    expect(monthsOf('2019')).toHaveLength(12);
  });

  it('computes deadlines after the period end', () => {
    expect(daysAfterPeriodEnd('201902', 10).toISOString()).toBe('2019-03-11T00:00:00.000Z');
    expect(daysAfterPeriodEnd('2019Q4', 30).toISOString()).toBe('2020-01-31T00:00:00.000Z');
  });

  it('derives single months and quarters from year-to-date values', () => {
    const ytd: Record<string, number> = { '201901': 10, '201902': 25, '201903': 45, '201904': 50, '201905': 62, '201906': 80, '201912': 200 };
    const get = (p: string) => ytd[p];
    expect(singleFromYtd(get, '201901')).toBe(10);
    expect(singleFromYtd(get, '201902')).toBe(15);
    expect(singleFromYtd(get, '201903')).toBe(20);
    expect(singleFromYtd(get, '2019Q1')).toBe(45);
    expect(singleFromYtd(get, '2019Q2')).toBe(35);
    expect(singleFromYtd(get, '201907')).toBeNull();
    expect(singleFromYtd(get, '2019')).toBe(200);
    // A quarter reported as a quarter-coded YTD value works too.
    expect(singleFromYtd((p) => ({ '2019Q1': 100, '2019Q2': 230 })[p], '2019Q2')).toBe(130);
  });

  it('rolls months up honouring the cumulative flag', () => {
    const ytd: Record<string, number> = { '201901': 10, '201902': 25, '201903': 45 };
    expect(rollUp((m) => ytd[m], '2019Q1', { cumulative: true, timeAggregation: 'sum' })).toBe(45);
    const stock: Record<string, number> = { '201901': 100, '201902': 110, '201903': 120 };
    expect(rollUp((m) => stock[m], '2019Q1', { cumulative: false, timeAggregation: 'average' })).toBe(110);
    expect(rollUp((m) => stock[m], '2019Q1', { cumulative: false, timeAggregation: 'last' })).toBe(120);
    expect(rollUp((m) => stock[m], '2019Q1', { cumulative: false, timeAggregation: 'sum' })).toBe(330);
    expect(rollUp(() => undefined, '2019Q2', { cumulative: false, timeAggregation: 'sum' })).toBeNull();
  });
});
