import type { PlanDetail, PlanSection } from '../../shared/plan';

const COMPARATOR_WORDS: Record<string, string> = { '>': '突破/超过', '>=': '达到/不低于', '≈': '左右', '<=': '不超过', '<': '低于', range: '区间' };

function outline(sections: PlanSection[], depth = 0): string[] {
  return sections.flatMap((s) => [`${'  '.repeat(depth)}${s.number === s.title ? '' : s.number}${s.title}`, ...outline(s.children, depth + 1)]);
}

export function formatPlan(plan: PlanDetail): string {
  const lines = [
    `${plan.title}  (${plan.code} v${plan.version}, ${plan.status})`,
    `${plan.issuer} · ${plan.periodStart}–${plan.periodEnd} · 牵头单位 ${plan.leadOrg?.name ?? '—'}`,
    '',
    '章节 Sections',
    ...outline(plan.sections).map((l) => `  ${l}`),
    '',
    `目标 Targets (${plan.targets.length})`,
    ...plan.targets.map(
      (t) => `  ${t.code}  ${t.name}  ${t.comparator} ${t.value}${t.valueMax != null ? `–${t.valueMax}` : ''} ${t.unit} (${t.year}, ${COMPARATOR_WORDS[t.comparator] ?? ''}: “${t.sourceText}”)`,
    ),
    '',
    `重点领域 Industries (${plan.industries.length})`,
    ...plan.industries.map((i) => `  ${i.code}  ${i.name}  → ${i.seiCategories.map((c) => `${c.code} ${c.name}`).join('; ')}`),
    '',
    `任务 Tasks: ${plan.tasks.length} in ${new Set(plan.tasks.map((t) => t.sectionKey)).size} task areas · 措施 Measures: ${plan.measures.length} · 提及对象 Named entities: ${plan.entities.length}`,
  ];
  return lines.join('\n');
}

/** The JSON form of `plan show`: the plan with its task areas counted for scripts. */
export function planJson(plan: PlanDetail) {
  const taskArea = plan.sections.flatMap((s) => s.children).filter((s) => s.kind === 'task');
  return { ...plan, taskAreas: taskArea.map((s) => ({ key: s.key, number: s.number, title: s.title, tasks: plan.tasks.filter((t) => t.sectionKey === s.key).length })) };
}
