// Reads the figures a scheme needs for a year from what the product holds, as the actor may see them
// (a confidential aggregate cell is missing for a reader below statistician, never 0). A count of 0
// is a figure (no platform); a rate with nothing due is missing.
import type { CriterionInfo, RunSnapshot, SchemeDefinition, SubjectKind } from '../../shared/evaluation';
import { AppError } from '../app-error';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { listRegistry } from '../registries/list-registry';
import { getAggregates } from '../statistics/aggregate-queries';
import { daysAfterPeriodEnd } from '../statistics/periods';
import { computeBulletin } from '../supervision/compute-bulletin';
import { criterionInfo } from './criteria';

type Column = Map<string, number | null>;

export async function subjectsOf(deps: Deps, kind: SubjectKind): Promise<{ key: string; name: string }[]> {
  if (kind === 'industry') return (await deps.store.statistics.enterprises.planIndustries()).map((i) => ({ key: i.code, name: i.name }));
  const kinds = kind === 'county' ? ['county', 'zone'] : ['department'];
  const orgs = (await deps.store.orgs.list()).filter((o) => kinds.includes(o.kind) && o.active);
  return orgs.map((o) => ({ key: o.code, name: o.name }));
}

const byKey = (rows: { key: string; value: number | null }[]): Column => new Map(rows.map((r) => [r.key, r.value]));

async function aggregateColumn(deps: Deps, actor: Actor | null, indicator: string, dim: 'county' | 'industry', year: string, pick: 'value' | 'yoy' | 'matched'): Promise<Column> {
  const a = await getAggregates(deps, actor, { indicator, dim, period: year });
  return byKey(a.rows.filter((r) => !r.reconciling).map((r) => ({ key: r.key, value: pick === 'value' ? r.value : pick === 'yoy' ? r.yoy : r.matched.yoy })));
}

async function projectColumns(deps: Deps, actor: Actor | null, kind: 'county' | 'industry', year: string): Promise<{ completion: Column; red: Column }> {
  const projects = await listRegistry(deps, actor, 'project', `${year}-12-31`);
  const acc = new Map<string, { planned: number; done: number; n: number; red: number }>();
  for (const p of projects) {
    const key = kind === 'county' ? p.countyCode : p.industryCode;
    if (!key) continue;
    const a = acc.get(key) ?? { planned: 0, done: 0, n: 0, red: 0 };
    a.n += 1;
    a.planned += p.lights.annualPlanned ?? 0;
    a.done += p.lights.doneThisYear;
    if ([p.lights.start, p.lights.progress, p.lights.funds, p.lights.milestones].includes('red')) a.red += 1;
    acc.set(key, a);
  }
  const completion: Column = new Map();
  const red: Column = new Map();
  for (const [k, a] of acc) {
    completion.set(k, a.planned > 0 ? (a.done / a.planned) * 100 : null);
    red.set(k, (a.red / a.n) * 100);
  }
  return { completion, red };
}

async function registryCount(deps: Deps, actor: Actor | null, kind: 'platform' | 'park', year: string, counties: string[]): Promise<Column> {
  const list = await listRegistry(deps, actor, kind, `${year}-12-31`);
  const col: Column = new Map(counties.map((c) => [c, 0]));
  for (const r of list) if (r.countsAsOf && r.countyCode && col.has(r.countyCode)) col.set(r.countyCode, (col.get(r.countyCode) ?? 0) + 1);
  return col;
}

async function reportColumns(deps: Deps, year: string): Promise<{ onTime: Column; approval: Column }> {
  const st = deps.store.statistics;
  const ds = (await st.datasets()).find((d) => d.code === 'ENT_MONTHLY');
  const onTime: Column = new Map();
  const approval: Column = new Map();
  if (!ds) return { onTime, approval };
  const periods = Array.from({ length: 12 }, (_, i) => `${year}${String(i + 1).padStart(2, '0')}`);
  const infos = await st.orgInfos();
  const countyOf = new Map<string, string>();
  const due = new Map<string, number>();
  for (const o of infos.values()) {
    if (o.kind !== 'enterprise' || !o.active || !o.countyCode) continue;
    countyOf.set(o.orgId, o.countyCode);
    due.set(o.countyCode, (due.get(o.countyCode) ?? 0) + periods.length);
  }
  const acc = new Map<string, { onTime: number; submitted: number; approved: number }>();
  for (const r of await st.reports({ datasetCode: ds.code, periods })) {
    const county = countyOf.get(r.orgId);
    if (!county) continue;
    const a = acc.get(county) ?? { onTime: 0, submitted: 0, approved: 0 };
    if (r.submittedAt) {
      a.submitted += 1;
      if (new Date(r.submittedAt).getTime() <= daysAfterPeriodEnd(r.period, ds.deadlineDays).getTime()) a.onTime += 1;
    }
    if (r.status === 'approved') a.approved += 1;
    acc.set(county, a);
  }
  for (const [county, d] of due) {
    const a = acc.get(county) ?? { onTime: 0, submitted: 0, approved: 0 };
    onTime.set(county, (a.onTime / d) * 100);
    approval.set(county, a.submitted ? (a.approved / a.submitted) * 100 : null);
  }
  return { onTime, approval };
}

async function supervisionColumns(deps: Deps, actor: Actor | null, kind: SubjectKind, year: string, now: Date): Promise<{ onTime: Column; closure: Column; red: Column }> {
  const b = await computeBulletin(deps, actor, { period: year }, now);
  const rows = kind === 'county' ? b.counties : b.departments;
  return {
    onTime: byKey(rows.map((r) => ({ key: r.org.code, value: r.onTimeRate }))),
    closure: byKey(rows.map((r) => ({ key: r.org.code, value: r.closureRate }))),
    red: byKey(rows.map((r) => ({ key: r.org.code, value: r.tasks ? r.redDays : null }))),
  };
}

export function schemeCriteria(def: SchemeDefinition): (CriterionInfo & { group: string; direction: 1 | -1 })[] {
  return def.groups.flatMap((g, gi) => g.criteria.map((c, ci) => {
    const info = criterionInfo(c.source);
    if (!info) throw new AppError('VALIDATION', { zh: `第 ${gi + 1} 组第 ${ci + 1} 个指标“${c.source}”不在可选指标中`, en: `group ${gi + 1}, criterion ${ci + 1}: "${c.source}" is not an available criterion` }, [{ path: `definition.groups.${gi}.criteria.${ci}.source`, message: 'unknown criterion' }]);
    if (!info.subjects.includes(def.subjectKind)) throw new AppError('VALIDATION', { zh: `指标“${info.name.zh}”不适用于此类评价对象`, en: `criterion "${info.name.en}" is not available for ${def.subjectKind} subjects` }, [{ path: `definition.groups.${gi}.criteria.${ci}.source`, message: 'not for this subject kind' }]);
    return { ...info, group: g.key, direction: c.direction ?? info.direction };
  }));
}

/** The data snapshot of a run: subjects × criteria as the product holds them for the year. */
export async function gatherSnapshot(deps: Deps, actor: Actor | null, def: SchemeDefinition, year: string, now: Date): Promise<RunSnapshot> {
  const criteria = schemeCriteria(def);
  const subjects = await subjectsOf(deps, def.subjectKind);
  const keys = subjects.map((s) => s.key);
  const dim = def.subjectKind === 'industry' ? 'industry' : 'county';
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(k: string, f: () => Promise<T>): Promise<T> => {
    if (!cache.has(k)) cache.set(k, f());
    return cache.get(k) as Promise<T>;
  };
  const columns: Column[] = [];
  for (const c of criteria) {
    const [kind, arg] = c.source.split(':');
    let col: Column;
    if (kind === 'stat') col = await aggregateColumn(deps, actor, arg, dim, year, 'value');
    else if (kind === 'growth') col = await aggregateColumn(deps, actor, arg, dim, year, 'yoy');
    else if (kind === 'matched') col = await aggregateColumn(deps, actor, arg, dim, year, 'matched');
    else if (kind === 'rd_intensity') {
      const [rd, rev] = await Promise.all([aggregateColumn(deps, actor, 'RD_EXPENDITURE', dim, year, 'value'), aggregateColumn(deps, actor, 'REVENUE', dim, year, 'value')]);
      col = new Map(keys.map((k) => { const a = rd.get(k); const b = rev.get(k); return [k, a != null && b ? (a / b) * 100 : null]; }));
    } else if (kind === 'registry') col = await registryCount(deps, actor, arg === 'platforms' ? 'platform' : 'park', year, keys);
    else if (kind === 'project') { const p = await once('project', () => projectColumns(deps, actor, dim, year)); col = arg === 'completion' ? p.completion : p.red; }
    else if (kind === 'report') { const r = await once('report', () => reportColumns(deps, year)); col = arg === 'on_time' ? r.onTime : r.approval; }
    else { const s = await once('supervision', () => supervisionColumns(deps, actor, def.subjectKind, year, now)); col = arg === 'on_time' ? s.onTime : arg === 'closure' ? s.closure : s.red; }
    columns.push(col);
  }
  const values = subjects.map((s) => columns.map((col) => { const v = col.get(s.key); return v === undefined || v === null || !Number.isFinite(v) ? null : v; }));
  return {
    subjects,
    criteria: criteria.map((c) => ({ source: c.source, group: c.group, name: c.name, unit: c.unit, direction: c.direction })),
    values,
    notes: criteria.map((c) => `${c.from.zh} / ${c.from.en}`),
  };
}
