// Monitoring subcommands of `sei data`, thin like src/server/routes/statistics-monitoring.ts (same use-cases;
// `--json` prints what the matching route returns):
//   sei data completeness --dataset CODE --period P [--json]         GET  /api/statistics/completeness
//   sei data remind --dataset CODE --period P [--org C,…] [--message T] [--json]   POST /api/statistics/reminders
//   sei data violations [--period P] [--dataset CODE] [--org CODE] [--json]        GET  /api/statistics/violations
//   sei data outliers [--period P] [--indicator C,…] [--include-reviewed] [--json] GET  /api/statistics/outliers
//   sei data aggregates --indicator CODE [--dim city|county|industry|sei|park] --period P [--json]  GET /api/statistics/aggregates
import type { Command } from 'commander';
import { getAggregates } from '../../core/statistics/aggregate-queries';
import { listViolations } from '../../core/statistics/catalogue-queries';
import { getCompleteness, sendReminders } from '../../core/statistics/completeness';
import { findOutliers } from '../../core/statistics/outlier-review';
import { DIM_KINDS, type AggregateResultRow, type Aggregates, type Completeness, type OutlierItem, type RuleWarning } from '../../shared/statistics';
import { SYSTEM_ACTOR, withDeps } from '../context';
import { periodOption, required, table, UsageError } from '../output';

/** The period the violation and outlier lists show without --period: the last month of the plan period, as on the web page. */
export const DEFAULT_PERIOD = '202012';

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const pct = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(1)}%`);
const num = (v: number | null | undefined, d = 1) => (v == null ? '—' : v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

const print = (json: boolean | undefined, value: unknown, human: () => string) => console.log(json ? JSON.stringify(value, null, 2) : human());

export function formatCompleteness(c: Completeness): string {
  const row = (r: Completeness['total']) => [r.key, r.name, r.expected, r.received, r.onTime, r.approved, pct(r.completeness), pct(r.timeliness)];
  return [
    `${c.dataset} ${c.period} — 报送期限 deadline ${c.deadline.slice(0, 10)}`,
    `应报 expected ${c.total.expected}，已报 received ${c.total.received}（${pct(c.total.completeness)}），按时 on time ${c.total.onTime}（${pct(c.total.timeliness)}），已审批 approved ${c.total.approved}`,
    '',
    table(['县市区 county', '名称 name', '应报 expected', '已报 received', '按时 on time', '已审批 approved', '完整率 complete', '及时率 timely'],
      [...c.byCounty.map(row), row(c.total)], ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']),
    '',
    `未报 non-reporters: ${c.nonReporters.length}`,
    ...(c.nonReporters.length
      ? [table(['组织代码 org', '名称 name', '县市区 county', '状态 status', '催报 reminders', '最近催报 last reminder (UTC)'],
          c.nonReporters.map((n) => [n.orgCode, n.orgName, n.countyCode, n.status, n.reminders, time(n.lastReminderAt)]), ['l', 'l', 'l', 'l', 'r', 'l'])]
      : []),
  ].join('\n');
}

export function formatViolations(period: string, v: RuleWarning[]): string {
  if (!v.length) return `${period}：无校验规则违反 / no validation-rule violations`;
  return [
    `${period}：${v.length} 条校验规则违反 / validation-rule violation(s)`,
    table(['组织代码 org', '名称 name', '期间 period', '规则 rule', '规则名称 name', '左 left', '', '右 right'],
      v.map((x) => [x.orgCode, x.orgName, x.period, x.ruleCode, `${x.ruleName} / ${x.ruleNameEn}`, num(x.left), x.operator, num(x.right)]), ['l', 'l', 'l', 'l', 'l', 'r', 'l', 'r']),
  ].join('\n');
}

const METHOD = { zscore: 'z', modified_z: '修正z mod-z', bounds: '界限 bounds' } as const;

export function formatOutliers(period: string, items: OutlierItem[]): string {
  if (!items.length) return `${period}：无待审异常值 / no outliers to review`;
  return [
    `${period}：${items.length} 个异常值待审 / outlier(s) to review（sei data outliers --include-reviewed 含已审 shows reviewed ones too）`,
    table(['组织代码 org', '名称 name', '指标 indicator', '期间 period', '数值 value', '检验 tested (同比 yoy %)', '历史 history', '判据 findings', '审核 review'],
      items.map((o) => [o.orgCode, o.orgName, o.indicatorCode, o.period, num(o.value), o.basis === 'yoy' ? `${num(o.tested)}%` : num(o.tested), o.history,
        o.findings.map((f) => `${METHOD[f.method]}${f.score == null ? '' : ` ${f.score.toFixed(2)}`}`).join(', '),
        o.review ? `${o.review.decision} (${o.review.actorName})` : '']), ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'l', 'l']),
  ].join('\n');
}

const SUPPRESSED = { few: '少于3家 fewer than 3', dominant: '单家超85% one over 85%', complementary: '互补保密 complementary' } as const;

export function formatAggregates(a: Aggregates): string {
  const d = a.indicator.decimals;
  const hasMatched = a.rows.some((r) => r.matched.n > 0); // ratios have no 同口径 set
  const line = (r: AggregateResultRow) => [r.key, r.name, r.confidential ? '保密 —' : num(r.value, d), r.n, r.confidential ? '—' : num(r.previous, d), r.previousN, pct(r.yoy),
    ...(hasMatched ? [r.matched.n, pct(r.matched.yoy)] : []),
    [r.demo ? '演示 demo' : '', r.confidential ? `保密 confidential: ${SUPPRESSED[r.confidential.reason]}` : '', r.pendingDivision ? '待划归 to be reassigned' : ''].filter(Boolean).join('; ')];
  const rows = [...a.rows.map(line), ...(a.total ? [line({ ...a.total, key: '', name: '合计 total' })] : [])];
  return [
    `${a.indicator.code} ${a.indicator.name} / ${a.indicator.nameEn}（${a.indicator.unit}）— ${a.dim} ${a.period}，同比 vs ${a.previousPeriod}`,
    ...(a.divisions ? [`区划口径 divisions: ${a.divisions.vintage} 年${a.divisions.changes.length ? `（${a.divisions.changes.map((c) => `${c.from} ${c.fromName} → ${c.to} ${c.toName}`).join('；')}）` : ''}`] : []),
    table(['代码 key', '名称 name', `${a.period}`, 'n', `${a.previousPeriod}`, 'n', '同比 YoY', ...(hasMatched ? ['同口径 n', '同口径同比 matched YoY'] : []), ''],
      rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
    ...(hasMatched ? ['同比 YoY：各年全部报送单位 everyone who reported in each year；同口径 matched：两年均报送的单位 the same organisations in both years'] : []),
    ...(a.total ? ['各行之和等于合计 rows add up to the total（未分类 / 未入园 / 待确认 / 待划归 rows included）'] : []),
    ...(a.confidentiality.applied ? [`保密：少于 ${a.confidentiality.minContributors} 家企业或单家超过 ${a.confidentiality.dominanceShare * 100}% 的格子不显示（含互补保密）/ confidential cells are not shown`] : []),
  ].join('\n');
}

export function registerMonitoring(data: Command): void {
  data
    .command('completeness')
    .description('完整性与及时性、未报清单 / completeness, timeliness and non-reporters of a data set and period')
    .option('--dataset <code>', '数据集代码 / data set code (ENT_MONTHLY …)')
    .option('--period <period>', '期间，须合数据集频率 / period fitting the data set (202012, 2020Q4, 2020)')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { dataset?: string; period?: string; json?: boolean }) => {
      const dataset = required(o.dataset, '--dataset', 'ENT_MONTHLY');
      const period = periodOption(required(o.period, '--period', '202012'));
      const c = await withDeps((d) => getCompleteness(d, SYSTEM_ACTOR, { dataset, period }));
      print(o.json, c, () => formatCompleteness(c));
    });

  data
    .command('remind')
    .description('一键催报：提醒未报单位 / remind the non-reporters of a data set and period (as the web\'s one-click button)')
    .option('--dataset <code>', '数据集代码 / data set code')
    .option('--period <period>', '期间 / period')
    .option('--org <codes>', '只提醒这些组织（逗号分隔；默认全部未报单位）/ only these organisations (comma-separated; default every non-reporter)')
    .option('--message <text>', '提醒内容（默认按报送期限生成）/ message (default names the deadline)')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { dataset?: string; period?: string; org?: string; message?: string; json?: boolean }) => {
      const dataset = required(o.dataset, '--dataset', 'ENT_MONTHLY');
      const period = periodOption(required(o.period, '--period', '202012'));
      const r = await withDeps((d) => sendReminders(d, SYSTEM_ACTOR, { dataset, period, orgCodes: list(o.org), message: o.message }, new Date()));
      print(o.json, r, () => r.sent
        ? `已催报 ${r.sent} 家 / reminded ${r.sent} organisation(s) (${dataset} ${period}): ${r.orgCodes.slice(0, 20).join(', ')}${r.sent > 20 ? ` … +${r.sent - 20}` : ''}`
        : `没有未报单位，未发送提醒 / no non-reporters: no reminders sent (${dataset} ${period})`);
    });

  data
    .command('violations')
    .description('校验规则违反清单（按组织与期间）/ validation-rule violations per organisation and period')
    .option('--period <period>', `期间（默认 ${DEFAULT_PERIOD}）/ period (default ${DEFAULT_PERIOD})`)
    .option('--dataset <code>', '只看该数据集的指标 / only the indicators of this data set')
    .option('--org <code>', '只看该组织 / only this organisation')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { period?: string; dataset?: string; org?: string; json?: boolean }) => {
      const period = periodOption(o.period ?? DEFAULT_PERIOD);
      const violations = await withDeps((d) => listViolations(d, SYSTEM_ACTOR, { period, dataset: o.dataset, org: o.org }));
      print(o.json, { violations }, () => formatViolations(period, violations));
    });

  data
    .command('outliers')
    .description('异常值审核清单（z 分数、修正 z 分数、界限）/ the outlier review list (z-score, modified z-score, bounds)')
    .option('--period <period>', `期间（默认 ${DEFAULT_PERIOD}）/ period (default ${DEFAULT_PERIOD})`)
    .option('--indicator <codes>', '指标代码（逗号分隔；默认全部企业加总指标）/ indicator codes (comma-separated; default every summed indicator)')
    .option('--include-reviewed', '含已确认或更正的 / include those already confirmed or corrected')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { period?: string; indicator?: string; includeReviewed?: boolean; json?: boolean }) => {
      const period = periodOption(o.period ?? DEFAULT_PERIOD);
      const outliers = await withDeps((d) => findOutliers(d, SYSTEM_ACTOR, { period, indicators: list(o.indicator), includeReviewed: !!o.includeReviewed }));
      print(o.json, { outliers }, () => formatOutliers(period, outliers));
    });

  data
    .command('aggregates')
    .description('汇总：按维度的数值、同比与同口径同比及单位数 / values by dimension with raw and 同口径 (matched) YoY growth and set sizes')
    .option('--indicator <code>', '指标代码 / indicator code (SEI_REVENUE, REVENUE …)')
    .option('--dim <dim>', `维度 / dimension: ${DIM_KINDS.join('|')}`, 'city')
    .option('--period <period>', '期间 / period (2020, 2020Q4, 202012)')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { indicator?: string; dim: string; period?: string; json?: boolean }) => {
      const indicator = required(o.indicator, '--indicator', 'SEI_REVENUE');
      if (!(DIM_KINDS as readonly string[]).includes(o.dim)) throw new UsageError(`--dim 须为 ${DIM_KINDS.join('、')} 之一：${o.dim} / --dim must be one of ${DIM_KINDS.join(', ')}: ${o.dim}`);
      const period = periodOption(required(o.period, '--period', '2020'));
      const a = await withDeps((d) => getAggregates(d, null, { indicator, dim: o.dim, period }));
      print(o.json, a, () => formatAggregates(a));
    });
}
