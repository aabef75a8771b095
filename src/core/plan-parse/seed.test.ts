// The seed text against the plan file written by hand from it: all five targets, the whole outline, the
// seven industries, and every place, enterprise, park and project (recall and precision reported).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadPlanParseReference, loadSegmenter } from '../../files/plan-parse-reference';
import { PlanFileSchema, type PlanSectionInput } from '../../shared/plan-file';
import { parsePlanText } from './parse-plan-text';
import { flatten } from './outline';
import { toPlanFile } from './to-plan-file';

const seed = readFileSync(new URL('../../../test/fixtures/plan-text/xingtai-sei-action-plan-2018-2020.txt', import.meta.url), 'utf8');
const key = PlanFileSchema.parse(parseYaml(readFileSync(new URL('../../../plans/xingtai-sei-2018-2020.yaml', import.meta.url), 'utf8')));
const reference = loadPlanParseReference();

describe.each([
  ['patterns only', null],
  ['with jieba', loadSegmenter()],
])('seed text (%s)', (_label, segmenter) => {
  const parsed = parsePlanText(seed, { reference, segmenter });

  it('metadata: title, issuer, period and both basis documents', () => {
    expect(parsed.metadata.title).toBe(key.plan.title);
    expect(parsed.metadata.issuer).toBe(key.plan.issuer);
    expect([parsed.metadata.periodStart, parsed.metadata.periodEnd]).toEqual([2018, 2020]);
    expect(parsed.metadata.basis).toEqual(key.plan.basis);
  });

  it('the full outline: keys, numbers, titles and bodies as in the plan file', () => {
    const flatKey = (l: PlanSectionInput[]): PlanSectionInput[] => l.flatMap((s) => [s, ...flatKey(s.children ?? [])]);
    const expected = flatKey(key.sections).map((s) => [s.key, s.number, s.title, s.body ?? '']);
    const got = flatten(parsed.sections).map((s) => [s.key, s.number, s.title, s.body]);
    expect(got).toEqual(expected);
  });

  it('all five targets with comparator, value, unit, year and section', () => {
    const got = parsed.targets.map((t) => [t.comparator, t.value, t.unit, t.year, t.sectionPath]);
    expect(got).toEqual(key.targets.map((t) => [t.comparator, t.value, t.unit, t.year, t.sectionKey]));
    parsed.targets.forEach((t, i) => expect(key.targets[i].name).toContain(t.indicator));
    expect(parsed.actuals).toEqual([]);
  });

  it('the seven industries, each on its task section', () => {
    expect(parsed.industries.map((i) => [i.code, i.name, i.sectionPath])).toEqual(key.industries.map((i) => [i.code, i.name, i.sectionKey]));
  });

  it('every county, enterprise, institution, park and project of the plan file (recall and precision)', () => {
    const kinds = { county: 'counties', enterprise: 'enterprises', institution: 'institutions', park: 'parks', project: 'projects', department: 'departments' } as const;
    const all = Object.values(parsed.entities).flat();
    const names = (e: { name: string; aliases: string[] }) => [e.name, ...e.aliases];
    const report: string[] = [];
    let missedTotal = 0;
    for (const [kind, group] of Object.entries(kinds)) {
      const expected = key.entities.filter((e) => e.kind === kind);
      // a name found under another kind still counts as found (a 基地 the key files as a project)
      const found = expected.filter((e) => all.some((g) => names(g).some((n) => names(e).includes(n))));
      const got = parsed.entities[group];
      const right = got.filter((g) => key.entities.some((e) => names(e).some((n) => names(g).includes(n))));
      const missed = expected.filter((e) => !found.includes(e)).map((e) => e.name);
      missedTotal += kind === 'department' ? 0 : missed.length;
      report.push(`${kind}: recall ${found.length}/${expected.length}, precision ${right.length}/${got.length}${missed.length ? ` missed ${missed.join('、')}` : ''}${got.length > right.length ? ` extra ${got.filter((g) => !right.includes(g)).map((g) => g.name).join('、')}` : ''}`);
    }
    console.log(report.join('\n'));
    expect(missedTotal).toBe(0);
    const counties = parsed.entities.counties;
    for (const c of key.entities.filter((e) => e.kind === 'county')) {
      const g = counties.find((x) => x.code === c.countyCode)!;
      expect(g.sectionPaths.sort(), c.name).toEqual([...c.sectionKeys].sort());
    }
  });

  it('a draft plan file that passes the schema, with industries mapped to the task sections', () => {
    const { file, left } = toPlanFile(parsed, { fallbackYear: 2026, reference });
    expect(left).toEqual([]);
    expect(PlanFileSchema.safeParse(file).success).toBe(true);
    expect(file.plan.status).toBe('draft');
    expect(file.plan.leadOrg).toBe('dept-fgw');
    expect(file.industries.map((i) => i.sectionKey)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7']);
    expect(file.tasks.filter((t) => t.sectionKey === '2.2').every((t) => t.industryCode === 'new-materials')).toBe(true);
    expect(file.tasks.find((t) => t.content.startsWith('打造宁晋、开发区、沙河、威县'))?.counties.sort()).toEqual(['130523', '130528', '130532', '130533', '130571', '130582']);
    expect(file.measures.map((m) => m.sectionKey)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5']);
  });
});
