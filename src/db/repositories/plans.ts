import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../core/ids';
import type { PlanFile, PlanSectionInput } from '../../shared/plan-file';
import type { PlanDetail, PlanSection, PlanSummary } from '../../shared/plan';
import { flag, parseJson, toBool } from '../mappers';
import type { DB } from '../schema';
import { updateVersioned } from './versioned';

type Db = Kysely<DB> | Transaction<DB>;

const summaryColumns = [
  'id', 'code', 'version', 'title', 'title_en', 'issuer', 'period_start', 'period_end', 'status',
  'is_default', 'row_version',
] as const;

type SummaryRow = {
  id: string; code: string; version: number; title: string; title_en: string; issuer: string;
  period_start: number; period_end: number; status: string; is_default: number; row_version: number;
};

const toSummary = (r: SummaryRow): PlanSummary => ({
  id: r.id,
  code: r.code,
  version: Number(r.version),
  title: r.title,
  titleEn: r.title_en,
  issuer: r.issuer,
  periodStart: Number(r.period_start),
  periodEnd: Number(r.period_end),
  status: r.status as PlanSummary['status'],
  isDefault: toBool(r.is_default),
  rowVersion: Number(r.row_version),
});

export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const rows = await db.selectFrom('plan').select(summaryColumns).orderBy('code').orderBy('version').execute();
  return rows.map(toSummary);
}

export async function findDefaultPlanId(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('plan')
    .select('id')
    .orderBy('is_default', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

export function setPlanStatus(db: Db, id: string, status: string, rowVersion: number, now: string): Promise<boolean> {
  return updateVersioned(db, 'plan', id, rowVersion, { status }, now);
}

/** Inserts a checked plan file as a new version of its plan code; returns the new plan's id. */
export async function insertPlan(
  trx: Transaction<DB>,
  file: PlanFile,
  orgIdByCode: ReadonlyMap<string, string>,
  opts: { isDefault: boolean; now: string },
): Promise<string> {
  const prev = await trx
    .selectFrom('plan')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', file.plan.code)
    .executeTakeFirst();
  const planId = newId();
  const orgId = (code: string | null | undefined) => (code ? (orgIdByCode.get(code) ?? null) : null);
  if (opts.isDefault) await trx.updateTable('plan').set({ is_default: 0 }).execute();
  await trx
    .insertInto('plan')
    .values({
      id: planId,
      code: file.plan.code,
      version: Number(prev?.v ?? 0) + 1,
      title: file.plan.title,
      title_en: file.plan.titleEn,
      issuer: file.plan.issuer,
      period_start: file.plan.periodStart,
      period_end: file.plan.periodEnd,
      basis_json: JSON.stringify(file.plan.basis),
      status: file.plan.status,
      lead_org_id: orgId(file.plan.leadOrg),
      source: file.plan.source ?? null,
      is_default: flag(opts.isDefault),
      created_at: opts.now,
      updated_at: opts.now,
    })
    .execute();

  const sectionId = new Map<string, string>();
  let sort = 0;
  const sectionRows: DB['plan_section'][] = [];
  const walk = (list: PlanSectionInput[], parentId: string | null) => {
    for (const s of list) {
      const id = newId();
      sectionId.set(s.key, id);
      sectionRows.push({
        id, plan_id: planId, parent_id: parentId, key: s.key, number: s.number, title: s.title,
        body: s.body ?? null, kind: s.kind, sort: sort++,
      });
      walk(s.children ?? [], id);
    }
  };
  walk(file.sections, null);
  for (const row of sectionRows) await trx.insertInto('plan_section').values(row).execute();

  const industryId = new Map<string, string>();
  for (const [i, ind] of file.industries.entries()) {
    const id = newId();
    industryId.set(ind.code, id);
    await trx
      .insertInto('plan_industry')
      .values({
        id, plan_id: planId, code: ind.code, name: ind.name, name_en: ind.nameEn,
        sei_categories_json: JSON.stringify(ind.seiCategories),
        section_id: sectionId.get(ind.sectionKey) ?? null, sort: i,
      })
      .execute();
  }
  for (const [i, t] of file.targets.entries()) {
    await trx
      .insertInto('target')
      .values({
        id: newId(), plan_id: planId, code: t.code, name: t.name, name_en: t.nameEn,
        indicator_code: t.indicatorCode, comparator: t.comparator, value: t.value,
        value_max: t.valueMax ?? null, unit: t.unit, year: t.year,
        baseline_year: t.baselineYear ?? null, baseline_value: t.baselineValue ?? null,
        tolerance: t.tolerance ?? null, direction: t.direction,
        section_id: sectionId.get(t.sectionKey) ?? null, source_text: t.sourceText, sort: i,
      })
      .execute();
  }
  for (const [i, t] of file.tasks.entries()) {
    const id = newId();
    await trx
      .insertInto('task')
      .values({
        id, plan_id: planId, code: t.code, section_id: sectionId.get(t.sectionKey)!, title: t.title,
        content: t.content, industry_id: t.industryCode ? (industryId.get(t.industryCode) ?? null) : null,
        lead_org_id: orgId(t.leadOrg), sort: i,
      })
      .execute();
    const links = [
      ...(t.leadOrg ? [{ code: t.leadOrg, role: 'lead' }] : []),
      ...t.responsibleOrgs.map((code) => ({ code, role: 'responsible' })),
      ...t.counties.map((code) => ({ code, role: 'county' })),
    ];
    const seen = new Set<string>();
    for (const l of links) {
      const oid = orgId(l.code);
      if (!oid || seen.has(`${oid}|${l.role}`)) continue;
      seen.add(`${oid}|${l.role}`);
      await trx.insertInto('task_org').values({ task_id: id, org_id: oid, role: l.role }).execute();
    }
  }
  for (const [i, m] of file.measures.entries()) {
    await trx
      .insertInto('measure')
      .values({
        id: newId(), plan_id: planId, code: m.code, section_id: sectionId.get(m.sectionKey)!,
        title: m.title, content: m.content, sort: i,
      })
      .execute();
  }
  for (const e of file.entities) {
    const id = newId();
    await trx
      .insertInto('plan_entity')
      .values({
        id, plan_id: planId, kind: e.kind, name: e.name, aliases_json: JSON.stringify(e.aliases),
        county_code: e.countyCode ?? null, org_id: orgId(e.orgCode),
        industry_id: e.industryCode ? (industryId.get(e.industryCode) ?? null) : null, note: e.note ?? null,
      })
      .execute();
    for (const key of new Set(e.sectionKeys)) {
      await trx.insertInto('plan_entity_section').values({ entity_id: id, section_id: sectionId.get(key)! }).execute();
    }
  }
  return planId;
}

export async function getPlanDetail(db: Db, planId: string): Promise<PlanDetail | null> {
  const plan = await db
    .selectFrom('plan')
    .leftJoin('organization as lead', 'lead.id', 'plan.lead_org_id')
    .select(summaryColumns.map((c) => `plan.${c}` as const))
    .select(['plan.basis_json', 'lead.code as lead_code', 'lead.name as lead_name'])
    .where('plan.id', '=', planId)
    .executeTakeFirst();
  if (!plan) return null;

  const sectionRows = await db
    .selectFrom('plan_section')
    .select(['id', 'parent_id', 'key', 'number', 'title', 'body', 'kind'])
    .where('plan_id', '=', planId)
    .orderBy('sort')
    .execute();
  const keyOf = new Map(sectionRows.map((s) => [s.id, s.key]));
  const nodes = new Map<string, PlanSection>();
  const roots: PlanSection[] = [];
  for (const s of sectionRows) {
    const node: PlanSection = {
      id: s.id, key: s.key, number: s.number, title: s.title, body: s.body,
      kind: s.kind as PlanSection['kind'], children: [],
    };
    nodes.set(s.id, node);
    const parent = s.parent_id ? nodes.get(s.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sectionKey = (id: string | null) => (id ? (keyOf.get(id) ?? null) : null);

  const seiNames = new Map(
    (await db.selectFrom('sei_category').select(['code', 'name']).execute()).map((r) => [r.code, r.name]),
  );
  const industries = await db
    .selectFrom('plan_industry')
    .select(['id', 'code', 'name', 'name_en', 'sei_categories_json', 'section_id'])
    .where('plan_id', '=', planId)
    .orderBy('sort')
    .execute();
  const industryCode = new Map(industries.map((i) => [i.id, i.code]));

  const targets = await db
    .selectFrom('target')
    .select([
      'id', 'code', 'name', 'name_en', 'indicator_code', 'comparator', 'value', 'value_max', 'unit', 'year',
      'baseline_year', 'baseline_value', 'tolerance', 'direction', 'section_id', 'source_text',
    ])
    .where('plan_id', '=', planId)
    .orderBy('sort')
    .execute();

  const tasks = await db
    .selectFrom('task')
    .select(['id', 'code', 'section_id', 'title', 'content', 'industry_id'])
    .where('plan_id', '=', planId)
    .orderBy('sort')
    .execute();
  const taskOrgs = await db
    .selectFrom('task_org')
    .innerJoin('task', 'task.id', 'task_org.task_id')
    .innerJoin('organization', 'organization.id', 'task_org.org_id')
    .select(['task_org.task_id', 'task_org.role', 'organization.code', 'organization.name'])
    .where('task.plan_id', '=', planId)
    .orderBy('organization.sort')
    .orderBy('organization.code')
    .execute();
  const orgsOf = (taskId: string, role: string) =>
    taskOrgs.filter((o) => o.task_id === taskId && o.role === role).map((o) => ({ code: o.code, name: o.name }));

  const measures = await db
    .selectFrom('measure')
    .select(['id', 'code', 'section_id', 'title', 'content'])
    .where('plan_id', '=', planId)
    .orderBy('sort')
    .execute();

  const entities = await db
    .selectFrom('plan_entity')
    .leftJoin('organization', 'organization.id', 'plan_entity.org_id')
    .select([
      'plan_entity.id', 'plan_entity.kind', 'plan_entity.name', 'plan_entity.aliases_json',
      'plan_entity.county_code', 'organization.code as org_code',
    ])
    .where('plan_entity.plan_id', '=', planId)
    .orderBy('plan_entity.kind')
    .orderBy('plan_entity.name')
    .execute();
  const mentions = await db
    .selectFrom('plan_entity_section')
    .innerJoin('plan_entity', 'plan_entity.id', 'plan_entity_section.entity_id')
    .select(['plan_entity_section.entity_id', 'plan_entity_section.section_id'])
    .where('plan_entity.plan_id', '=', planId)
    .execute();

  return {
    ...toSummary(plan as SummaryRow),
    basis: parseJson<string[]>(plan.basis_json, []),
    leadOrg: plan.lead_code ? { code: plan.lead_code, name: plan.lead_name ?? '' } : null,
    sections: roots,
    industries: industries.map((i) => ({
      id: i.id, code: i.code, name: i.name, nameEn: i.name_en, sectionKey: sectionKey(i.section_id),
      seiCategories: parseJson<string[]>(i.sei_categories_json, []).map((c) => ({ code: c, name: seiNames.get(c) ?? c })),
    })),
    targets: targets.map((t) => ({
      id: t.id, code: t.code, name: t.name, nameEn: t.name_en, indicatorCode: t.indicator_code,
      comparator: t.comparator as PlanDetail['targets'][number]['comparator'], value: Number(t.value),
      valueMax: t.value_max == null ? null : Number(t.value_max), unit: t.unit, year: Number(t.year),
      baselineYear: t.baseline_year == null ? null : Number(t.baseline_year),
      baselineValue: t.baseline_value == null ? null : Number(t.baseline_value),
      tolerance: t.tolerance == null ? null : Number(t.tolerance),
      direction: t.direction as 'increase' | 'decrease', sectionKey: sectionKey(t.section_id),
      sourceText: t.source_text,
    })),
    tasks: tasks.map((t) => {
      const lead = orgsOf(t.id, 'lead');
      return {
        id: t.id, code: t.code, sectionKey: sectionKey(t.section_id) ?? '', title: t.title, content: t.content,
        industryCode: t.industry_id ? (industryCode.get(t.industry_id) ?? null) : null,
        leadOrg: lead[0] ?? null, responsibleOrgs: orgsOf(t.id, 'responsible'), counties: orgsOf(t.id, 'county'),
      };
    }),
    measures: measures.map((m) => ({
      id: m.id, code: m.code, sectionKey: sectionKey(m.section_id) ?? '', title: m.title, content: m.content,
    })),
    entities: entities.map((e) => ({
      id: e.id, kind: e.kind as PlanDetail['entities'][number]['kind'], name: e.name,
      aliases: parseJson<string[]>(e.aliases_json, []), countyCode: e.county_code, orgCode: e.org_code,
      sectionKeys: mentions.filter((m) => m.entity_id === e.id).map((m) => keyOf.get(m.section_id) ?? ''),
    })),
  };
}
