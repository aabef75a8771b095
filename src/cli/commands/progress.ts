// `sei progress compute --input FILE --json`: the anticipated-progress maths on one series, so the
// formulas can be checked from outside (docs/targets.md "CLI"). Bad input exits 2.
import type { Command } from 'commander';
import { computeProgress } from '../../core/targets/compute-progress';
import { PROGRESS_STATUS_LABELS, type ProgressComputeOutput } from '../../shared/targets';
import { readJsonInput } from '../output';


const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(3)} %`);

function formatText(o: ProgressComputeOutput): string {
  return [
    `观测年均增长率 CAGR observed   ${pct(o.cagr_observed)}`,
    `所需年均增长率 CAGR required   ${pct(o.cagr_required)}`,
    `比值 R                         ${o.ratio_R == null ? '—' : o.ratio_R.toFixed(6)}`,
    `预期进展 status                ${o.status} (${PROGRESS_STATUS_LABELS[o.status].zh})`,
    `按现有增速预测 projection ${o.projection_year}  ${o.projection.toFixed(4)}${o.projection_meets_target == null ? '' : o.projection_meets_target ? '（可达标 meets target）' : '（难以达标 falls short）'}`,
    ...o.notes.map((n) => `注 note: ${n}`),
  ].join('\n');
}

export function registerProgress(program: Command): void {
  const progress = program.command('progress').description('进度测算 / progress maths');
  progress
    .command('compute')
    .description('按 Open SDG（加拿大统计局）方法测算预期进展 / anticipated progress of one series (Open SDG method)')
    .requiredOption('--input <file>', 'JSON 文件（- 为标准输入）/ JSON file, - for stdin: {base_year, base_value, current_year, current_value, target_year, target_value|null, desired_direction}')
    .option('--json', '以 JSON 输出 / print JSON')
    .action((o: { input: string; json?: boolean }) => {
      const out = computeProgress(readJsonInput(o.input));
      console.log(o.json ? JSON.stringify(out, null, 2) : formatText(out));
    });
}
