// The Xingtai 2018–2020 plan file (plans/xingtai-sei-2018-2020.yaml) validates and is internally consistent.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { PlanFileSchema, type PlanSectionInput, type PlanFile } from '../src/shared/plan-file';

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');

const raw: unknown = parse(read('../plans/xingtai-sei-2018-2020.yaml'));
const plan: PlanFile = PlanFileSchema.parse(raw);

interface OrgFile {
  city: { code: string };
  leadingGroup: { code: string };
  departments: { code: string }[];
}
const orgFile = parse(read('../reference/organizations.yaml')) as OrgFile;
const orgCodes = new Set<string>([
  orgFile.city.code,
  orgFile.leadingGroup.code,
  ...orgFile.departments.map((d) => d.code),
]);

const divisionCodes = new Set(
  read('../reference/xingtai_divisions.csv')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',')[0]!.trim()),
);

const sectionsByKey = new Map<string, PlanSectionInput>();
const walk = (ss: PlanSectionInput[]) => {
  for (const s of ss) {
    expect(sectionsByKey.has(s.key), `duplicate section key ${s.key}`).toBe(false);
    sectionsByKey.set(s.key, s);
    walk(s.children ?? []);
  }
};
walk(plan.sections);

describe('plans/xingtai-sei-2018-2020.yaml', () => {
  it('validates against PlanFileSchema', () => {
    expect(() => PlanFileSchema.parse(raw)).not.toThrow();
    expect(plan.plan.code).toBe('xingtai-sei-2018-2020');
    expect(plan.plan.periodStart).toBe(2018);
    expect(plan.plan.periodEnd).toBe(2020);
    expect(plan.plan.basis).toHaveLength(2);
  });

  it('has the five targets in text order', () => {
    expect(plan.targets).toHaveLength(5);
    expect(plan.targets.map((t) => t.comparator)).toEqual(['>', '>=', '≈', '>=', '>=']);
    expect(plan.targets.map((t) => t.value)).toEqual([1000, 245, 10, 120, 10]);
    for (const t of plan.targets) {
      expect(t.year).toBe(2020);
      expect(t.direction).toBe('increase');
      expect(sectionsByKey.has(t.sectionKey), `target ${t.code} section ${t.sectionKey}`).toBe(true);
      expect(sectionsByKey.get(t.sectionKey)!.body).toContain(t.sourceText);
    }
  });

  it('has seven industries, each pointing at its task area', () => {
    expect(plan.industries).toHaveLength(7);
    for (const ind of plan.industries) {
      expect(sectionsByKey.get(ind.sectionKey)?.kind, ind.code).toBe('task');
    }
  });

  it('has nine task areas 2.1–2.9, each with at least one task', () => {
    for (let i = 1; i <= 9; i++) {
      const key = `2.${i}`;
      expect(sectionsByKey.get(key)?.kind, key).toBe('task');
      expect(plan.tasks.filter((t) => t.sectionKey === key).length, key).toBeGreaterThan(0);
    }
  });

  it('has five measures', () => {
    expect(plan.measures).toHaveLength(5);
    for (const m of plan.measures) expect(sectionsByKey.get(m.sectionKey)?.kind).toBe('measure');
  });

  it('tasks reference existing sections, industries and organisations', () => {
    const industryCodes = new Set(plan.industries.map((i) => i.code));
    const codes = new Set<string>();
    for (const t of plan.tasks) {
      expect(codes.has(t.code), `duplicate task code ${t.code}`).toBe(false);
      codes.add(t.code);
      expect(sectionsByKey.has(t.sectionKey), `task ${t.code} section ${t.sectionKey}`).toBe(true);
      expect(sectionsByKey.get(t.sectionKey)!.body, t.code).toContain(t.content);
      if (t.industryCode != null) expect(industryCodes.has(t.industryCode), t.code).toBe(true);
      if (t.leadOrg != null) expect(orgCodes.has(t.leadOrg), `${t.code} lead ${t.leadOrg}`).toBe(true);
      for (const o of t.responsibleOrgs) expect(orgCodes.has(o), `${t.code} org ${o}`).toBe(true);
    }
  });

  it('uses only known division codes', () => {
    expect(divisionCodes.size).toBeGreaterThan(0);
    const used = [
      ...plan.tasks.flatMap((t) => t.counties),
      ...plan.entities.flatMap((e) => (e.countyCode ? [e.countyCode] : [])),
      ...plan.entities.filter((e) => e.kind === 'county').map((e) => e.orgCode ?? ''),
    ];
    for (const c of used) expect(divisionCodes.has(c), `division code ${c}`).toBe(true);
  });

  it('entities reference existing sections and organisations', () => {
    for (const e of plan.entities) {
      for (const k of e.sectionKeys) expect(sectionsByKey.has(k), `${e.name}: section ${k}`).toBe(true);
      if (e.kind === 'department') expect(orgCodes.has(e.orgCode ?? ''), e.name).toBe(true);
    }
  });

  it('names every enterprise the plan names', () => {
    const names = new Set(
      plan.entities.filter((e) => e.kind === 'enterprise').flatMap((e) => [e.name, ...e.aliases]),
    );
    for (const n of [
      '邢钢',
      '中钢邢机',
      '德龙钢铁',
      '中航上大',
      '河北迎新集团',
      '河北明盾',
      '河北欧耐机械',
      '普利斯邢台科技有限公司',
      '河北御捷车业',
      '河北红星汽车制造有限公司',
      '君临药业',
      '国金药业',
      '华为',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
  });
});
