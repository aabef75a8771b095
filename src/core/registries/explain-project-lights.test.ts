import { describe, expect, it } from 'vitest';
import { milestonesDoneByStage } from '../../shared/registries';
import { explainProjectLights } from './explain-project-lights';
import { projectLights } from './project-lights';

const project = {
  plannedStart: '2019-03', actualStart: '2019-05', stage: 'completed' as const,
  annualPlans: [{ year: 2020, planned: 12000 }],
  investments: Array.from({ length: 11 }, (_, i) => ({ period: `2020${String(i + 1).padStart(2, '0')}`, amount: 500 })),
  funds: [{ source: '市级配套资金', period: '202006', planned: 600, disbursed: 240 }],
  milestones: [
    { name: '开工建设', plannedOn: '2019-03-28', doneOn: '2019-05-28' },
    { name: '主体工程完工', plannedOn: '2020-06-30', doneOn: '2020-06-15' },
    { name: '竣工投产', plannedOn: '2020-06-28', doneOn: null },
  ],
};

describe('explaining a project\'s lights', () => {
  const asOf = '2020-12-01';
  const lights = projectLights(project, asOf);
  const why = explainProjectLights(project, lights, asOf);

  it('explains a red 节点 light of a 竣工 project: which milestone, planned when, how late, and that the stage claims it', () => {
    expect(lights.milestones).toBe('red');
    expect(why.milestones.zh).toContain('「竣工投产」计划 2020-06-28，逾期 5 个月');
    expect(why.milestones.zh).toContain('项目阶段已为“竣工”');
    expect(why.milestones.en).toContain('"竣工投产" planned 2020-06-28, 5 months late');
  });

  it('gives the figures behind the start, progress and funds lights', () => {
    expect(lights.start).toBe('yellow');
    expect(why.start.zh).toBe('计划 2019-03 开工，实际 2019-05 开工，晚 2 个月（逾期 1–2 个月黄，3 个月以上红）');
    // 11 × 500 = 5,500 of 12,000 done (45.8%) against 12/12 of the year elapsed by December.
    expect(lights.progress).toBe('red');
    expect(why.progress.zh).toContain('计划 12,000 万元');
    expect(why.progress.zh).toContain(`完成 5,500 万元（45.8%）`);
    expect(why.progress.zh).toContain(`滞后 ${(+lights.lagPoints!.toFixed(1)).toString()} 个百分点`);
    expect(lights.funds).toBe('red');
    expect(why.funds.zh).toContain('计划拨付 600 万元，实际拨付 240 万元，少 360 万元');
  });

  it('says when a light has no inputs', () => {
    const bare = { ...project, plannedStart: null, annualPlans: [], funds: [], milestones: [] };
    const w = explainProjectLights(bare, projectLights(bare, asOf), asOf);
    expect(w.start.zh).toMatch(/未填计划开工/);
    expect(w.progress.zh).toMatch(/2020 年无年度投资计划/);
    expect(w.funds.zh).toMatch(/无到期的资金拨付计划/);
    expect(w.milestones.zh).toMatch(/无到期里程碑/);
  });

  it('offers to close the milestones a completed stage stands for', () => {
    expect(milestonesDoneByStage('completed', project.milestones).map((m) => m.name)).toEqual(['竣工投产']);
    expect(milestonesDoneByStage('operating', project.milestones).map((m) => m.name)).toEqual(['竣工投产']);
    expect(milestonesDoneByStage('construction', project.milestones)).toEqual([]);
    expect(milestonesDoneByStage(null, project.milestones)).toEqual([]);
  });
});
