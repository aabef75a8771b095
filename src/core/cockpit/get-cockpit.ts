// GET /api/cockpit: the leaders' one screen, assembled from the existing use-cases (targets, aggregates,
// registries, completeness, outliers, supervision board) and kept per period and reader view until the
// next write (cache.ts). Every part is computed as its own route computes it for this reader, so the
// confidentiality rule (suppressCells) applies to the aggregates exactly as on /api/statistics/aggregates.
import type { Cockpit, CockpitAlert, CockpitTarget, CockpitTrend } from '../../shared/cockpit';
import type { Aggregates } from '../../shared/statistics';
import { BOARD_MAX_LIMIT } from '../../shared/supervision';
import type { TargetAssessment } from '../../shared/targets';
import { AppError } from '../app-error';
import { authorize, can, scopeOf, type Actor } from '../policy';
import type { Deps } from '../ports';
import { listRegistry } from '../registries/list-registry';
import { getAggregates } from '../statistics/aggregate-queries';
import { getCompleteness } from '../statistics/completeness';
import { vintageOf } from '../statistics/divisions';
import { findOutliers } from '../statistics/outlier-review';
import { getBoard } from '../supervision/get-board';
import { listTargetAssessments } from '../targets/list-target-assessments';
import { CACHE_TTL_MS, cacheFor } from './cache';
import { MAP_FEATURES } from './map-features';
import { mapRegions } from './map-regions';
import { cockpitPeriod, defaultPeriod } from './period';

/** The figure the breakdowns, ranking and map show: SEI main business revenue (target T1). */
export const COCKPIT_INDICATOR = 'SEI_REVENUE';
const TREND_INDICATORS = ['SEI_REVENUE', 'SEI_VALUE_ADDED'];
const LIGHT_RANK = { red: 3, yellow: 2, green: 1 } as const;

/** Readers who get the same answer share a cache entry: the role and organisation decide every part. */
const viewKey = (actor: Actor) => `${actor.role}:${actor.orgId ?? ''}`;

export async function getCockpit(deps: Deps, actor: Actor, q: { period?: string }, now: Date): Promise<{ cockpit: Cockpit; cached: boolean }> {
  authorize(actor, 'read', 'progress');
  const today = now.toISOString().slice(0, 10);
  const cache = cacheFor<Cockpit>(deps.store);
  const watermark = await cache.watermark(now.getTime(), () => deps.store.cockpit.watermark());
  const p = cockpitPeriod(q.period || (await defaultPeriodOf(deps, cache, `${watermark}|${today}|${Math.floor(now.getTime() / CACHE_TTL_MS)}`, today)));
  const { value, cached } = await cache.get(`${p.period}|${viewKey(actor)}`, watermark, now.getTime(), () => computeCockpit(deps, actor, p.period, now));
  return { cockpit: value, cached };
}

/** The period shown when none is asked for: the plan's, read again after a write, a new day or the cache's TTL (not per request). */
const defaults = new WeakMap<object, { key: string; period: string }>();
async function defaultPeriodOf(deps: Deps, cache: object, key: string, today: string): Promise<string> {
  const kept = defaults.get(cache);
  if (kept?.key === key) return kept.period;
  const plan = await deps.store.targets.ofPlan(null);
  if (!plan) throw new AppError('NOT_FOUND', { zh: '尚未载入任何行动计划，请先运行 sei init', en: 'no plan loaded yet: run sei init' });
  const period = defaultPeriod(plan.periodEnd, today);
  defaults.set(cache, { key, period });
  return period;
}

async function part<T>(notes: Cockpit['notes'], what: { zh: string; en: string }, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    // One part failing (no data set, no plan tasks, no permission) leaves the others standing, and says why.
    const msg = e instanceof AppError ? e.message : String(e);
    notes.push({ zh: `${what.zh}：${msg}`, en: `${what.en}: ${msg}` });
    return null;
  }
}

export async function computeCockpit(deps: Deps, actor: Actor, period: string, now: Date): Promise<Cockpit> {
  const p = cockpitPeriod(period);
  const today = now.toISOString().slice(0, 10);
  const notes: Cockpit['notes'] = [];
  const agg = (dim: string) => part(notes, { zh: `汇总（${dim}）`, en: `aggregates (${dim})` }, () => getAggregates(deps, actor, { indicator: COCKPIT_INDICATOR, dim, period: p.period }));
  const [assessed, industries, seiCategories, counties, divisions] = await Promise.all([
    part(notes, { zh: '目标', en: 'targets' }, () => listTargetAssessments(deps, actor, p.asOf)),
    agg('industry'), agg('sei'), agg('county'),
    deps.store.statistics.divisions(),
  ]);
  const targets = (assessed?.targets ?? []).map(toCard);
  const trends = await trendsOf(deps, assessed?.targets ?? []);
  const map = counties ? { indicatorCode: COCKPIT_INDICATOR, period: p.period, vintage: vintageOf(p.period), ...mapRegions(MAP_FEATURES, divisions, vintageOf(p.period), counties.rows) } : null;
  const registries = (assessed?.targets ?? []).filter((t) => t.kind === 'count').map((t) => ({
    code: t.target.code, name: t.target.name, nameEn: t.target.nameEn, count: t.actual?.value ?? null, target: t.target.value, unit: t.target.unit, light: t.schedule?.light ?? null,
  }));

  const projectList = await part(notes, { zh: '重大项目', en: 'projects' }, () => listRegistry(deps, actor, 'project', p.asOf));
  const projects = projectList ? summarizeProjects(projectList.map((x) => x.lights)) : null;

  const completeness = await part(notes, { zh: '报送情况', en: 'reporting' }, () => getCompleteness(deps, actor, { dataset: 'ENT_MONTHLY', period: p.lastMonth }));
  const reporting = completeness ? { dataset: completeness.dataset, period: completeness.period, ...pick(completeness.total), missing: completeness.nonReporters.length } : null;

  const outliers = await part(notes, { zh: '异常值', en: 'outliers' }, () => findOutliers(deps, actor, { period: p.lastMonth, indicators: ['REVENUE', 'VALUE_ADDED'] }, now));
  const awaiting = outliers?.filter((o) => !o.review).length ?? 0;

  // The board's lights as of the period's end (today while the period runs): a past quarter shows that
  // quarter's lights, not today's (the board recomputes them for the date; kept until a supervision write).
  const supervision = scopeOf(actor, 'read', 'supervision_task') === 'all'
    ? await part(notes, { zh: '督查督办', en: 'supervision' }, async () => {
      const asOf = p.asOf < today ? p.asOf : today;
      const b = await getBoard(deps, actor, { asOf, limit: 1 }, today);
      // The units are counted over every red task (the board pages its rows; its counts cover all).
      const reds = await getBoard(deps, actor, { asOf, light: 'red', limit: BOARD_MAX_LIMIT }, today);
      const red = new Map<string, number>();
      for (const row of reds.rows) for (const t of row.tasks) if (t.lead) red.set(t.lead.name, (red.get(t.lead.name) ?? 0) + 1);
      if (reds.total > BOARD_MAX_LIMIT) notes.push({ zh: `红灯任务单位排名按前 ${BOARD_MAX_LIMIT} 项统计（共 ${reds.total} 项）`, en: `units with red tasks ranked over the first ${BOARD_MAX_LIMIT} of ${reds.total} red tasks` });
      return { asOf: b.asOf, counts: b.counts, redUnits: [...red].map(([name, n]) => ({ name, red: n })).sort((a, b) => b.red - a.red).slice(0, 5) };
    })
    : null;

  const alerts: CockpitAlert[] = [];
  for (const t of targets) if (t.light === 'red') alerts.push({ kind: 'target_red', severity: 'high', link: `/targets?target=${t.code}`, text: { zh: `${t.code} ${t.name}：红灯（达成率 ${fmtPct(t.attainmentPct)}）`, en: `${t.code} ${t.nameEn}: red (attainment ${fmtPct(t.attainmentPct)})` } });
  if (projects?.red) alerts.push({ kind: 'project_red', severity: 'high', count: projects.red, link: '/projects', text: { zh: `${projects.red} 个重大项目红灯`, en: `${projects.red} major projects on red` } });
  if (supervision?.counts.red) alerts.push({ kind: 'supervision_red', severity: 'high', count: supervision.counts.red, link: '/supervision/board', text: { zh: `${supervision.counts.red} 项督办任务红灯`, en: `${supervision.counts.red} supervised tasks on red` } });
  if (reporting?.missing) alerts.push({ kind: 'missing_reports', severity: 'medium', count: reporting.missing, link: `/statistics/completeness?period=${reporting.period}`, text: { zh: `${reporting.period} 月报 ${reporting.missing} 家未报`, en: `${reporting.missing} monthly reports missing for ${reporting.period}` } });
  if (awaiting) alerts.push({ kind: 'outliers', severity: 'medium', count: awaiting, link: `/statistics/outliers?period=${p.lastMonth}`, text: { zh: `${p.lastMonth} ${awaiting} 个异常值待核实`, en: `${awaiting} outliers awaiting review for ${p.lastMonth}` } });
  if (!can(actor, 'read', 'supervision_task') || scopeOf(actor, 'read', 'supervision_task') !== 'all') notes.push({ zh: '督查督办面板仅对牵头单位与领导显示', en: 'the supervision panel is shown to the coordinator and leaders only' });

  return { period: p.period, asOf: p.asOf, generatedAt: now.toISOString(), targets, trends, industries, seiCategories, counties, map, registries, projects, reporting, alerts, supervision, notes };
}

function toCard(t: TargetAssessment): CockpitTarget {
  return {
    id: t.target.id, code: t.target.code, name: t.target.name, nameEn: t.target.nameEn, unit: t.target.unit, indicatorCode: t.target.indicatorCode, kind: t.kind,
    comparator: t.target.comparator, value: t.target.value, year: t.target.year,
    actual: t.actual ? { value: t.actual.value, period: t.actual.period, reliability: t.actual.reliability, demo: t.actual.demo } : null,
    attainmentPct: t.attainment?.attainmentPct ?? null, met: t.attainment?.met ?? null, light: t.schedule?.light ?? null,
    status: t.anticipated?.status ?? null, projection: t.projection, messages: t.messages,
  };
}

async function trendsOf(deps: Deps, assessed: TargetAssessment[]): Promise<CockpitTrend[]> {
  const inds = new Map((await deps.store.statistics.indicators()).map((i) => [i.code, i]));
  return Promise.all(TREND_INDICATORS.map(async (code) => {
    const t = assessed.find((a) => a.target.indicatorCode === code)?.target;
    const ind = inds.get(code);
    const points = (await deps.store.targets.cityAnnualSeries(code)).map((x) => ({ year: x.year, value: x.value, demo: x.demo, reliability: x.reliability }));
    return { indicatorCode: code, targetCode: t?.code ?? null, name: ind?.name ?? code, nameEn: ind?.nameEn ?? code, unit: ind?.unit ?? t?.unit ?? '', target: t ? { year: t.year, value: t.value } : null, points };
  }));
}

type Lights = { start: string | null; progress: string | null; funds: string | null; milestones: string | null };
function summarizeProjects(all: Lights[]): NonNullable<Cockpit['projects']> {
  const s = { total: all.length, green: 0, yellow: 0, red: 0, none: 0 };
  for (const l of all) {
    const worst = [l.start, l.progress, l.funds, l.milestones].reduce<string | null>((w, x) => (x && (!w || LIGHT_RANK[x as keyof typeof LIGHT_RANK] > LIGHT_RANK[w as keyof typeof LIGHT_RANK]) ? x : w), null);
    if (worst === 'red' || worst === 'yellow' || worst === 'green') s[worst]++;
    else s.none++;
  }
  return s;
}

const pick = (r: { expected: number; received: number; onTime: number; late: number; approved: number; completeness: number | null; timeliness: number | null }) =>
  ({ expected: r.expected, received: r.received, onTime: r.onTime, late: r.late, approved: r.approved, completeness: r.completeness, timeliness: r.timeliness });
const fmtPct = (x: number | null) => (x == null ? '—' : `${x.toFixed(1)}%`);

export type { Aggregates };
