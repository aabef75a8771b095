import { describe, expect, it } from 'vitest';
import { LightInputSchema, type LightInput } from '../../shared/supervision';
import { taskLight, timeElapsedPct } from './task-light';
import { missedPeriods, periodOf, periodsBetween, reportDeadline } from './report-periods';

// start 2020-01-01, due 2020-04-10: exactly 100 days, so one day is one point of elapsed time.
const base: LightInput = { start: '2020-01-01', due: '2020-04-10', asOf: '2020-02-20', percentDone: 50, status: 'in_progress', missedReports: 0, reportedThisPeriod: true };
const light = (over: Partial<LightInput>) => taskLight(LightInputSchema.parse({ ...base, ...over }));

describe('time elapsed', () => {
  it('counts calendar days, clamped to 0..100', () => {
    expect(timeElapsedPct('2020-01-01', '2020-04-10', '2020-02-20')).toBe(50);
    expect(timeElapsedPct('2020-01-01', '2020-04-10', '2020-01-02')).toBe(1);
    expect(timeElapsedPct('2020-01-01', '2020-04-10', '2019-12-01')).toBe(0);
    expect(timeElapsedPct('2020-01-01', '2020-04-10', '2021-01-01')).toBe(100);
    // February 2020 has 29 days: 2020-02-01 → 2020-03-02 is 30 days, → 2020-03-01 is 29.
    expect(timeElapsedPct('2020-02-01', '2020-03-02', '2020-03-01')).toBeCloseTo((29 / 30) * 100, 12);
  });
  it('makes a task that starts and ends the same day 100 % elapsed', () => {
    expect(timeElapsedPct('2020-05-05', '2020-05-05', '2020-05-01')).toBe(100);
    expect(light({ start: '2020-05-05', due: '2020-05-05', asOf: '2020-05-05', percentDone: 80 })).toMatchObject({ timeElapsedPct: 100, lagPoints: 20 });
  });
});

describe('the light rule', () => {
  it('is green on schedule, with the figures', () => {
    expect(light({})).toEqual({ light: 'green', reasons: [], timeElapsedPct: 50, lagPoints: 0 });
  });
  it('turns yellow at exactly 10 points behind and not at 9.999', () => {
    expect(light({ percentDone: 40 })).toEqual({ light: 'yellow', reasons: ['lag'], timeElapsedPct: 50, lagPoints: 10 });
    expect(light({ percentDone: 40.001 }).light).toBe('green');
  });
  it('allows 1e-9 slack at both lag boundaries', () => {
    expect(light({ percentDone: 40 + 1e-10 }).reasons).toEqual(['lag']);
    expect(light({ percentDone: 40 + 1e-7 }).reasons).toEqual([]);
    expect(light({ percentDone: 20 - 1e-10 }).light).toBe('yellow');
    expect(light({ percentDone: 20 - 1e-7 }).light).toBe('red');
  });
  it('stays yellow at exactly 30 points and turns red beyond', () => {
    expect(light({ percentDone: 20 })).toMatchObject({ light: 'yellow', reasons: ['lag'], lagPoints: 30 });
    expect(light({ percentDone: 19.99 })).toMatchObject({ light: 'red', reasons: ['lag'] });
  });
  it('is overdue only after the due date', () => {
    expect(light({ asOf: '2020-04-10', percentDone: 95 }).reasons).not.toContain('overdue');
    expect(light({ asOf: '2020-04-11', percentDone: 95 })).toEqual({ light: 'red', reasons: ['overdue'], timeElapsedPct: 100, lagPoints: 5 });
  });
  it('counts due soon from 7 days down to 0, only without a report this period', () => {
    expect(light({ asOf: '2020-04-02', percentDone: 95, reportedThisPeriod: false }).reasons).toEqual([]);
    expect(light({ asOf: '2020-04-03', percentDone: 95, reportedThisPeriod: false })).toMatchObject({ light: 'yellow', reasons: ['due_soon'] });
    expect(light({ asOf: '2020-04-10', percentDone: 99, reportedThisPeriod: false })).toMatchObject({ light: 'yellow', reasons: ['due_soon'] });
    expect(light({ asOf: '2020-04-03', percentDone: 95, reportedThisPeriod: true }).light).toBe('green');
    expect(light({ asOf: '2020-04-11', percentDone: 95, reportedThisPeriod: false }).reasons).toEqual(['overdue']);
  });
  it('is yellow with one missed report and red with two', () => {
    expect(light({ missedReports: 1 })).toMatchObject({ light: 'yellow', reasons: ['missed_reports'] });
    expect(light({ missedReports: 2 })).toMatchObject({ light: 'red', reasons: ['missed_reports'] });
  });
  it('lists every reason that holds', () => {
    expect(light({ asOf: '2020-05-01', percentDone: 10, missedReports: 3, reportedThisPeriod: false }).reasons).toEqual(['overdue', 'lag', 'missed_reports']);
  });
  it('shows closed tasks as closed with no reasons, and done tasks green', () => {
    expect(light({ status: 'closed', asOf: '2021-01-01', percentDone: 0 })).toMatchObject({ light: 'closed', reasons: [] });
    expect(light({ status: 'done', asOf: '2021-01-01', percentDone: 60 })).toMatchObject({ light: 'green', reasons: ['done'] });
    expect(light({ percentDone: 100, asOf: '2021-01-01', missedReports: 4 })).toMatchObject({ light: 'green', reasons: ['done'], lagPoints: 0 });
  });
});

describe('light input', () => {
  const issue = (over: Record<string, unknown>) => LightInputSchema.safeParse({ ...base, ...over }).error?.issues[0]?.path.join('.');
  it('names the bad field', () => {
    expect(issue({ start: '2020-02-30' })).toBe('start');
    expect(issue({ asOf: '20200101' })).toBe('asOf');
    expect(issue({ due: '2019-12-31' })).toBe('due');
    expect(issue({ percentDone: 100.5 })).toBe('percentDone');
    expect(issue({ percentDone: -1 })).toBe('percentDone');
  });
});

describe('report periods', () => {
  it('finds the periods, deadlines and missed ones', () => {
    expect(periodOf('2020-05-31', 'quarterly')).toBe('2020Q2');
    expect(periodsBetween('2019-11-15', '2020-02-01', 'monthly')).toEqual(['201911', '201912', '202001', '202002']);
    expect(periodsBetween('2019-11-15', '2020-02-01', 'quarterly')).toEqual(['2019Q4', '2020Q1']);
    expect(reportDeadline('201912', 5)).toBe('2020-01-05');
    expect(reportDeadline('2020Q1', 10)).toBe('2020-04-10');
    const t = { startOn: '2020-01-01', dueOn: '2020-12-31', reportingCycle: 'monthly' as const, reportDeadlineDay: 5 };
    // On the deadline day a report is not yet missed; the day after it is.
    expect(missedPeriods(t, new Set(), '2020-02-05')).toEqual([]);
    expect(missedPeriods(t, new Set(), '2020-02-06')).toEqual(['202001']);
    expect(missedPeriods(t, new Set(['202001']), '2020-03-06')).toEqual(['202002']);
  });
});
