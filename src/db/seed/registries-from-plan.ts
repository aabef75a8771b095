// Pre-fills the park and project registries with every park/base and project the plan names
// (plan entities of kind park and project). These are not demo figures: they are named in the plan. What
// the text does not say — status, recognition date, investment — is left empty with a note.
import type { Transaction } from 'kysely';
import type { ParkType } from '../../shared/registries';
import { parkRepository } from '../repositories/parks';
import { projectRepository } from '../repositories/projects';
import type { DB } from '../schema';

export function parkTypeOf(name: string): ParkType {
  if (/示范/.test(name)) return 'demo_base';
  if (/集聚区|集群/.test(name)) return 'cluster';
  if (/经济开发区$|开发区$/.test(name)) return 'zone';
  if (/园区|产业园|工业园|孵化器/.test(name)) return 'park';
  return 'base';
}

const UNKNOWN_NOTE = '计划文本点名；认定状态与日期未知，待登记 / named in the plan; status and recognition date not stated';

export async function prefillRegistriesFromPlan(trx: Transaction<DB>, planId: string, now: string): Promise<{ parks: number; projects: number }> {
  const entities = await trx
    .selectFrom('plan_entity')
    .leftJoin('plan_industry', 'plan_industry.id', 'plan_entity.industry_id')
    .leftJoin('organization', 'organization.code', 'plan_entity.county_code')
    .select(['plan_entity.id', 'plan_entity.kind', 'plan_entity.name', 'plan_entity.note', 'plan_industry.code as industry_code', 'organization.id as county_org_id', 'organization.code as county_code'])
    .where('plan_entity.plan_id', '=', planId)
    .where('plan_entity.kind', 'in', ['park', 'project'])
    .orderBy('plan_entity.kind')
    .orderBy('plan_entity.name')
    .execute();
  const parks = parkRepository(trx);
  const projects = projectRepository(trx);
  let p = 0;
  let q = 0;
  for (const e of entities) {
    const note = e.note ? `${UNKNOWN_NOTE}（${e.note}）` : UNKNOWN_NOTE;
    const extras = { countyOrgId: e.county_org_id ?? null, source: 'plan' as const, demo: false, planEntityId: e.id };
    if (e.kind === 'park') {
      if (await parks.findByName(e.name)) continue;
      await parks.insert({ name: e.name, type: parkTypeOf(e.name), countyCode: e.county_code ?? null, leadIndustries: e.industry_code ? [e.industry_code] : [], status: null, recognisedOn: null, note }, extras, now);
      p++;
    } else {
      if (await projects.findByName(e.name)) continue;
      await projects.insert({
        name: e.name, owner: null, industryCode: e.industry_code ?? null, countyCode: e.county_code ?? null, taskCode: null, totalInvestment: null,
        stage: null, plannedStart: null, actualStart: null, plannedEnd: null, note, annualPlans: [], investments: [], milestones: [], funds: [],
      }, extras, now);
      q++;
    }
  }
  return { parks: p, projects: q };
}
