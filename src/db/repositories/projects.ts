// 重大项目 register with its annual plans, monthly investment, milestones and funds. An update replaces
// the child rows wholesale under the project's row_version.
import { cachedSearchKey } from '../search-key';
import type { StoredProject, WriteExtras } from '../../core/registries/ports';
import { newId } from '../../core/ids';
import type { ProjectInput } from '../../shared/registries';
import { flag, toBool, toIso } from '../mappers';
import { deleteVersioned, updateVersioned, type Db } from './versioned';
import { reviewFundsOfProjects } from './review-project-funds';

const columns = [
  'p.id', 'p.name', 'p.owner', 'p.industry_code', 'p.county_org_id', 'p.task_code', 'p.total_investment', 'p.stage', 'p.planned_start',
  'p.actual_start', 'p.planned_end', 'p.note', 'p.source', 'p.demo', 'p.row_version', 'p.updated_at',
  'o.code as county_code', 'o.name as county_name',
] as const;

function query(db: Db) {
  return db.selectFrom('project as p').leftJoin('organization as o', 'o.id', 'p.county_org_id').select(columns);
}

async function load(db: Db, where: { id?: string; name?: string }): Promise<StoredProject[]> {
  let q = query(db).orderBy('p.created_at').orderBy('p.id');
  if (where.id) q = q.where('p.id', '=', where.id);
  if (where.name) q = q.where('p.name', '=', where.name);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const review = await reviewFundsOfProjects(db, ids);
  const [plans, investments, milestones, funds] = await Promise.all([
    db.selectFrom('project_annual_plan').select(['project_id', 'year', 'planned']).where('project_id', 'in', ids).orderBy('year').execute(),
    db.selectFrom('project_investment').select(['project_id', 'period', 'amount']).where('project_id', 'in', ids).orderBy('period').execute(),
    db.selectFrom('project_milestone').select(['project_id', 'name', 'planned_on', 'done_on']).where('project_id', 'in', ids).orderBy('sort').execute(),
    db.selectFrom('project_fund').select(['project_id', 'source', 'period', 'planned', 'disbursed']).where('project_id', 'in', ids).orderBy('sort').execute(),
  ]);
  return rows.map((r) => ({
    id: r.id, name: r.name, owner: r.owner, industryCode: r.industry_code, countyCode: r.county_code ?? null, countyOrgId: r.county_org_id,
    countyName: r.county_name ?? null, taskCode: r.task_code, totalInvestment: r.total_investment == null ? null : Number(r.total_investment),
    stage: (r.stage as StoredProject['stage']) ?? null, plannedStart: r.planned_start, actualStart: r.actual_start, plannedEnd: r.planned_end,
    note: r.note, source: r.source as StoredProject['source'], demo: toBool(r.demo), rowVersion: Number(r.row_version), searchKey: cachedSearchKey(r.name),
    updatedAt: toIso(r.updated_at) ?? '',
    annualPlans: plans.filter((x) => x.project_id === r.id).map((x) => ({ year: Number(x.year), planned: Number(x.planned) })),
    investments: investments.filter((x) => x.project_id === r.id).map((x) => ({ period: x.period, amount: Number(x.amount) })),
    milestones: milestones.filter((x) => x.project_id === r.id).map((x) => ({ name: x.name, plannedOn: x.planned_on, doneOn: x.done_on })),
    funds: funds.filter((x) => x.project_id === r.id).map((x) => ({ source: x.source, period: x.period, planned: Number(x.planned), disbursed: Number(x.disbursed) })),
    ...(review.has(r.id) ? { reviewFunds: review.get(r.id)! } : {}),
  }));
}

const values = (p: ProjectInput, countyOrgId: string | null) => ({
  name: p.name, owner: p.owner, industry_code: p.industryCode, county_org_id: countyOrgId, task_code: p.taskCode,
  total_investment: p.totalInvestment, stage: p.stage, planned_start: p.plannedStart, actual_start: p.actualStart,
  planned_end: p.plannedEnd, note: p.note,
});

async function writeChildren(db: Db, id: string, p: ProjectInput): Promise<void> {
  for (const t of ['project_annual_plan', 'project_investment', 'project_milestone', 'project_fund'] as const) {
    await db.deleteFrom(t).where('project_id', '=', id).execute();
  }
  if (p.annualPlans.length) await db.insertInto('project_annual_plan').values(p.annualPlans.map((a) => ({ project_id: id, year: a.year, planned: a.planned }))).execute();
  if (p.investments.length) await db.insertInto('project_investment').values(p.investments.map((a) => ({ project_id: id, period: a.period, amount: a.amount }))).execute();
  if (p.milestones.length) await db.insertInto('project_milestone').values(p.milestones.map((m, i) => ({ id: newId(), project_id: id, name: m.name, planned_on: m.plannedOn, done_on: m.doneOn, sort: i }))).execute();
  if (p.funds.length) await db.insertInto('project_fund').values(p.funds.map((f, i) => ({ id: newId(), project_id: id, source: f.source, period: f.period, planned: f.planned, disbursed: f.disbursed, sort: i }))).execute();
}

export const projectRepository = (db: Db) => ({
  list: () => load(db, {}),
  get: async (id: string) => (await load(db, { id }))[0] ?? null,
  findByName: async (name: string) => (await load(db, { name }))[0] ?? null,
  insert: async (p: ProjectInput, x: WriteExtras & { planEntityId?: string | null }, now: string) => {
    const id = newId();
    await db.insertInto('project').values({ id, ...values(p, x.countyOrgId), source: x.source, plan_entity_id: x.planEntityId ?? null, demo: flag(x.demo), created_at: now, updated_at: now }).execute();
    await writeChildren(db, id, p);
    return id;
  },
  update: async (id: string, rowVersion: number, p: ProjectInput, x: Pick<WriteExtras, 'countyOrgId'>, now: string) => {
    if (!(await updateVersioned(db, 'project', id, rowVersion, values(p, x.countyOrgId), now))) return false;
    await writeChildren(db, id, p);
    return true;
  },
  delete: (id: string, rowVersion: number) => deleteVersioned(db, 'project', id, rowVersion),
});
