// Cross-reference checks a schema cannot express: every key, code and organisation a plan file
// mentions must exist, so a plan never loads half-linked.
import type { ErrorIssue } from '../../shared/errors';
import type { PlanFile, PlanSectionInput } from '../../shared/plan-file';

export interface KnownCodes {
  orgCodes: ReadonlySet<string>;
  seiCategoryCodes: ReadonlySet<string>;
}

export function flattenSections(sections: PlanSectionInput[]): PlanSectionInput[] {
  return sections.flatMap((s) => [s, ...flattenSections(s.children ?? [])]);
}

export function checkPlanFile(file: PlanFile, known: KnownCodes): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const add = (path: string, zh: string, en: string) => issues.push({ path, message: `${zh} / ${en}` });
  const keys = new Set<string>();
  for (const s of flattenSections(file.sections)) {
    if (keys.has(s.key)) add(`sections.${s.key}`, `章节编号重复：${s.key}`, `duplicate section key ${s.key}`);
    keys.add(s.key);
  }
  const section = (path: string, key: string) => {
    if (!keys.has(key)) add(path, `章节不存在：${key}`, `unknown section key ${key}`);
  };
  const org = (path: string, code: string | null | undefined) => {
    if (code && !known.orgCodes.has(code)) add(path, `组织代码不存在：${code}`, `unknown organisation code ${code}`);
  };
  const unique = (what: string, codes: string[]) => {
    const seen = new Set<string>();
    codes.forEach((c, i) => {
      if (seen.has(c)) add(`${what}[${i}].code`, `代码重复：${c}`, `duplicate code ${c}`);
      seen.add(c);
    });
  };
  unique('targets', file.targets.map((t) => t.code));
  unique('industries', file.industries.map((t) => t.code));
  unique('tasks', file.tasks.map((t) => t.code));
  unique('measures', file.measures.map((t) => t.code));
  const industries = new Set(file.industries.map((i) => i.code));
  const industry = (path: string, code: string | null | undefined) => {
    if (code && !industries.has(code)) add(path, `重点领域不存在：${code}`, `unknown industry ${code}`);
  };

  org('plan.leadOrg', file.plan.leadOrg);
  if (file.plan.periodEnd < file.plan.periodStart)
    add('plan.periodEnd', '结束年份早于开始年份', 'period ends before it starts');
  file.industries.forEach((ind, i) => {
    section(`industries[${i}].sectionKey`, ind.sectionKey);
    ind.seiCategories.forEach((c, j) => {
      if (!known.seiCategoryCodes.has(c))
        add(`industries[${i}].seiCategories[${j}]`, `战略性新兴产业分类代码不存在：${c}`, `unknown SEI category ${c}`);
    });
  });
  file.targets.forEach((t, i) => section(`targets[${i}].sectionKey`, t.sectionKey));
  file.tasks.forEach((t, i) => {
    section(`tasks[${i}].sectionKey`, t.sectionKey);
    industry(`tasks[${i}].industryCode`, t.industryCode);
    org(`tasks[${i}].leadOrg`, t.leadOrg);
    t.responsibleOrgs.forEach((c, j) => org(`tasks[${i}].responsibleOrgs[${j}]`, c));
    t.counties.forEach((c, j) => org(`tasks[${i}].counties[${j}]`, c));
  });
  file.measures.forEach((m, i) => section(`measures[${i}].sectionKey`, m.sectionKey));
  file.entities.forEach((e, i) => {
    e.sectionKeys.forEach((k, j) => section(`entities[${i}].sectionKeys[${j}]`, k));
    org(`entities[${i}].orgCode`, e.orgCode);
    org(`entities[${i}].countyCode`, e.countyCode);
    industry(`entities[${i}].industryCode`, e.industryCode);
  });
  return issues;
}
