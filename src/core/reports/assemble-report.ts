// The 季度通报 for one period, assembled once for Word, PDF and Excel: the five targets with their lights,
// the SEI revenue and value-added trends against their targets, SEI revenue by plan industry and by county,
// the major projects' lights and the supervision ranking. Every figure is read through the use-case the
// screens use, with the reader as actor, so a report never shows what its reader may not see: the
// confidentiality rule (src/core/confidentiality) suppresses cells for readers below statistician,
// coordinator and leader, and a part the reader may not read at all is left out with a note.
import type { BriefingReport, ReportProjects, ReportTable, ReportTargetRow, ReportTrend } from '../../shared/reports';
import { ReportPeriodSchema } from '../../shared/reports';
import type { Project } from '../../shared/registries';
import type { Light, TargetAssessment } from '../../shared/targets';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, can, type Actor } from '../policy';
import type { Deps } from '../ports';
import { listRegistry } from '../registries/list-registry';
import { getAggregates } from '../statistics/aggregate-queries';
import { bulletinRange } from '../supervision/bulletin-ranking';
import { computeBulletin } from '../supervision/compute-bulletin';
import { getTargetAssessment } from '../targets/get-target-assessment';
import { listTargetAssessments } from '../targets/list-target-assessments';

/** The indicator of the industry and county tables: the plan's headline figure. */
export const REPORT_TABLE_INDICATOR = 'SEI_REVENUE';
/** The targets drawn as trends (city statistics, not registry counts). */
export const REPORT_TREND_TARGETS = ['T1', 'T2'];

/** The stored period a report period is read from: a quarter as its last month (year-to-date, 1—N月累计). */
export function dataPeriodOf(period: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  return q ? `${q[1]}${String(Number(q[2]) * 3).padStart(2, '0')}` : period;
}

const message = (e: unknown): { zh: string; en: string } =>
  e instanceof AppError ? { zh: e.message, en: e.messageEn } : { zh: String(e), en: String(e) };

function targetRow(a: TargetAssessment): ReportTargetRow {
  const t = a.target;
  return {
    code: t.code, name: t.name, unit: t.unit, comparator: t.comparator, targetValue: t.value, targetYear: t.year,
    baselineYear: a.baseline?.year ?? t.baselineYear, baselineValue: a.baseline?.value ?? t.baselineValue,
    actual: a.actual?.value ?? null, actualPeriod: a.actual?.period ?? null,
    attainmentPct: a.attainment?.attainmentPct ?? null, met: a.attainment?.met ?? null,
    light: a.schedule?.light ?? null, status: a.anticipated?.status ?? null,
    projection: a.projection ? { year: a.projection.year, value: a.projection.value, meetsTarget: a.projection.meetsTarget } : null,
    demo: !!a.actual?.demo,
  };
}

async function table(deps: Deps, actor: Actor | null, dim: 'industry' | 'county', period: string): Promise<ReportTable> {
  const a = await getAggregates(deps, actor, { indicator: REPORT_TABLE_INDICATOR, dim, period });
  return {
    indicator: { code: a.indicator.code, name: a.indicator.name, unit: a.indicator.unit }, dim, period,
    rows: a.rows.map((r) => ({ key: r.key, name: r.name, value: r.value, yoy: r.yoy, n: r.n, suppressed: r.confidential?.reason ?? null })),
    total: a.total ? { value: a.total.value, yoy: a.total.yoy } : null,
    confidentiality: a.confidentiality.applied,
  };
}

const RANK: Record<Light | 'none', number> = { red: 3, yellow: 2, green: 1, none: 0 };

/** A project's worst light over start, progress, funds and milestones. */
export function worstLight(p: Pick<Project, 'lights'>): Light | 'none' {
  const ls = [p.lights.start, p.lights.progress, p.lights.funds, p.lights.milestones].filter((l): l is Light => l !== null);
  return ls.reduce<Light | 'none'>((w, l) => (RANK[l] > RANK[w] ? l : w), 'none');
}

function projects(list: Project[]): ReportProjects {
  const lights: ReportProjects['lights'] = { green: 0, yellow: 0, red: 0, none: 0 };
  const red: (ReportProjects['red'][number] & { reds: number })[] = [];
  for (const p of list) {
    const w = worstLight(p);
    lights[w] += 1;
    if (w !== 'red') continue;
    const keys = (['start', 'progress', 'funds', 'milestones'] as const).filter((k) => p.lights[k] === 'red');
    red.push({ name: p.name, county: p.countyName, reasons: keys.map((k) => p.lights.reasons?.[k].zh ?? k), reds: keys.length });
  }
  red.sort((a, b) => b.reds - a.reds || a.name.localeCompare(b.name, 'zh'));
  // All of them: the Word and PDF body lists the first ones and the rest in an annex (report-text.ts).
  return { total: list.length, lights, red: red.map(({ reds: _r, ...r }) => r) };
}

async function trend(deps: Deps, actor: Actor | null, code: string, asOf: string): Promise<ReportTrend> {
  const d = await getTargetAssessment(deps, actor, code, asOf);
  const byYear = new Map<number, number>();
  for (const p of d.series) if (/^\d{4}$/.test(p.period) || !byYear.has(p.year)) byYear.set(p.year, p.value);
  const points = [...byYear].map(([year, value]) => ({ year, value })).filter((p) => p.year <= Number(asOf.slice(0, 4))).sort((a, b) => a.year - b.year);
  return { code, name: d.target.name, unit: d.target.unit, points, target: { year: d.target.year, value: d.target.value } };
}

export async function assembleReport(deps: Deps, actor: Actor | null, input: { period: string }, now: Date): Promise<BriefingReport> {
  if (actor) authorize(actor, 'read', 'progress');
  const period = parseInput(ReportPeriodSchema, input.period, 'period');
  const { to, label } = bulletinRange(period);
  const today = now.toISOString().slice(0, 10);
  const asOf = to < today ? to : today;
  const notes: BriefingReport['notes'] = [];
  const may = (resource: 'target' | 'datavalue' | 'project' | 'supervision_task') => !actor || can(actor, 'read', resource);
  const part = async <T>(resource: Parameters<typeof may>[0], what: { zh: string; en: string }, fn: () => Promise<T>): Promise<T | null> => {
    if (!may(resource)) { notes.push({ zh: `您的角色无权查看${what.zh}，本部分从略`, en: `${what.en} left out: your role may not read it` }); return null; }
    try { return await fn(); } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const m = message(e);
      notes.push({ zh: `${what.zh}未能列出：${m.zh}`, en: `${what.en} not included: ${m.en}` });
      return null;
    }
  };

  const assessed = await part('target', { zh: '目标完成情况', en: 'Targets' }, () => listTargetAssessments(deps, actor, asOf));
  const trends: ReportTrend[] = [];
  for (const code of REPORT_TREND_TARGETS) {
    const t = await part('target', { zh: `目标 ${code} 走势`, en: `Trend of ${code}` }, () => trend(deps, actor, code, asOf));
    if (t) trends.push(t);
  }
  const dataPeriod = dataPeriodOf(period);
  const industries = await part('datavalue', { zh: '分产业情况', en: 'Industry table' }, () => table(deps, actor, 'industry', dataPeriod));
  const counties = await part('datavalue', { zh: '分县（市、区）情况', en: 'County table' }, () => table(deps, actor, 'county', dataPeriod));
  const projectList = await part('project', { zh: '重大项目', en: 'Major projects' }, () => listRegistry(deps, actor, 'project', asOf));
  const bulletin = await part('supervision_task', { zh: '督查排名', en: 'Supervision ranking' }, () => computeBulletin(deps, actor, { period }, now));
  const plan = await deps.store.plans.detail((await deps.store.plans.defaultId()) ?? '');
  const targets = (assessed?.targets ?? []).map(targetRow);
  return {
    title: `邢台市战略性新兴产业发展情况通报（${label.zh}）`,
    period, periodLabel: label, asOf, planTitle: plan?.title ?? '', generatedAt: now.toISOString(),
    demo: targets.some((t) => t.demo) || !!bulletin?.demo,
    targets, trends, industries, counties,
    projects: projectList ? projects(projectList) : null,
    supervision: bulletin ? { label: bulletin.label, departments: bulletin.departments, counties: bulletin.counties, onTimeRate: bulletin.totals.onTimeRate, closureRate: bulletin.totals.closureRate } : null,
    notes,
  };
}
