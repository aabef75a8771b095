import { describe, expect, it } from 'vitest';
import type { PlanFile } from '../../shared/plan-file';
import { checkPlanFile, flattenSections } from './check-plan-file';

const file = (): PlanFile => ({
  schemaVersion: 1,
  plan: { code: 'p', title: 't', titleEn: 't', issuer: 'i', periodStart: 2018, periodEnd: 2020, basis: [], status: 'draft', leadOrg: 'dept-fgw' },
  sections: [{ key: '2', number: '二、', title: '任务', kind: 'task', children: [{ key: '2.1', number: '（一）', title: 'a', kind: 'task' }] }],
  industries: [{ code: 'ne', name: '新能源', nameEn: 'NE', seiCategories: ['6'], sectionKey: '2.1' }],
  targets: [],
  tasks: [{ code: 't1', sectionKey: '2.1', title: 'x', content: 'y', industryCode: 'ne', leadOrg: 'dept-gxj', responsibleOrgs: [], counties: ['130528'] }],
  measures: [],
  entities: [{ kind: 'county', name: '宁晋', aliases: [], orgCode: '130528', sectionKeys: ['2.1'] }],
});
const known = { orgCodes: new Set(['dept-fgw', 'dept-gxj', '130528']), seiCategoryCodes: new Set(['6', '6.1']) };

describe('checking a plan file', () => {
  it('accepts a consistent file', () => {
    expect(checkPlanFile(file(), known)).toEqual([]);
    expect(flattenSections(file().sections).map((s) => s.key)).toEqual(['2', '2.1']);
  });

  it('names every broken reference by its path', () => {
    const f = file();
    f.tasks[0].sectionKey = '2.9';
    f.tasks[0].industryCode = 'nope';
    f.tasks[0].counties = ['999999'];
    f.industries[0].seiCategories = ['6', '10.1'];
    f.entities[0].sectionKeys = ['3'];
    f.plan.periodEnd = 2017;
    const paths = checkPlanFile(f, known).map((i) => i.path);
    expect(paths).toEqual([
      'plan.periodEnd', 'industries[0].seiCategories[1]', 'tasks[0].sectionKey', 'tasks[0].industryCode',
      'tasks[0].counties[0]', 'entities[0].sectionKeys[0]',
    ]);
  });

  it('finds duplicate section keys and codes', () => {
    const f = file();
    f.sections[0].children!.push({ key: '2.1', number: '（二）', title: 'b', kind: 'task' });
    f.tasks.push({ ...f.tasks[0] });
    const messages = checkPlanFile(f, known).map((i) => i.message);
    expect(messages.some((m) => m.includes('duplicate section key 2.1'))).toBe(true);
    expect(messages.some((m) => m.includes('duplicate code t1'))).toBe(true);
  });
});
