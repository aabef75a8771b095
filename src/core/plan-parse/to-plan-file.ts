// Draft plan file (PlanFileSchema) from a parsed plan: the outline with section kinds, the industries
// with guessed NBS categories, every target with a number and a year, a task per sentence of the task
// sections, a measure per measure section, and the entities. What cannot go into a plan file (a blank
// number, an unknown year) is listed in `left` so the person reviewing the draft sees it.
import type { EntityInput, PlanFile, PlanSectionInput, SectionKind } from '../../shared/plan-file';
import type { ParsedEntity, ParsedPlan, ParsedSection } from '../../shared/plan-parse';
import { flatten } from './outline';
import type { PlanParseReference } from './ports';

export interface DraftOptions {
  code?: string;
  /** Year used when the text states no period (the caller passes the current year). */
  fallbackYear: number;
  reference?: PlanParseReference;
}

export function sectionKindOf(title: string, parent: SectionKind | null): SectionKind {
  if (/目标/.test(title)) return 'goal';
  if (/指导思想|基本原则|原则|总体思路|发展思路/.test(title)) return 'principle';
  if (/保障|措施|组织实施|组织领导/.test(title)) return 'measure';
  if (parent) return parent;
  if (/任务|重点|工程|行动|举措|产业|建设/.test(title)) return 'task';
  return 'other';
}

function toSections(list: ParsedSection[], parent: SectionKind | null): PlanSectionInput[] {
  return list.map((s) => {
    const kind: SectionKind = s.key === '0' ? 'preamble' : sectionKindOf(s.title, parent);
    const out: PlanSectionInput = { key: s.key, number: s.number, title: s.title, kind };
    if (s.body) out.body = s.body;
    if (s.children.length) out.children = toSections(s.children, kind === 'other' ? null : kind);
    return out;
  });
}

const firstClause = (s: string) => {
  const c = s.replace(/^(?:一是|二是|三是|四是|五是|六是|七是|八是|九是|十是)/, '').split(/[，,；;。：:]/)[0] ?? s;
  return (c.length > 30 ? c.slice(0, 30) + '…' : c) || s.slice(0, 30);
};

export function toPlanFile(parsed: ParsedPlan, opts: DraftOptions): { file: PlanFile; left: string[] } {
  const left: string[] = [];
  const m = parsed.metadata;
  const targetYears = parsed.targets.map((t) => t.year).filter((y): y is number => y != null);
  const periodEnd = m.periodEnd ?? (targetYears.length ? Math.max(...targetYears) : opts.fallbackYear);
  const periodStart = m.periodStart ?? Math.min(periodEnd, opts.fallbackYear);
  const title = m.title ?? '未命名计划（文本解析草稿）';
  const sections = parsed.sections.length ? toSections(parsed.sections, null) : [{ key: '0', number: '前言', title: '前言', kind: 'preamble' as const, body: parsed.text.slice(0, 20000) || '（空）' }];
  const flat = flatten(parsed.sections);
  const kinds = new Map<string, SectionKind>();
  const walk = (l: PlanSectionInput[]) => l.forEach((s) => { kinds.set(s.key, s.kind); walk(s.children ?? []); });
  walk(sections);

  const industries = parsed.industries.filter((i) => {
    if (!i.seiCategories.length) left.push(`重点领域「${i.name}」未能对应战略性新兴产业分类，请在页面上指定 / industry ${i.name}: no SEI category guessed`);
    return i.seiCategories.length > 0;
  });
  const industryOf = (key: string) => industries.find((i) => key === i.sectionPath || key.startsWith(i.sectionPath + '.'))?.code ?? null;

  const targets: PlanFile['targets'] = [];
  parsed.targets.forEach((t) => {
    if (t.value == null) return left.push(`目标数值空缺，未写入：${t.text} / target without a number left out`);
    const code = `T${targets.length + 1}`;
    targets.push({
      code, name: t.indicator, nameEn: `Target ${code}`, indicatorCode: code, comparator: t.comparator, value: t.value,
      valueMax: t.comparator === 'range' ? t.valueMax : null, unit: t.unit, year: t.year ?? periodEnd,
      baselineYear: periodStart - 1, baselineValue: null, tolerance: null, direction: t.direction, sectionKey: t.sectionPath, sourceText: t.text,
    });
  });

  const divisions = new Set((opts.reference?.divisions ?? []).map((d) => d.code));
  const deptCode = (name: string) => opts.reference?.departments.find((d) => d.name === name || d.fullName === name)?.code ?? null;
  const tasks: PlanFile['tasks'] = [];
  const measures: PlanFile['measures'] = [];
  for (const s of flat) {
    if (s.children.length || !s.body) continue;
    const kind = kinds.get(s.key);
    if (kind === 'measure') {
      measures.push({ code: `M${measures.length + 1}`, sectionKey: s.key, title: s.title, content: s.body });
      continue;
    }
    if (kind !== 'task') continue;
    const resp = parsed.responsibilities.filter((r) => r.sectionPath === s.key);
    const lead = resp.flatMap((r) => r.lead).map(deptCode).find((c) => c) ?? null;
    const others = [...new Set(resp.flatMap((r) => [...r.cooperating, ...r.responsible]).map(deptCode).filter((c): c is string => !!c && c !== lead))];
    const sentences = s.body.match(/[^。]+。?/g) ?? [s.body];
    sentences.map((x) => x.trim()).filter((x) => x.length > 1).forEach((content, i) => {
      const counties = [...new Set(parsed.entities.counties.filter((c) => c.code && divisions.has(c.code) && [c.name, ...c.aliases].some((n) => content.includes(n))).map((c) => c.code!))];
      tasks.push({ code: `${s.key}-${String(i + 1).padStart(2, '0')}`, sectionKey: s.key, title: firstClause(content), content, industryCode: industryOf(s.key), leadOrg: lead, responsibleOrgs: others, counties });
    });
  }

  const keys = new Set(flat.map((s) => s.key));
  const entity = (kind: EntityInput['kind'], e: ParsedEntity): EntityInput | null => {
    const sectionKeys = e.sectionPaths.filter((k) => keys.has(k));
    if (!sectionKeys.length) return null;
    const countyCode = kind === 'county' ? e.code ?? null : e.countyCode && divisions.has(e.countyCode) ? e.countyCode : null;
    const orgCode = kind === 'county' ? (e.code && divisions.has(e.code) ? e.code : null) : kind === 'department' ? e.code ?? null : null;
    return { kind, name: e.name, aliases: e.aliases, countyCode: countyCode && divisions.has(countyCode) ? countyCode : null, orgCode, industryCode: null, note: null, sectionKeys };
  };
  const E = parsed.entities;
  const entities = [
    ...E.counties.map((e) => entity('county', e)), ...E.parks.map((e) => entity('park', e)), ...E.enterprises.map((e) => entity('enterprise', e)),
    ...E.institutions.map((e) => entity('institution', e)), ...E.projects.map((e) => entity('project', e)), ...E.departments.map((e) => entity('department', e)),
  ].filter((e): e is EntityInput => e != null);

  const leadName = /([\u4e00-\u9fa5]{2,20}?)作为牵头单位/.exec(parsed.text)?.[1];
  const leadOrg = (leadName && deptCode(leadName.replace(/^.*?(市|省|县)/, '$1'))) || null;
  const file: PlanFile = {
    schemaVersion: 1,
    plan: {
      code: opts.code ?? `parsed-${periodStart}-${periodEnd}`, title, titleEn: `Draft parsed from text: ${title}`, issuer: m.issuer ?? '待定',
      periodStart, periodEnd, basis: m.basis, status: 'draft', leadOrg, source: 'plan text parser (计划文本解析)',
    },
    sections, industries: industries.map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn, seiCategories: i.seiCategories, sectionKey: i.sectionPath })),
    targets, tasks, measures, entities,
  };
  return { file, left };
}
