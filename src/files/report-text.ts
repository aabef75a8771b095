// The briefing report's tables and sentences as text, shared by the Word, PDF and Excel writers so the
// three formats say the same thing in the same words.
import type { BriefingReport, ReportTable, ReportTargetRow } from '../shared/reports';
import { PROGRESS_STATUS_LABELS, type Light } from '../shared/targets';

export const LIGHT_ZH: Record<Light | 'none', string> = { green: '绿灯', yellow: '黄灯', red: '红灯', none: '—' };
const SUPPRESSED_ZH = { few: '保密（<3家）', dominant: '保密（单家>85%）', complementary: '保密（关联）' } as const;

/** A figure as the report prints it: thousands separators, `d` decimals, an em dash for none. */
export function fmt(v: number | null | undefined, d = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}
const pct = (v: number | null) => (v === null ? '—' : `${fmt(v)}%`);

export const TARGET_HEADERS = ['编号', '目标', '单位', '基期', '目标值', '实际值', '完成程度', '灯号', '预判'];

function targetText(t: ReportTargetRow): string {
  const v = t.comparator === 'range' ? `${fmt(t.targetValue)}` : `${t.comparator === '>=' || t.comparator === '>' ? '≥' : t.comparator === '<=' || t.comparator === '<' ? '≤' : t.comparator}${fmt(t.targetValue)}`;
  return `${v}（${t.targetYear}）`;
}

export function targetCells(t: ReportTargetRow): string[] {
  return [
    t.code, t.name, t.unit,
    t.baselineValue === null ? '—' : `${fmt(t.baselineValue)}（${t.baselineYear ?? '—'}）`,
    targetText(t),
    t.actual === null ? '—' : `${fmt(t.actual)}（${t.actualPeriod ?? ''}）`,
    t.attainmentPct === null ? (t.met === null ? '—' : t.met ? '已达到' : '未达到') : pct(t.attainmentPct),
    t.light ? LIGHT_ZH[t.light] : '—',
    t.status ? PROGRESS_STATUS_LABELS[t.status].zh : '—',
  ];
}

export const TABLE_HEADERS = (tb: ReportTable) => [tb.dim === 'industry' ? '产业' : '县（市、区）', `${tb.indicator.name}（${tb.indicator.unit}）`, '同比增长', '企业数'];

export function tableCells(tb: ReportTable): string[][] {
  const rows = tb.rows.map((r) => [r.name, r.suppressed ? SUPPRESSED_ZH[r.suppressed] : fmt(r.value), r.suppressed ? '—' : pct(r.yoy), String(r.n)]);
  if (tb.total) rows.push(['合计', fmt(tb.total.value), pct(tb.total.yoy), String(tb.rows.reduce((a, r) => a + r.n, 0))]);
  return rows;
}

export const RANK_HEADERS = ['名次', '单位', '任务数', '红灯', '按时报送率', '销号率', '红灯天数', '综合得分'];
export function rankCells(rows: NonNullable<BriefingReport['supervision']>['departments']): string[][] {
  return rows.map((r) => [String(r.rank), r.org.name, String(r.tasks), String(r.counts.red), pct(r.onTimeRate), pct(r.closureRate), String(r.redDays), fmt(r.score)]);
}

export const PROJECT_HEADERS = ['项目', '县（市、区）', '红灯原因'];
/** Red projects listed in the body of the Word and PDF report; the others go to the annex, never dropped. */
export const RED_PROJECTS_IN_BODY = 15;
export const ANNEX_TITLE = '附表：其余红灯重大项目';

type RedProject = NonNullable<BriefingReport['projects']>['red'][number];
const projectCells = (ps: RedProject[]) => ps.map((p) => [p.name, p.county ?? '—', p.reasons.join('；')]);

/** The red projects of the body, those of the annex, and the sentence that says how many are in the annex (null when none). */
export function redProjectParts(r: BriefingReport): { body: string[][]; annex: string[][]; note: string | null } {
  const red = r.projects?.red ?? [];
  const annex = red.slice(RED_PROJECTS_IN_BODY);
  return {
    body: projectCells(red.slice(0, RED_PROJECTS_IN_BODY)),
    annex: projectCells(annex),
    note: annex.length ? `另有${annex.length}个红灯项目见附表。` : null, // the report is in Chinese, as the 通报 it replaces
  };
}

/** The report's opening paragraphs. */
export function summaryParagraphs(r: BriefingReport): string[] {
  const out: string[] = [];
  out.push(`现将${r.periodLabel.zh}（截至${r.asOf}）《${r.planTitle || '邢台市战略性新兴产业发展三年行动计划（2018—2020年）'}》目标指标、重点产业、重大项目和重点任务督查情况通报如下。`);
  if (r.targets.length) {
    const lights = { green: 0, yellow: 0, red: 0 };
    for (const t of r.targets) if (t.light) lights[t.light] += 1;
    const met = r.targets.filter((t) => t.met).length;
    out.push(`${r.targets.length}项目标指标中，已达到目标${met}项；绿灯${lights.green}项、黄灯${lights.yellow}项、红灯${lights.red}项。`);
  }
  if (r.projects) out.push(`纳入调度的重大项目${r.projects.total}个，其中绿灯${r.projects.lights.green}个、黄灯${r.projects.lights.yellow}个、红灯${r.projects.lights.red}个。`);
  if (r.supervision) out.push(`重点任务按时报送率${pct(r.supervision.onTimeRate)}，销号率${pct(r.supervision.closureRate)}。`);
  return out;
}

export const CONFIDENTIALITY_NOTE = '注：依《统计法》，由不足3家企业构成或单家企业占比超过85%的数据予以保密，并对可据合计反推的数据作关联保密。';
