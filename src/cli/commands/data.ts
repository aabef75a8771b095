// `sei data import FILE [--dry-run] [--json]` and `sei data export [--period P] [--format csv|xlsx] [--out FILE]`;
// the monitoring subcommands (completeness, remind, violations, outliers, aggregates) are in ./monitoring.ts.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error';
import { exportRows } from '../../core/statistics/catalogue-queries';
import { expectedRows, importDataValues, type ImportResult } from '../../core/statistics/import-data-values';
import { fieldLabel, IMPORT_FIELD_LABELS, IMPORT_LAYOUT_LABELS, type ImportIssue } from '../../shared/statistics';
import { createStore } from '../../db/store';
import { importInputFromFile, tableFile } from '../../files/value-files';
import { secrets } from '../../server/auth/secrets';
import { readInputFile, UsageError } from '../output';
import { registerMonitoring } from './monitoring';
import { ready } from '../context';

/** A progress bar on standard error for large files (only when it is a terminal, or SEI_PROGRESS=1). */
function progressBar(total: number) {
  const show = total >= 20_000 && (process.stderr.isTTY || process.env.SEI_PROGRESS === '1');
  let last = 0;
  return (stage: string, done: number, all: number) => {
    if (!show) return;
    const now = Date.now();
    if (done < all && now - last < 200) return;
    last = now;
    const pct = all ? done / all : 1;
    const bar = '█'.repeat(Math.round(pct * 30)).padEnd(30, '░');
    process.stderr.write(`\r${stage === 'validate' ? '校验 validate' : '写入 write   '} ${bar} ${(pct * 100).toFixed(0).padStart(3)}% ${done}/${all}${done >= all ? '\n' : ''}`);
  };
}

/** The row/field/value/reason table of a refused import on standard error. */
export function printIssues(issues: ImportIssue[], count: number): void {
  process.stderr.write(`文件有 ${count} 处错误，未保存任何数据 / ${count} error(s); nothing was stored\n`);
  process.stderr.write('行 row\t字段 field\t内容 value\t原因 reason\n');
  for (const i of issues.slice(0, 50)) process.stderr.write(`${i.row}\t${IMPORT_FIELD_LABELS[i.field] ? `${fieldLabel(i.field, 'zh')} ${fieldLabel(i.field, 'en')}` : i.field}\t${String(i.value ?? '')}\t${i.reason} / ${i.reasonEn}\n`);
  if (count > 50) process.stderr.write(`… ${count - 50} more (use --json for all)\n`);
}

/**
 * When `err` is an all-or-nothing import refused for its rows (a VALIDATION error naming rows), prints its
 * issues (JSON `{valid: false, stored: false, issueCount, issues}` or the table), sets exit code 2 and returns true.
 */
export function printRefusedImport(err: unknown, json: boolean | undefined): boolean {
  if (!(err instanceof AppError && err.code === 'VALIDATION' && err.issues?.some((i) => i.row !== undefined))) return false;
  const issues = err.issues.map((i) => ({ row: i.row ?? 0, field: i.field ?? '', value: i.value, reason: i.reason ?? i.message, reasonEn: i.reasonEn ?? i.message }));
  const soft = err.issues.some((i) => i.soft);
  if (json) console.log(JSON.stringify({ valid: false, stored: false, ...(soft ? { needsConfirmation: true } : {}), issueCount: issues.length, issues }, null, 2));
  else printIssues(issues, issues.length);
  if (soft && !json) process.stderr.write('数值超出常见范围：核实无误后加 --confirm 再导入 / values outside the usual range: check them, then import again with --confirm\n');
  process.exitCode = 2;
  return true;
}

function summary(r: ImportResult): string {
  const what = r.dryRun ? '预览（未保存）dry run, nothing stored' : '已导入 imported';
  const layout = r.layout ? `${IMPORT_LAYOUT_LABELS[r.layout]?.zh ?? r.layout} ${IMPORT_LAYOUT_LABELS[r.layout]?.en ?? ''}` : '';
  return `${what}: ${r.format}${r.encoding ? `/${r.encoding}` : ''} ${layout} — ${r.rows} rows, ${r.values} values: 新增 inserted ${r.inserted}, 更新 updated ${r.updated}, 删除 deleted ${r.deleted}, 未变 unchanged ${r.unchanged}${r.batchId ? ` (batch ${r.batchId})` : ''}` +
    (r.softWarnings.length ? `\n超出常见范围 outside the usual range: ${r.softWarnings.length}${r.needsConfirmation ? '（导入需加 --confirm / importing needs --confirm）' : ''}` + r.softWarnings.slice(0, 10).map((w) => `\n  第${w.row}行 row ${w.row}: ${w.reason} / ${w.reasonEn}`).join('') : '') +
    (r.warnings.length ? `\n校验规则提示 rule warnings: ${r.warnings.length}` + r.warnings.slice(0, 10).map((w) => `\n  ${w.orgCode} ${w.period} ${w.ruleName}: ${w.message} / ${w.messageEn}`).join('') : '');
}

export function registerData(program: Command): void {
  const data = program.command('data').description('统计数据导入导出与监测 / statistics import, export and monitoring');
  data
    .command('import <file>')
    .description('导入 .xlsx / .csv（UTF-8、UTF-8 BOM 或 GBK；长表 org_code,indicator_code,period,value 或宽表模板）；任一行有误则整体拒绝 / import values, all or nothing')
    .option('--dry-run', '只校验预览，不保存 / validate and preview only')
    .option('--json', '以 JSON 输出结果 / print the result as JSON')
    .option('--confirm', '确认保存超出常见范围（软范围）的数值 / store values outside their soft range')
    .action(async (file: string, o: { dryRun?: boolean; json?: boolean; confirm?: boolean }) => {
      const bytes = readInputFile(file);
      const { database } = await ready();
      try {
        const deps = { store: createStore(database.db), secrets };
        const indicators = await deps.store.statistics.indicators();
        const input = await importInputFromFile(bytes, basename(file), indicators, { dryRun: !!o.dryRun, sha256: createHash('sha256').update(bytes).digest('hex') });
        input.onProgress = progressBar(expectedRows(input.rows));
        input.confirm = !!o.confirm;
        let result: ImportResult;
        try {
          result = await importDataValues(deps, null, input, new Date());
        } catch (err) {
          if (printRefusedImport(err, o.json)) return;
          throw err;
        }
        if (o.json) console.log(JSON.stringify(result, null, 2));
        else if (!result.valid) printIssues(result.issues, result.issueCount);
        else console.log(summary(result));
        if (!result.valid) process.exitCode = 2;
      } finally {
        await database.close();
      }
    });
  data
    .command('export')
    .description('导出数据（长表，可再导入）/ export values in the long layout (re-importable)')
    .option('--period <period>', '期间 2020、2020Q4 或 202012 / one period')
    .option('--from <period>', '起始期间 / from period')
    .option('--to <period>', '截止期间 / to period')
    .option('--indicator <code>', '指标代码 / indicator code')
    .option('--org <code>', '组织代码 / organisation code')
    .option('--format <format>', 'csv 或 xlsx', 'csv')
    .option('--out <file>', '输出文件（默认标准输出，仅 csv）/ output file (default stdout, csv only)')
    .action(async (o: { period?: string; from?: string; to?: string; indicator?: string; org?: string; format: string; out?: string }) => {
      if (o.format !== 'csv' && o.format !== 'xlsx') throw new UsageError('--format 须为 csv 或 xlsx / must be csv or xlsx');
      if (o.format === 'xlsx' && !o.out) throw new UsageError('xlsx 需用 --out 指定文件 / xlsx needs --out FILE');
      const { database } = await ready();
      try {
        const rows = await exportRows({ store: createStore(database.db), secrets }, null, { period: o.period, from: o.from, to: o.to, indicator: o.indicator, org: o.org });
        const bytes = await tableFile(rows, o.format, '数据');
        if (o.out) {
          writeFileSync(o.out, bytes);
          process.stderr.write(`已导出 exported ${rows.length - 1} values to ${o.out}\n`);
        } else process.stdout.write(bytes);
      } finally {
        await database.close();
      }
    });
  registerMonitoring(data);
}
