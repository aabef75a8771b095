// Targets of a plan for the targets feature (the plan detail has them too, but with everything else).
import type { Kysely, Transaction } from 'kysely';
import type { PlanTargets } from '../../core/targets/ports';
import type { Target } from '../../shared/plan';
import type { DB } from '../schema';
import { findDefaultPlanId } from './plans';

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
  'target.id', 'target.plan_id', 'target.code', 'target.name', 'target.name_en', 'target.indicator_code', 'target.comparator',
  'target.value', 'target.value_max', 'target.unit', 'target.year', 'target.baseline_year', 'target.baseline_value',
  'target.tolerance', 'target.direction', 'target.source_text', 'plan_section.key as section_key',
] as const;

async function targetRows(db: Db, where: { planId?: string; id?: string }) {
  let q = db.selectFrom('target').leftJoin('plan_section', 'plan_section.id', 'target.section_id').select(columns).orderBy('target.sort');
  if (where.planId) q = q.where('target.plan_id', '=', where.planId);
  if (where.id) q = q.where('target.id', '=', where.id);
  const rows = await q.execute();
  return rows.map((t): Target & { planId: string } => ({
    id: t.id, planId: t.plan_id, code: t.code, name: t.name, nameEn: t.name_en, indicatorCode: t.indicator_code,
    comparator: t.comparator as Target['comparator'], value: Number(t.value), valueMax: t.value_max == null ? null : Number(t.value_max),
    unit: t.unit, year: Number(t.year), baselineYear: t.baseline_year == null ? null : Number(t.baseline_year),
    baselineValue: t.baseline_value == null ? null : Number(t.baseline_value), tolerance: t.tolerance == null ? null : Number(t.tolerance),
    direction: t.direction as Target['direction'], sectionKey: t.section_key, sourceText: t.source_text,
  }));
}

const strip = ({ planId: _p, ...t }: Target & { planId: string }): Target => t;

export async function planTargets(db: Db, planId: string | null): Promise<PlanTargets | null> {
  const id = planId ?? (await findDefaultPlanId(db));
  if (!id) return null;
  const plan = await db.selectFrom('plan').select(['id', 'period_start', 'period_end']).where('id', '=', id).executeTakeFirst();
  if (!plan) return null;
  return { planId: plan.id, periodStart: Number(plan.period_start), periodEnd: Number(plan.period_end), targets: (await targetRows(db, { planId: id })).map(strip) };
}

export async function targetById(db: Db, id: string): Promise<(PlanTargets & { target: Target }) | null> {
  const [row] = await targetRows(db, { id });
  if (!row) return null;
  const plan = await planTargets(db, row.planId);
  return plan ? { ...plan, target: strip(row) } : null;
}
