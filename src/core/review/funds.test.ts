import { describe, expect, it } from 'vitest';
import { fundFigures, fundTotals, type FundInput } from './funds';

describe('review funds figures', () => {
  it('支付率 is paid ÷ approved; the light is red when paid is below the schedule due', () => {
    const sched = [{ dueOn: '2019-06-30', amount: 400 }, { dueOn: '2019-12-31', amount: 600 }];
    const paid = [{ paidOn: '2019-06-20', amount: 300 }, { paidOn: '2019-12-15', amount: 700 }];
    expect(fundFigures(1000, sched, paid, '2019-03-31')).toMatchObject({ scheduledToDate: 0, paidToDate: 0, light: null, paymentRate: 0 });
    expect(fundFigures(1000, sched, paid, '2019-07-01')).toMatchObject({ scheduledToDate: 400, paidToDate: 300, paymentRate: 30, scheduleRate: 75, light: 'red' });
    expect(fundFigures(1000, sched, paid, '2020-01-01')).toMatchObject({ scheduledToDate: 1000, paidToDate: 1000, paymentRate: 100, scheduleRate: 100, light: 'green' });
    expect(fundFigures(0, [], [], '2020-01-01').paymentRate).toBeNull();
  });

  it('totals by industry, county and year only count approved items', () => {
    const base = { decidedAt: '2019-03-28T02:00:00.000Z', county: null, industry: null, schedule: [], paid: [] };
    const items: FundInput[] = [
      { ...base, id: 'a', amount: 1000, decision: 'approved', industry: { code: 'NM', name: '新材料' }, schedule: [{ id: '1', dueOn: '2019-06-30', amount: 500 }], paid: [{ paidOn: '2019-06-01', amount: 500 }, { paidOn: '2020-02-01', amount: 200 }] },
      { ...base, id: 'b', amount: 600, decision: 'conditional', industry: { code: 'NM', name: '新材料' }, county: { id: 'c1', name: '宁晋县' }, schedule: [{ id: '2', dueOn: '2019-12-31', amount: 600 }], paid: [{ paidOn: '2019-12-30', amount: 240 }] },
      { ...base, id: 'c', amount: 900, decision: 'rejected', schedule: [], paid: [] },
    ];
    const t = fundTotals(items, '2019-12-31');
    expect(t.total).toMatchObject({ approved: 1600, scheduledToDate: 1100, paidToDate: 740, paymentRate: 46.3, light: 'red' });
    expect(t.byIndustry.find((r) => r.key === 'NM')).toMatchObject({ approved: 1600, scheduled: 1100, paid: 740 });
    expect(t.byIndustry.find((r) => r.key === '-')).toMatchObject({ approved: 0 });
    expect(t.byCounty.find((r) => r.key === 'c1')).toMatchObject({ approved: 600, paid: 240, paymentRate: 40 });
    expect(t.byYear).toEqual([{ key: '2019', name: '2019', approved: 1600, scheduled: 1100, paid: 740, paymentRate: 67.3 }]);
    expect(fundTotals(items, '2020-12-31').byYear.map((r) => [r.key, r.paid])).toEqual([['2019', 740], ['2020', 200]]);
  });
});
