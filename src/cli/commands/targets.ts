// `sei targets show [--as-of YYYY-MM-DD] [--json]`: the default plan's targets assessed on a date.
import type { Command } from 'commander';
import { listTargetAssessments } from '../../core/targets/list-target-assessments';
import { createStore } from '../../db/store';
import { secrets } from '../../server/auth/secrets';
import { PROGRESS_STATUS_LABELS, type TargetAssessment } from '../../shared/targets';
import { ready } from '../context';

const LIGHT = { green: '绿', yellow: '黄', red: '红' } as const;
const num = (v: number | null | undefined, d = 2) => (v == null ? '—' : v.toFixed(d));

function line(t: TargetAssessment): string {
  const a = t.actual;
  const tag = a?.demo ? '［演示 demo］' : a?.reliability === 'low' ? '［未核实 unverified］' : '';
  return [
    `${t.target.code} ${t.target.name}  目标 ${t.target.comparator} ${t.target.value}${t.target.unit} (${t.target.year})`,
    `   实际 actual ${a ? `${num(a.value)}${t.target.unit} @${a.period}${tag}` : '—'}  基期 base ${t.baseline ? `${num(t.baseline.value)} (${t.baseline.year})` : '—'}`,
    `   达成率 ${num(t.attainment?.attainmentPct, 1)}% ${t.attainment ? (t.attainment.met ? '已达标' : '未达标') : ''}  序时 ${t.schedule ? `${num(t.schedule.timeElapsedPct, 1)}% / 完成 ${num(t.schedule.progressPct, 1)}% / 滞后 ${num(t.schedule.lagPoints, 1)} 点 ${LIGHT[t.schedule.light]}灯` : '—'}`,
    `   预期进展 ${t.anticipated ? `${PROGRESS_STATUS_LABELS[t.anticipated.status].zh} (R ${num(t.anticipated.ratioR, 3)})` : '—'}  预测 ${t.projection ? `${num(t.projection.value)} (${t.projection.meetsTarget ? '可达标' : '难以达标'})` : '—'}`,
    ...t.messages.map((m) => `   注 ${m.zh}`),
  ].join('\n');
}

export function registerTargets(program: Command): void {
  const targets = program.command('targets').description('目标指标 / targets');
  targets
    .command('show')
    .description('按日期评估默认计划的目标 / assess the default plan\'s targets on a date')
    .option('--as-of <date>', '评估日期 YYYY-MM-DD（默认今天）/ as-of date (default today)')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { asOf?: string; json?: boolean }) => {
      const { database } = await ready();
      try {
        const r = await listTargetAssessments({ store: createStore(database.db), secrets }, null, o.asOf ?? new Date().toISOString().slice(0, 10));
        console.log(o.json ? JSON.stringify(r, null, 2) : [`截至 as of ${r.asOf}`, ...r.targets.map(line)].join('\n'));
      } finally {
        await database.close();
      }
    });
}
