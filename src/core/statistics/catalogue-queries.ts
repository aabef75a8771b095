// Reading the catalogue (indicators, rules; data sets are in datasets.ts), editing rules, listing
// rule violations, the value audit, and the rows of an export or an import template.
import { z } from 'zod';
import { IndicatorInput, IndicatorRangesInput, ValidationRuleInput, type Indicator, type ValidationRule, type ValueAuditEntry } from '../../shared/statistics';
import { AppError, notFound } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { canReadValues } from './context';
import { findDataset, findOrg } from './lookup';
import { normalizePeriod, parsePeriod, previousPeriod } from './periods';
import { parseExpression } from './rules';
import { violationsOver, type RuleWarning } from './run-validation';
import { wideTemplateHeader } from './value-table';

export async function listIndicators(deps: Deps, actor: Actor): Promise<Indicator[]> {
  authorize(actor, 'read', 'indicator');
  return deps.store.statistics.indicators();
}

/** Adds a custom indicator (statistician, admin); it can then be imported, aggregated and used in rules. */
export async function createIndicator(deps: Deps, actor: Actor, raw: unknown, now: Date): Promise<Indicator> {
  authorize(actor, 'create', 'indicator');
  const input = parseInput(IndicatorInput, raw);
  const indicator: Indicator = { ...input, formula: null, builtin: false };
  return deps.store.transaction(async (tx) => {
    if ((await tx.statistics.indicators()).some((i) => i.code === input.code)) {
      throw new AppError('CONFLICT', { zh: `指标代码已存在：${input.code}`, en: `indicator ${input.code} already exists` });
    }
    await tx.statistics.insertIndicator(indicator, now.toISOString());
    await tx.audit.write({ actorId: actor.userId, actorName: actor.username, action: 'create', entity: 'indicator', entityId: input.code, after: indicator });
    return indicator;
  });
}

/**
 * Sets the plausibility ranges of an indicator (statistician, admin): hard range (refused), soft range
 * (warned, stored when confirmed), whole numbers only. Stored values are not re-checked.
 */
export async function updateIndicatorRanges(deps: Deps, actor: Actor, code: string, raw: unknown, now: Date): Promise<Indicator> {
  authorize(actor, 'update', 'indicator');
  const { rowVersion, ...ranges } = parseInput(IndicatorRangesInput, raw);
  return deps.store.transaction(async (tx) => {
    const before = (await tx.statistics.indicators()).find((i) => i.code === code);
    if (!before) throw notFound({ zh: '指标', en: 'indicator' }, code);
    if (before.level === 'derived') throw new AppError('VALIDATION', { zh: `${before.name} 为计算指标，不填报，无需合理范围`, en: `${code} is computed, not entered: it has no plausibility range` });
    if (!(await tx.statistics.updateIndicatorRanges(code, ranges, rowVersion, now.toISOString()))) throw new AppError('CONFLICT');
    const after = { ...before, ...ranges, rowVersion: rowVersion + 1 };
    const pick = (i: Indicator) => ({ minValue: i.minValue, maxValue: i.maxValue, softMin: i.softMin, softMax: i.softMax, integer: i.integer });
    await tx.audit.write({ actorId: actor.userId, actorName: actor.username, action: 'update', entity: 'indicator', entityId: code, before: pick(before), after: pick(after) });
    return after;
  });
}

export async function listRules(deps: Deps, actor: Actor): Promise<ValidationRule[]> {
  authorize(actor, 'read', 'indicator');
  return deps.store.statistics.rules();
}

export async function saveRule(deps: Deps, actor: Actor, raw: unknown, now: Date): Promise<ValidationRule> {
  authorize(actor, 'update', 'indicator');
  const input = parseInput(ValidationRuleInput, raw);
  const codes = new Set((await deps.store.statistics.indicators()).map((i) => i.code));
  if (input.kind === 'expression') {
    for (const [field, expr] of [['leftExpr', input.leftExpr], ['rightExpr', input.rightExpr]] as const) {
      if (!expr.trim()) continue;
      try {
        const unknown = (expr.match(/[A-Z][A-Z0-9_]*/g) ?? []).filter((c) => !codes.has(c));
        parseExpression(expr);
        if (unknown.length) throw new Error(`未知指标 unknown indicator: ${unknown.join(', ')}`);
      } catch (err) {
        throw new AppError('VALIDATION', { zh: `表达式有误：${(err as Error).message}`, en: `invalid expression: ${(err as Error).message}` }, [{ path: field, message: (err as Error).message }]);
      }
    }
  }
  const existing = (await deps.store.statistics.rules()).find((r) => r.code === input.code);
  const rule: ValidationRule = { ...input, builtin: existing?.builtin ?? false };
  await deps.store.transaction(async (tx) => {
    await tx.statistics.upsertRule(rule, now.toISOString());
    await tx.audit.write({ actorId: actor.userId, actorName: actor.username, action: existing ? 'update' : 'create', entity: 'validation_rule', entityId: rule.code, before: existing, after: rule });
  });
  return rule;
}

export async function listViolations(deps: Deps, actor: Actor, q: { period: string; dataset?: string; org?: string }): Promise<RuleWarning[]> {
  authorize(actor, 'read', 'datavalue');
  const st = deps.store.statistics;
  const period = normalizePeriod(q.period);
  if (!period) throw new AppError('VALIDATION', { zh: `期间格式有误：${q.period}`, en: `invalid period ${q.period}` });
  const p = parsePeriod(period)!;
  const periods = p.kind !== 'year' && p.index > 1 ? [period, previousPeriod(period)] : [period];
  const ds = q.dataset ? await findDataset(st, q.dataset) : null;
  const orgs = [...(await st.orgInfos()).values()].filter((o) => canReadValues(actor, o));
  const only = q.org ? [await findOrg(st, q.org)] : orgs;
  if (q.org && !canReadValues(actor, only[0]!)) throw new AppError('FORBIDDEN');
  const stored = await st.valuesOf({ orgIds: q.org || actor.role === 'enterprise' || actor.role === 'county' ? only.map((o) => o.orgId) : undefined, periods, indicatorCodes: ds?.indicators });
  const allowed = new Set(only.map((o) => o.orgId));
  const mine = stored.filter((v) => allowed.has(v.orgId));
  return violationsOver(st, mine, null, [...new Set(mine.filter((v) => v.period === period).map((v) => `${v.orgId}\u0001${period}`))]);
}

export async function valueAudit(deps: Deps, actor: Actor, q: { org: string; indicator?: string; period?: string; limit?: number }): Promise<ValueAuditEntry[]> {
  authorize(actor, 'read', 'datavalue');
  const org = await findOrg(deps.store.statistics, q.org);
  if (!canReadValues(actor, org)) throw new AppError('FORBIDDEN');
  const rows = await deps.store.statistics.valueAudit({ orgId: org.orgId, indicatorCode: q.indicator, period: q.period ? (normalizePeriod(q.period) ?? q.period) : undefined, limit: Math.min(q.limit ?? 200, 1000) });
  return rows.map(({ orgId: _o, ...r }) => ({ orgCode: org.code, ...r }));
}

export const ExportQuery = z.object({
  period: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  indicator: z.string().optional(),
  org: z.string().optional(),
  dataset: z.string().optional(),
});

export const EXPORT_HEADER = ['org_code', 'org_name', 'indicator_code', 'period', 'value', 'status', 'source', 'reliability', 'comment', 'source_url'];

/** Long-format rows (re-importable: the first five columns are the import layout) for what the actor may read. */
export async function exportRows(deps: Deps, actor: Actor | null, raw: unknown): Promise<(string | number | null)[][]> {
  if (actor) authorize(actor, 'read', 'datavalue');
  const q = parseInput(ExportQuery, raw);
  const st = deps.store.statistics;
  const norm = (p?: string) => (p ? (normalizePeriod(p) ?? (() => { throw new AppError('VALIDATION', { zh: `期间格式有误：${p}`, en: `invalid period ${p}` }); })()) : undefined);
  const ds = q.dataset ? await findDataset(st, q.dataset) : null;
  const orgs = await st.orgInfos();
  const byId = new Map([...orgs.values()].map((o) => [o.orgId, o]));
  const org = q.org ? await findOrg(st, q.org) : null;
  const rows = await st.valuesOf({
    orgIds: org ? [org.orgId] : undefined, indicatorCodes: q.indicator ? [q.indicator] : ds?.indicators,
    periods: q.period ? [norm(q.period)!] : undefined, fromPeriod: norm(q.from), toPeriod: norm(q.to),
  });
  const out: (string | number | null)[][] = [EXPORT_HEADER];
  for (const r of rows) {
    const o = byId.get(r.orgId);
    if (!o || !(actor === null || canReadValues(actor, o))) continue;
    out.push([o.code, o.name, r.indicatorCode, r.period, r.value, r.status, r.source, r.reliability, r.comment, r.sourceUrl]);
  }
  return out;
}

/** The import template of a data set: the wide layout with one row per organisation the actor may report for. */
export async function templateRows(deps: Deps, actor: Actor, q: { dataset: string; period?: string; layout?: 'wide' | 'long' }): Promise<(string | number | null)[][]> {
  authorize(actor, 'read', 'dataset');
  const st = deps.store.statistics;
  const ds = await findDataset(st, q.dataset);
  const inds = new Map((await st.indicators()).map((i) => [i.code, i]));
  const period = q.period ? (normalizePeriod(q.period) ?? q.period) : '';
  const orgs = [...(await st.orgInfos()).values()]
    .filter((o) => o.active && (ds.orgKind === 'enterprise' ? o.kind === 'enterprise' : o.kind === 'city') && canReadValues(actor, o))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (q.layout === 'long') {
    const out: (string | number | null)[][] = [['org_code', 'indicator_code', 'period', 'value', 'comment']];
    for (const o of orgs.slice(0, 2000)) for (const code of ds.indicators) out.push([o.code, code, period, null, null]);
    return out;
  }
  const header = wideTemplateHeader(ds.indicators.map((c) => inds.get(c) ?? notFoundIndicator(c)));
  return [header, ...orgs.map((o) => [o.code, o.name, period, ...ds.indicators.map(() => null)])];
}

function notFoundIndicator(code: string): never {
  throw notFound({ zh: '指标', en: 'indicator' }, code);
}
