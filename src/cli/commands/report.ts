// `sei report --period 2020Q4 --format docx|pdf|xlsx|json --out FILE`: the 季度通报 (the same use-case and
// writers as GET /api/reports/briefing). The CLI acts as the system: it sees every figure unsuppressed,
// as the coordinator does.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { assembleReport } from '../../core/reports/assemble-report';
import { writeReport } from '../../files/report-file';
import { ReportPeriodSchema } from '../../shared/reports';
import { withDeps } from '../context';
import { required, UsageError } from '../output';

export function registerReport(program: Command): void {
  program.command('report')
    .description('季度通报：目标、图表、分产业与分县、重大项目、督查排名，导出 Word/PDF/Excel / the briefing report of a period')
    .option('--period <p>', '报告期：季度 2020Q4、月份 202012 或年份 2020 / report period')
    .option('--format <f>', 'docx | pdf | xlsx | json', 'docx')
    .option('--out <file>', '输出文件（docx/pdf/xlsx 必填）/ output file (required except for json)')
    .action(async (o: { period?: string; format: string; out?: string }) => {
      const period = required(o.period, '--period', '2020Q4');
      if (!ReportPeriodSchema.safeParse(period).success) throw new UsageError(`--period 格式应为 2020Q4、202012 或 2020 / --period must be a quarter, month or year: ${period}`);
      const format = o.format;
      if (format !== 'docx' && format !== 'pdf' && format !== 'xlsx' && format !== 'json') throw new UsageError(`--format 只能是 docx、pdf、xlsx 或 json / --format must be docx, pdf, xlsx or json: ${format}`);
      if (format !== 'json' && !o.out) throw new UsageError(`--format ${format} 需要 --out FILE / --format ${format} needs --out FILE`);
      const report = await withDeps((d) => assembleReport(d, null, { period }, new Date()));
      if (format === 'json') {
        const text = JSON.stringify(report, null, 2);
        if (o.out) writeFileSync(o.out, text); else console.log(text);
        return;
      }
      writeFileSync(o.out!, await writeReport(report, format));
      console.log(`已写出 ${o.out}：${report.title} / wrote ${o.out}`);
    });
}
