// The plan's task areas (专项行动): the outline sections that tasks hang on, in outline order.
// For the Xingtai plan these are 二（一）…二（九）.
import type { PlanDetail, PlanSection, Task } from '../../../shared/plan';
import { flattenSections } from '../plan/sections';

export interface TaskArea {
  section: PlanSection;
  fullNumber: string;
  tasks: Task[];
}

export function taskAreas(plan: Pick<PlanDetail, 'sections' | 'tasks'>): TaskArea[] {
  const bySection = new Map<string, Task[]>();
  for (const task of plan.tasks) bySection.set(task.sectionKey, [...(bySection.get(task.sectionKey) ?? []), task]);
  return flattenSections(plan.sections)
    .filter((f) => bySection.has(f.section.key))
    .map((f) => ({ section: f.section, fullNumber: f.fullNumber, tasks: bySection.get(f.section.key) ?? [] }));
}

/** Filter value: an industry code, NO_INDUSTRY for cross-cutting tasks, or ALL. */
export const ALL_INDUSTRIES = '*';
export const NO_INDUSTRY = '-';

export function filterByIndustry(areas: TaskArea[], industry: string): TaskArea[] {
  if (industry === ALL_INDUSTRIES) return areas;
  const keep = (t: Task) => (industry === NO_INDUSTRY ? t.industryCode === null : t.industryCode === industry);
  return areas.map((a) => ({ ...a, tasks: a.tasks.filter(keep) })).filter((a) => a.tasks.length > 0);
}
