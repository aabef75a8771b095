import { describe, expect, it } from 'vitest';
import { countParks, countPlatforms, platformLevelOn } from './count-registries';
import { milestonesLight, projectLights, startLight } from './project-lights';

const platform = (o: Partial<Parameters<typeof platformLevelOn>[0]> = {}) => ({ level: 'provincial' as const, previousLevel: null, upgradedOn: null, recognisedOn: '2018-05-01', revokedOn: null, ...o });

describe('counting platforms and parks on a date', () => {
  it('counts provincial-or-higher platforms recognised and not revoked by the date', () => {
    const list = [
      platform(),
      platform({ level: 'municipal' }),
      platform({ recognisedOn: '2019-01-01' }),
      platform({ revokedOn: '2018-12-31' }),
      platform({ level: 'national', previousLevel: 'provincial', upgradedOn: '2018-09-01' }),
      platform({ level: 'provincial', previousLevel: 'municipal', upgradedOn: '2019-03-01', recognisedOn: '2016-01-01' }),
    ];
    expect(countPlatforms(list, '2018-04-30')).toBe(0);
    expect(countPlatforms(list, '2018-05-01')).toBe(3);
    expect(countPlatforms(list, '2018-12-31')).toBe(2); // revoked on that day
    expect(countPlatforms(list, '2019-06-30')).toBe(4);
  });

  it('counts an upgraded platform once, with its level on the date', () => {
    const p = platform({ level: 'national', previousLevel: 'provincial', upgradedOn: '2019-09-01' });
    expect(platformLevelOn(p, '2019-08-31')).toBe('provincial');
    expect(platformLevelOn(p, '2019-09-01')).toBe('national');
    expect(countPlatforms([p], '2020-01-01')).toBe(1);
  });

  it('counts recognised parks with a date on or before the day', () => {
    const parks = [{ status: 'recognised' as const, recognisedOn: '2019-05-01' }, { status: 'building' as const, recognisedOn: null }, { status: null, recognisedOn: null }];
    expect(countParks(parks, '2019-04-30')).toBe(0);
    expect(countParks(parks, '2019-05-01')).toBe(1);
  });
});

describe('project lights', () => {
  it('start: green on plan, yellow when not started in the planned month, red 3 months late', () => {
    expect(startLight('2019-03', '2019-03', '2019-12-31').light).toBe('green');
    expect(startLight('2019-03', null, '2019-03-31').light).toBe('green');
    expect(startLight('2019-03', null, '2019-04-01').light).toBe('yellow');
    expect(startLight('2019-03', null, '2019-05-31').light).toBe('yellow');
    expect(startLight('2019-03', null, '2019-06-01')).toEqual({ light: 'red', lateMonths: 3 });
    expect(startLight('2019-03', '2019-05', '2020-01-01').light).toBe('yellow');
    expect(startLight('2019-03', '2019-06', '2020-01-01').light).toBe('red');
    expect(startLight(null, null, '2020-01-01').light).toBeNull();
  });

  it('progress: 序时 bands of the annual plan; funds: disbursed below plan is red', () => {
    const base = { plannedStart: '2019-01', actualStart: '2019-01', annualPlans: [{ year: 2019, planned: 1200 }], funds: [] as { source: string; period: string; planned: number; disbursed: number }[] };
    const months = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ period: `2019${String(i + 1).padStart(2, '0')}`, amount }));
    expect(projectLights({ ...base, investments: months(6, 100) }, '2019-06-30')).toMatchObject({ progress: 'green', expectedPct: 50, donePct: 50, lagPoints: 0 });
    expect(projectLights({ ...base, investments: months(6, 80) }, '2019-06-30')).toMatchObject({ progress: 'yellow', lagPoints: 10 });
    expect(projectLights({ ...base, investments: months(6, 40) }, '2019-06-30')).toMatchObject({ progress: 'yellow', lagPoints: 30 });
    expect(projectLights({ ...base, investments: months(6, 39) }, '2019-06-30').progress).toBe('red');
    const funds = [{ source: '省级资金', period: '201903', planned: 100, disbursed: 100 }, { source: '省级资金', period: '201909', planned: 100, disbursed: 0 }];
    expect(projectLights({ ...base, investments: [], funds }, '2019-06-30').funds).toBe('green');
    expect(projectLights({ ...base, investments: [], funds }, '2019-09-30').funds).toBe('red');
    expect(projectLights({ ...base, investments: [], funds: [] }, '2019-09-30').funds).toBeNull();
  });

  it('milestones: the most overdue one not done sets the light, in months as for the start', () => {
    const m = (plannedOn: string, doneOn: string | null = null) => ({ name: `m ${plannedOn}`, plannedOn, doneOn });
    expect(milestonesLight([m('2019-06-15')], '2019-06-14')).toEqual({ light: null, overdue: 0, lateMonths: null });
    expect(milestonesLight([m('2019-06-15')], '2019-07-14')).toMatchObject({ light: 'green', overdue: 1, lateMonths: 0 });
    expect(milestonesLight([m('2019-06-15')], '2019-07-15')).toMatchObject({ light: 'yellow', lateMonths: 1 });
    expect(milestonesLight([m('2019-06-15'), m('2019-03-10')], '2019-06-20')).toEqual({ light: 'red', overdue: 2, lateMonths: 3 });
    // Done (even late) is done; done after the as-of date was still open then.
    expect(milestonesLight([m('2019-03-10', '2019-05-01')], '2019-12-31')).toMatchObject({ light: 'green', overdue: 0 });
    expect(milestonesLight([m('2019-03-10', '2020-01-05')], '2019-12-31')).toMatchObject({ light: 'red', overdue: 1 });
    expect(projectLights({ plannedStart: null, actualStart: null, annualPlans: [], investments: [], funds: [], milestones: [m('2019-03-10')] }, '2019-04-10')).toMatchObject({ milestones: 'yellow', milestonesOverdue: 1, milestoneLateMonths: 1 });
  });
});
