// `sei enterprise list [--q TEXT] [--county CODE] [--sei L1] [--park ID] [--limit N] [--offset N] [--json]` and
// `sei enterprise import FILE [--dry-run] [--json]`: the enterprise registry (企业名录), thin like
// src/server/routes/enterprises.ts (GET /api/enterprises, POST /api/enterprises/import); `--json` prints what they return.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { listEnterprises } from '../../core/statistics/enterprises';
import { importEnterprises } from '../../core/statistics/import-enterprises';
import { readTable } from '../../files/tabular';
import { TIER_LABELS, type EnterpriseImportResult, type EnterprisePage } from '../../shared/statistics';
import { ready, SYSTEM_ACTOR } from '../context';
import { intOption, readInputFile, table } from '../output';
import { printIssues, printRefusedImport } from './data';

const yes = (b: boolean) => (b ? '是' : '');

export function formatEnterprises(r: EnterprisePage, offset: number): string {
  const shown = r.items.length ? `${offset + 1}–${offset + r.items.length}` : '0';
  return [
    table(['统一社会信用代码 USCC', '企业名称 name', '县市区 county', '园区 park', '行业 industry', '战新 SEI', '类别 tier', '规上', '高新'],
      r.items.map((e) => [e.uscc, e.name, `${e.county.code} ${e.county.name}`, e.parkName, e.industryCode ? `${e.industryCode} ${e.industryName ?? ''}` : null,
        e.sei.l1 ? `${e.sei.l2 ?? e.sei.l1} ${e.sei.l2Name ?? e.sei.l1Name ?? ''}${e.sei.counted ? '' : '（未计入 not counted）'}` : null,
        TIER_LABELS[e.tier].zh, yes(e.aboveScale), yes(e.highTech)])),
    r.totalCapped
      ? `超过 ${r.total} 家，显示 ${shown} / more than ${r.total} enterprises, showing ${shown}（--limit/--offset 翻页或缩小查询 page with --limit/--offset or narrow the search）`
      : `共 ${r.total} 家，显示 ${shown} / ${r.total} enterprise(s), showing ${shown}${r.total > offset + r.items.length ? '（--limit/--offset 翻页 page with --limit/--offset）' : ''}`,
  ].join('\n');
}

function summary(r: EnterpriseImportResult): string {
  const what = r.dryRun ? '预览（未保存）dry run, nothing stored' : '已导入 imported';
  return `${what}: ${r.rows} rows — 新增 created ${r.created}, 更新 updated ${r.updated}, 未变 unchanged ${r.unchanged}`;
}

export function registerEnterprises(program: Command): void {
  const enterprise = program.command('enterprise').description('企业名录 / enterprise registry');
  enterprise
    .command('list')
    .description('查询企业名录 / list and search the enterprise registry')
    .option('--q <text>', '名称或信用代码关键字 / name or USCC contains')
    .option('--county <code>', '县市区代码 / county code (130528 …)')
    .option('--sei <l1>', '战略性新兴产业一级分类 / SEI level-1 category (1–9)')
    .option('--park <id>', '园区/基地 ID / park id')
    .option('--limit <n>', '每页条数 1–500（默认 50）/ page size 1–500 (default 50)')
    .option('--offset <n>', '跳过条数（默认 0）/ rows to skip (default 0)')
    .option('--json', '以 JSON 输出（同 GET /api/enterprises）/ print JSON (as GET /api/enterprises)')
    .action(async (o: { q?: string; county?: string; sei?: string; park?: string; limit?: string; offset?: string; json?: boolean }) => {
      const limit = intOption(o.limit, '--limit', 1, 500, 50);
      const offset = intOption(o.offset, '--offset', 0, Number.MAX_SAFE_INTEGER, 0);
      const { database, deps } = await ready();
      try {
        const r = await listEnterprises(deps, SYSTEM_ACTOR, { q: o.q, countyCode: o.county, seiL1: o.sei, parkCode: o.park, limit, offset });
        console.log(o.json ? JSON.stringify(r, null, 2) : formatEnterprises(r, offset));
      } finally {
        await database.close();
      }
    });
  enterprise
    .command('import <file>')
    .description('批量导入企业名录 .xlsx / .csv（UTF-8、UTF-8 BOM 或 GBK），按信用代码新增或更新；任一行有误则整体拒绝 / import the registry, all or nothing')
    .option('--dry-run', '只校验预览，不保存 / validate and preview only')
    .option('--json', '以 JSON 输出结果 / print the result as JSON')
    .action(async (file: string, o: { dryRun?: boolean; json?: boolean }) => {
      const bytes = readInputFile(file);
      const { database, deps } = await ready();
      try {
        const { rows } = await readTable(bytes, basename(file));
        let result: EnterpriseImportResult;
        try {
          result = await importEnterprises(deps, null, rows, { dryRun: !!o.dryRun }, new Date());
        } catch (err) {
          if (printRefusedImport(err, o.json)) return;
          throw err;
        }
        if (o.json) console.log(JSON.stringify(result, null, 2));
        else if (!result.valid) printIssues(result.issues, result.issues.length);
        else console.log(summary(result));
        if (!result.valid) process.exitCode = 2;
      } finally {
        await database.close();
      }
    });
}
