// Runs the validation rules over stored values (and, for a preview, the values about to be stored).
import type { RuleWarning } from '../../shared/statistics';
import { previousPeriod, parsePeriod } from './periods';
import type { StatisticsStore } from './ports';
import { runRules } from './rules';
import type { ValidValue } from './validate-values';

export type { RuleWarning };

/** Violations for the organisations × periods that `values` touch. `overlay` values replace stored ones (dry run). */
export async function checkRulesFor(store: StatisticsStore, values: Pick<ValidValue, 'orgId' | 'period' | 'indicatorCode' | 'value'>[], overlay: Pick<ValidValue, 'orgId' | 'period' | 'indicatorCode' | 'value'>[] | null): Promise<RuleWarning[]> {
  if (!values.length) return [];
  const orgIds = [...new Set(values.map((v) => v.orgId))];
  const periods = new Set<string>();
  for (const v of values) {
    periods.add(v.period);
    const p = parsePeriod(v.period);
    if (p && p.kind !== 'year' && p.index > 1) periods.add(previousPeriod(v.period));
  }
  const stored = await store.valuesOf({ orgIds, periods: [...periods] });
  return violationsOver(store, stored, overlay, values.map((v) => `${v.orgId}\u0001${v.period}`));
}

export async function violationsOver(
  store: StatisticsStore,
  stored: { orgId: string; indicatorCode: string; period: string; value: number }[],
  overlay: Pick<ValidValue, 'orgId' | 'period' | 'indicatorCode' | 'value'>[] | null,
  only?: string[],
): Promise<RuleWarning[]> {
  // Only the organisations named, when they are few (a check after a small write, not a whole-city run).
  const ids = new Set<string>();
  for (const v of stored) ids.add(v.orgId);
  for (const v of overlay ?? []) ids.add(v.orgId);
  const [rules, indicators, orgs] = await Promise.all([store.rules(), store.indicators(), store.orgInfos(ids.size <= 500 ? { ids: [...ids] } : undefined)]);
  const cumulative = new Set(indicators.filter((i) => i.cumulative && i.aggregation === 'sum' && i.level !== 'derived').map((i) => i.code));
  const byOrg = new Map<string, Map<string, Map<string, number>>>();
  const put = (orgId: string, code: string, period: string, value: number | null) => {
    let o = byOrg.get(orgId);
    if (!o) byOrg.set(orgId, (o = new Map()));
    let i = o.get(code);
    if (!i) o.set(code, (i = new Map()));
    if (value == null) i.delete(period);
    else i.set(period, value);
  };
  for (const v of stored) put(v.orgId, v.indicatorCode, v.period, v.value);
  for (const v of overlay ?? []) put(v.orgId, v.indicatorCode, v.period, v.value);
  const names = new Map(indicators.map((i) => [i.code, i]));
  const wanted = only ? new Set(only) : null;
  const orgById = new Map([...orgs.values()].map((o) => [o.orgId, o]));
  const out: RuleWarning[] = [];
  for (const [orgId, vals] of byOrg) {
    const periods = new Set<string>();
    for (const m of vals.values()) for (const p of m.keys()) if (!wanted || wanted.has(`${orgId}\u0001${p}`)) periods.add(p);
    const org = orgById.get(orgId);
    for (const v of runRules(rules, orgId, vals, [...periods].sort(), cumulative, names)) out.push({ ...v, orgCode: org?.code ?? orgId, orgName: org?.name ?? '' });
  }
  return out.sort((a, b) => a.orgCode.localeCompare(b.orgCode) || a.period.localeCompare(b.period) || a.ruleCode.localeCompare(b.ruleCode));
}
