// Boundaries of the reminder rule, the escalation cadence, red-light runs and the composite score.
import { describe, expect, it } from 'vitest';
import { escalates, owedReminders } from './reminder-rules';
import { redHistory } from './red-history';
import { bulletinRange, compositeScore } from './bulletin-ranking';

const task = { code: 'T', title: 't', startOn: '2020-01-01', dueOn: '2020-12-31', reportingCycle: 'monthly' as const, reportDeadlineDay: 5, status: 'in_progress' };
const causes = (asOf: string, submitted: string[] = []) => owedReminders(task, new Set(submitted), asOf).map((o) => `${o.cause}:${o.period}`);

describe('owed reminders', () => {
  it('reminds 3 days before a deadline, not 4', () => {
    expect(causes('2020-03-02')).toContain('report_due:202002');
    expect(causes('2020-03-01')).not.toContain('report_due:202002');
    expect(causes('2020-03-05')).toContain('report_due:202002'); // the deadline day itself
  });
  it('reminds a missed deadline for 31 days after it, then stops', () => {
    expect(causes('2020-03-06')).toContain('report_missed:202002');
    expect(causes('2020-04-05')).toContain('report_missed:202002');
    expect(causes('2020-04-06')).not.toContain('report_missed:202002');
  });
  it('a submitted period owes nothing; a done task owes nothing', () => {
    expect(causes('2020-03-06', ['202002'])).not.toContain('report_missed:202002');
    expect(owedReminders({ ...task, status: 'done' }, new Set(), '2020-03-06')).toEqual([]);
  });
  it('the task due date: 7 days before, not 8', () => {
    expect(causes('2020-12-24')).toContain('task_due:202012');
    expect(causes('2020-12-23')).not.toContain('task_due:202012');
  });
  it('escalates every third reminder', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(escalates)).toEqual([false, false, true, false, false, true, false]);
  });
});

describe('red history and the bulletin', () => {
  it('counts red days and joins consecutive days across months into runs', () => {
    const days = ['2020-01-30', '2020-01-31', '2020-02-01', '2020-02-03', '2020-02-04'].map((day) => ({ day, light: 'red' }));
    expect(redHistory([...days, { day: '2020-02-02', light: 'yellow' }], '2020-02-03')).toEqual({
      redDays: 4, runs: [{ from: '2020-01-30', to: '2020-02-01' }, { from: '2020-02-03', to: '2020-02-03' }],
    });
  });
  it('drops a missing term and re-weights the rest', () => {
    expect(compositeScore({ onTimeRate: 50, closureRate: null, greenShare: 100 })).toBeCloseTo((0.4 * 50 + 0.2 * 100) / 0.6, 9);
    expect(compositeScore({ onTimeRate: null, closureRate: null, greenShare: null })).toBeNull();
  });
  it('reads quarters, months, years and ranges', () => {
    expect(bulletinRange('2020Q4')).toMatchObject({ from: '2020-10-01', to: '2020-12-31', label: { zh: '2020年第四季度' } });
    expect(bulletinRange('202002')).toMatchObject({ from: '2020-02-01', to: '2020-02-29' });
    expect(bulletinRange('2019')).toMatchObject({ from: '2019-01-01', to: '2019-12-31' });
    expect(bulletinRange('2020-03-01..2020-03-05')).toMatchObject({ from: '2020-03-01', to: '2020-03-05' });
  });
});
