// Indicators, data sets, validation rules and the organisation dimensions of statistics.
import type { Kysely, Transaction } from 'kysely';
import type { Dataset, OrgInfo } from '../../core/statistics/ports';
import type { Indicator, IndicatorFormula, IndicatorRanges, ValidationRule } from '../../shared/statistics';
import { flag, parseJson, toBool, toNum } from '../mappers';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

export async function listIndicators(db: Db): Promise<Indicator[]> {
  const rows = await db
    .selectFrom('indicator')
    .select(['code', 'name', 'name_en', 'unit', 'frequency', 'aggregation', 'cumulative', 'time_aggregation', 'decimals', 'direction', 'level', 'formula_json', 'min_value', 'max_value', 'soft_min', 'soft_max', 'integer_only', 'description', 'builtin', 'row_version'])
    .orderBy('sort')
    .execute();
  return rows.map((r) => ({
    code: r.code, name: r.name, nameEn: r.name_en, unit: r.unit, frequency: r.frequency as Indicator['frequency'],
    aggregation: r.aggregation as Indicator['aggregation'], cumulative: toBool(r.cumulative),
    timeAggregation: r.time_aggregation as Indicator['timeAggregation'], decimals: Number(r.decimals),
    direction: r.direction as Indicator['direction'], level: r.level as Indicator['level'],
    formula: parseJson<IndicatorFormula | null>(r.formula_json, null), minValue: toNum(r.min_value), maxValue: toNum(r.max_value),
    softMin: toNum(r.soft_min), softMax: toNum(r.soft_max), integer: toBool(r.integer_only),
    description: r.description, builtin: toBool(r.builtin), rowVersion: Number(r.row_version),
  }));
}

export async function insertIndicators(db: Db, list: Indicator[], now: string): Promise<void> {
  for (const [i, d] of list.entries()) {
    await db.insertInto('indicator').values({
      code: d.code, name: d.name, name_en: d.nameEn, unit: d.unit, frequency: d.frequency, aggregation: d.aggregation,
      cumulative: flag(d.cumulative), time_aggregation: d.timeAggregation, decimals: d.decimals, direction: d.direction,
      level: d.level, formula_json: d.formula ? JSON.stringify(d.formula) : null, min_value: d.minValue, max_value: d.maxValue, soft_min: d.softMin, soft_max: d.softMax, integer_only: flag(d.integer),
      description: d.description, sort: i, builtin: flag(d.builtin), created_at: now, updated_at: now,
    }).execute();
  }
}

export async function insertIndicator(db: Db, d: Indicator, now: string): Promise<void> {
  const max = await db.selectFrom('indicator').select((eb) => eb.fn.max('sort').as('m')).executeTakeFirst();
  await db.insertInto('indicator').values({
    code: d.code, name: d.name, name_en: d.nameEn, unit: d.unit, frequency: d.frequency, aggregation: d.aggregation,
    cumulative: flag(d.cumulative), time_aggregation: d.timeAggregation, decimals: d.decimals, direction: d.direction,
    level: d.level, formula_json: null, min_value: d.minValue, max_value: d.maxValue, soft_min: d.softMin, soft_max: d.softMax, integer_only: flag(d.integer), description: d.description,
    sort: Number(max?.m ?? 0) + 1, builtin: 0, created_at: now, updated_at: now,
  }).execute();
}

export async function listDatasets(db: Db): Promise<Dataset[]> {
  const rows = await db.selectFrom('dataset').select(['code', 'name', 'name_en', 'frequency', 'org_kind', 'deadline_days', 'expiry_days', 'row_version']).orderBy('code').execute();
  const links = await db.selectFrom('dataset_indicator').select(['dataset_code', 'indicator_code']).orderBy('sort').execute();
  return rows.map((r) => ({
    code: r.code, name: r.name, nameEn: r.name_en, frequency: r.frequency as Dataset['frequency'], orgKind: r.org_kind as Dataset['orgKind'],
    deadlineDays: Number(r.deadline_days), expiryDays: toNum(r.expiry_days), rowVersion: Number(r.row_version),
    indicators: links.filter((l) => l.dataset_code === r.code).map((l) => l.indicator_code),
  }));
}

export async function insertDataset(db: Db, d: Omit<Dataset, 'rowVersion'>, now: string): Promise<void> {
  await db.insertInto('dataset').values({
    code: d.code, name: d.name, name_en: d.nameEn, frequency: d.frequency, org_kind: d.orgKind, deadline_days: d.deadlineDays,
    expiry_days: d.expiryDays, created_at: now, updated_at: now,
  }).execute();
  await insertDatasetIndicators(db, d.code, d.indicators);
}

async function insertDatasetIndicators(db: Db, code: string, indicators: readonly string[]): Promise<void> {
  if (!indicators.length) return;
  await db.insertInto('dataset_indicator').values(indicators.map((indicator_code, sort) => ({ dataset_code: code, indicator_code, sort }))).execute();
}

/** Changes names, deadline and expiry and replaces the indicator list (frequency and org kind are fixed). */
export async function updateDataset(db: Db, d: Omit<Dataset, 'rowVersion'>, expected: number, now: string): Promise<boolean> {
  const r = await db.updateTable('dataset')
    .set((eb) => ({ name: d.name, name_en: d.nameEn, deadline_days: d.deadlineDays, expiry_days: d.expiryDays, updated_at: now, row_version: eb('row_version', '+', 1) }))
    .where('code', '=', d.code).where('row_version', '=', expected).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('dataset_indicator').where('dataset_code', '=', d.code).execute();
  await insertDatasetIndicators(db, d.code, d.indicators);
  return true;
}

/** Deletes a data set with its indicator list and reminders; stored values are keyed without it and stay. */
export async function deleteDataset(db: Db, code: string, expected: number): Promise<boolean> {
  const current = await db.selectFrom('dataset').select('row_version').where('code', '=', code).executeTakeFirst();
  if (!current || Number(current.row_version) !== expected) return false;
  await db.deleteFrom('dataset_indicator').where('dataset_code', '=', code).execute();
  await db.deleteFrom('reminder').where('dataset_code', '=', code).execute();
  const r = await db.deleteFrom('dataset').where('code', '=', code).where('row_version', '=', expected).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function datasetReportCount(db: Db, code: string): Promise<number> {
  const r = await db.selectFrom('report').select((eb) => eb.fn.countAll().as('n')).where('dataset_code', '=', code).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function listRules(db: Db): Promise<ValidationRule[]> {
  const rows = await db.selectFrom('validation_rule').select(['code', 'name', 'name_en', 'kind', 'left_expr', 'operator', 'right_expr', 'missing_strategy', 'builtin', 'active']).orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code, name: r.name, nameEn: r.name_en, kind: r.kind as ValidationRule['kind'], leftExpr: r.left_expr,
    operator: r.operator as ValidationRule['operator'], rightExpr: r.right_expr, missingStrategy: r.missing_strategy as ValidationRule['missingStrategy'],
    builtin: toBool(r.builtin), active: toBool(r.active),
  }));
}

export async function upsertRule(db: Db, r: ValidationRule, now: string): Promise<void> {
  const row = {
    name: r.name, name_en: r.nameEn, kind: r.kind, left_expr: r.leftExpr, operator: r.operator, right_expr: r.rightExpr,
    missing_strategy: r.missingStrategy, builtin: flag(r.builtin), active: flag(r.active), updated_at: now,
  };
  await db.insertInto('validation_rule').values({ code: r.code, ...row, created_at: now })
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ ...row, row_version: eb('validation_rule.row_version', '+', 1) })))
    .execute();
}

/** Every organisation with the dimensions its values aggregate into. */
export async function orgInfos(db: Db, only?: { codes?: readonly string[]; ids?: readonly string[] }): Promise<Map<string, OrgInfo>> {
  let q = db
    .selectFrom('organization as o')
    .leftJoin('enterprise as e', 'e.org_id', 'o.id')
    .leftJoin('organization as c', 'c.id', 'e.county_org_id')
    .select(['o.id', 'o.code', 'o.name', 'o.kind', 'o.active', 'e.county_org_id', 'c.code as county_code', 'e.park_code', 'e.plan_industry_code', 'e.sei_l1', 'e.sei_partial', 'e.sei_confirmed', 'e.active as e_active', 'e.demo', 'e.search_key']);
  if (only) {
    const codes = [...new Set(only.codes ?? [])];
    const ids = [...new Set(only.ids ?? [])];
    q = q.where((eb) => eb.or([
      eb('o.kind', '=', 'city'),
      ...(codes.length ? [eb('o.code', 'in', codes)] : []),
      ...(ids.length ? [eb('o.id', 'in', ids)] : []),
    ]));
  }
  const rows = await q.execute();
  const city = rows.find((r) => r.kind === 'city')?.code ?? null;
  const out = new Map<string, OrgInfo>();
  for (const r of rows) {
    const isCounty = r.kind === 'county' || r.kind === 'zone';
    out.set(r.code, {
      orgId: r.id, code: r.code, name: r.name, kind: r.kind, cityCode: city,
      countyCode: isCounty ? r.code : (r.county_code ?? null), countyOrgId: isCounty ? r.id : (r.county_org_id ?? null),
      parkCode: r.park_code ?? null, industryCode: r.plan_industry_code ?? null, seiL1: r.sei_l1 ?? null,
      seiCounted: r.sei_l1 != null && (!toBool(r.sei_partial) || toBool(r.sei_confirmed)),
      active: toBool(r.active) && (r.e_active == null || toBool(r.e_active)), demo: toBool(r.demo), searchKey: r.search_key ?? null,
    });
  }
  return out;
}

/** Updates the plausibility ranges of an indicator at the row version read (false when it changed). */
export async function updateIndicatorRanges(db: Db, code: string, r: IndicatorRanges, expectedRowVersion: number, now: string): Promise<boolean> {
  const res = await db.updateTable('indicator')
    .set((eb) => ({ min_value: r.minValue, max_value: r.maxValue, soft_min: r.softMin, soft_max: r.softMax, integer_only: flag(r.integer), updated_at: now, row_version: eb('row_version', '+', 1) }))
    .where('code', '=', code).where('row_version', '=', expectedRowVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function indicatorRowVersion(db: Db, code: string): Promise<number | null> {
  const r = await db.selectFrom('indicator').select('row_version').where('code', '=', code).executeTakeFirst();
  return r ? Number(r.row_version) : null;
}
