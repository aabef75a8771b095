// `sei targets show [--as-of YYYY-MM-DD] [--approved-only] [--json]`: the default plan's targets assessed
// on a date, each with how sure it is (status shares, reliability, missing reporters).
import type { Command } from 'commander';
import { listTargetAssessments } from '../../core/targets/list-target-assessments';
import { createStore } from '../../db/store';
import { secrets } from '../../server/auth/secrets';
import { PROGRESS_STATUS_LABELS, type FigureQuality, type StatusGroup, type TargetAssessment } from '../../shared/targets';
import { ready } from '../context';

const LIGHT = { green: '绿', yellow: '黄', red: '红' } as const;
const num = (v: number | null | undefined, d = 2) => (v == null ? '—' : v.toFixed(d));

const STATUS_ZH: Record<StatusGroup, string> = { approved: '已审核', submitted: '已报送', draft: '草稿' };
const RELIABILITY_ZH = { high: '高', medium: '中', low: '未核实 unverified', reported: '报送', demo: '演示 demo' } as const;

/** The actual's tags: demo and unverified are separate facts, both shown. */
const tags = (a: { demo: boolean; reliability: string }) => [a.demo ? '［演示 demo］' : '', a.reliability === 'low' ? '［未核实 unverified］' : ''].join('');

function qualityLines(q: FigureQuality, target: TargetAssessment['target']): string[] {
  // A ratio's shares and missing reporters are of its numerator, in the numerator's unit: name it instead.
  const unit = q.shares && q.shares.of !== target.indicatorCode ? ` (${q.shares.of})` : target.unit;
  const out: string[] = [];
  if (q.shares) {
    const parts = q.shares.parts.map((p) => `${STATUS_ZH[p.status]} ${p.value == null ? '—' : num(p.value)} (${p.pct == null ? '—' : num(p.pct, 1)}%, ${p.n} 家)`);
    out.push(`   审核状态 status @${q.shares.period}${q.shares.of ? ` [${q.shares.of}]` : ''}: ${parts.join(' · ')}${q.shares.suppressed ? '（少于 3 家的数值不显示）' : ''}`);
  }
  out.push(`   最弱状态 weakest ${q.weakestStatus ? STATUS_ZH[q.weakestStatus] : '—（登记册计数 register count）'}  可靠性 reliability ${RELIABILITY_ZH[q.reliability]}${q.demo && q.reliability !== 'demo' ? ' · 演示数据 demo' : ''}${q.approvedOnly ? '  ［仅用已审核数据 approved only］' : ''}`);
  if (q.missing && q.missing.n > 0) {
    const m = q.missing;
    const earlier = m.earlierPeriods.length ? `，其 ${m.earlierPeriods.join('/')} 值合计 ${m.value == null ? '—' : num(m.value)}${unit}` : '';
    out.push(`   缺报 missing ${m.n} 家（${m.previousYear} 年报送、${m.period} 未报）${earlier}`);
  }
  return out;
}

function line(t: TargetAssessment): string {
  const a = t.actual;
  const projection = t.projection
    ? t.projection.final
      ? `期末 ${t.projection.year} 年 ${num(t.projection.value)} (${t.projection.meetsTarget ? '已达标' : '未达标'}；计划期已结束)`
      : `${num(t.projection.value)} (${t.projection.meetsTarget ? '可达标' : '难以达标'})`
    : '—';
  return [
    `${t.target.code} ${t.target.name}  目标 ${t.target.comparator} ${t.target.value}${t.target.unit} (${t.target.year})`,
    `   实际 actual ${a ? `${num(a.value)}${t.target.unit} @${a.period}${tags(a)}` : '—'}  基期 base ${t.baseline ? `${num(t.baseline.value)} (${t.baseline.year})` : '—'}`,
    `   达成率 ${num(t.attainment?.attainmentPct, 1)}% ${t.attainment ? (t.attainment.met ? (t.quality?.metOnUnapproved ? '已达标（按未审核数据）' : '已达标') : '未达标') : ''}  序时 ${t.schedule ? `${num(t.schedule.timeElapsedPct, 1)}% / 完成 ${num(t.schedule.progressPct, 1)}% / 滞后 ${num(t.schedule.lagPoints, 1)} 点 ${LIGHT[t.schedule.light]}灯` : '—'}`,
    `   预期进展 ${t.anticipated ? `${PROGRESS_STATUS_LABELS[t.anticipated.status].zh} (R ${num(t.anticipated.ratioR, 3)})` : '—'}  ${t.projection?.final ? '' : '预测 '}${projection}`,
    ...(t.quality ? qualityLines(t.quality, t.target) : []),
    ...t.messages.map((m) => `   注 ${m.zh}`),
  ].join('\n');
}

export function registerTargets(program: Command): void {
  const targets = program.command('targets').description('目标指标 / targets');
  targets
    .command('show')
    .description('按日期评估默认计划的目标 / assess the default plan\'s targets on a date')
    .option('--as-of <date>', '评估日期 YYYY-MM-DD（默认今天）/ as-of date (default today)')
    .option('--approved-only', '仅用已审核数据计算 / compute on approved values only')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { asOf?: string; approvedOnly?: boolean; json?: boolean }) => {
      const { database } = await ready();
      try {
        const r = await listTargetAssessments({ store: createStore(database.db), secrets }, null, o.asOf ?? new Date().toISOString().slice(0, 10), { approvedOnly: !!o.approvedOnly });
        console.log(o.json ? JSON.stringify(r, null, 2) : [`截至 as of ${r.asOf}${r.approvedOnly ? '（仅用已审核数据 approved values only）' : ''}`, ...r.targets.map(line)].join('\n'));
      } finally {
        await database.close();
      }
    });
}
