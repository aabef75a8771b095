// The registries (创新平台 platforms, 园区基地 parks, 重大项目 projects), thin like src/server/routes/registries.ts
// (same use-cases and workbook; `--json` prints what the matching route returns):
//   sei registry list --kind K [--as-of YYYY-MM-DD] [--json]          GET  /api/{platforms|parks|projects}?asOf=
//   sei registry export --kind K --out FILE.xlsx [--as-of YYYY-MM-DD]  GET  /api/{…}/export.xlsx
//   sei registry import --kind K FILE.xlsx [--dry-run] [--json]        POST /api/{…}/import (all or nothing)
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../core/app-error';
import { importRegistry } from '../../core/registries/import-registry';
import { listRegistry } from '../../core/registries/list-registry';
import { REGISTRY_INFO } from '../../core/registries/registry-kinds';
import type { ErrorBody } from '../../shared/errors';
import {
  PARK_STATUS_LABELS, PARK_TYPE_LABELS, PLATFORM_LEVEL_LABELS, PLATFORM_TYPE_LABELS, PROJECT_STAGE_LABELS, REGISTRY_KINDS,
  type ImportResult, type ImportRowError, type Park, type Platform, type Project, type RegistryKind,
} from '../../shared/registries';
import { AsOfQuerySchema, type Light } from '../../shared/targets';
import { readRegistryWorkbook, writeRegistryWorkbook } from '../../files/registry-workbook';
import { SYSTEM_ACTOR, withDeps } from '../context';
import { readInputFile, required, table, UsageError } from '../output';

const KIND_HELP = `登记册 / registry: ${REGISTRY_KINDS.join('|')}`;

/** `--kind`, or a usage error naming the three kinds. */
export function kindOption(raw: string | undefined): RegistryKind {
  const kind = required(raw, '--kind', 'platform');
  if (!(REGISTRY_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind 须为 ${REGISTRY_KINDS.join('、')} 之一：${kind} / --kind must be one of ${REGISTRY_KINDS.join(', ')}: ${kind}`);
  return kind as RegistryKind;
}

/** `--as-of` as the API's `asOf` reads it (default today, UTC), or a usage error. */
export function asOfOption(raw: string | undefined): string {
  if (raw === undefined) return new Date().toISOString().slice(0, 10);
  if (!AsOfQuerySchema.safeParse({ asOf: raw }).success) throw new UsageError(`--as-of 须为日期 YYYY-MM-DD：${raw} / --as-of must be a date YYYY-MM-DD: ${raw}`);
  return raw;
}

const LIGHT: Record<Light, string> = { green: '绿 green', yellow: '黄 yellow', red: '红 red' };
const light = (l: Light | null) => (l ? LIGHT[l] : null);
const label = (labels: Record<string, { zh: string }>, v: string | null) => (v ? (labels[v]?.zh ?? v) : null);
const county = (r: { countyCode: string | null; countyName: string | null }) => (r.countyCode ? `${r.countyCode} ${r.countyName ?? ''}`.trimEnd() : null);
const demo = (r: { demo: boolean }) => (r.demo ? '演示 demo' : '');
const yes = (b: boolean) => (b ? '是 yes' : '');
const wan = (v: number | null) => (v == null ? null : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));

export function formatPlatforms(asOf: string, items: Platform[]): string {
  const counted = items.filter((p) => p.countsAsOf).length;
  return [
    `创新平台 innovation platforms — 截至 as of ${asOf}`,
    table(['平台名称 name', '类型 type', `级别 level (${asOf})`, '依托单位 host', '县市区 county', '认定 recognised', '升级 upgraded', '撤销 revoked', '计入T4 counts', ''],
      items.map((p) => [p.name, label(PLATFORM_TYPE_LABELS, p.type), label(PLATFORM_LEVEL_LABELS, p.levelAsOf), p.hostOrg, county(p), p.recognisedOn,
        p.upgradedOn ? `${p.upgradedOn} ${label(PLATFORM_LEVEL_LABELS, p.previousLevel)}→${label(PLATFORM_LEVEL_LABELS, p.level)}` : null, p.revokedOn, yes(p.countsAsOf), demo(p)])),
    `共 ${items.length} 个，省级以上 ${counted} 个（计入 T4）/ ${items.length} platform(s), ${counted} provincial or national on ${asOf} (count towards T4)`,
  ].join('\n');
}

export function formatParks(asOf: string, items: Park[]): string {
  const counted = items.filter((p) => p.countsAsOf).length;
  return [
    `园区基地 parks and bases — 截至 as of ${asOf}`,
    table(['名称 name', '类型 type', '县市区 county', '主导产业 lead industries', '状态 status', '认定 recognised', '计入T5 counts', ''],
      items.map((p) => [p.name, label(PARK_TYPE_LABELS, p.type), county(p), p.leadIndustries.join('; ') || null, label(PARK_STATUS_LABELS, p.status), p.recognisedOn, yes(p.countsAsOf), demo(p)])),
    `共 ${items.length} 个，已认定 ${counted} 个（计入 T5）/ ${items.length} park(s), ${counted} recognised by ${asOf} (count towards T5)`,
  ].join('\n');
}

export function formatProjects(asOf: string, items: Project[]): string {
  return [
    `重大项目 major projects — 截至 as of ${asOf}`,
    table(['项目名称 name', '县市区 county', '阶段 stage', '总投资 total (万元)', '累计完成 to date (万元)', '开工 start', '进度 progress', '资金 funds', '里程碑 milestones', ''],
      items.map((p) => [p.name, county(p), label(PROJECT_STAGE_LABELS, p.stage), wan(p.totalInvestment), wan(p.investmentToDate),
        light(p.lights.start), light(p.lights.progress), light(p.lights.funds), light(p.lights.milestones), demo(p)]),
      ['l', 'l', 'l', 'r', 'r', 'l', 'l', 'l', 'l', 'l']),
    `共 ${items.length} 个项目 / ${items.length} project(s)；红灯 red lights: ${items.filter((p) => Object.values(p.lights).includes('red')).length} 个项目 project(s)`,
  ].join('\n');
}

function formatList(kind: RegistryKind, asOf: string, items: (Platform | Park | Project)[]): string {
  if (kind === 'platform') return formatPlatforms(asOf, items as Platform[]);
  if (kind === 'park') return formatParks(asOf, items as Park[]);
  return formatProjects(asOf, items as Project[]);
}

/** The sheet/row/field/value/reason table of import errors on standard error. */
export function printRowErrors(errors: ImportRowError[], stored: boolean): void {
  process.stderr.write(`文件有 ${errors.length} 处错误${stored ? '' : '，未保存任何数据'} / ${errors.length} error(s)${stored ? '' : '; nothing was stored'}\n`);
  process.stderr.write('sheet\trow\tfield\tvalue\treason / 原因\n');
  for (const e of errors.slice(0, 50)) process.stderr.write(`${e.sheet ?? ''}\t${e.row}\t${e.field}\t${e.value == null ? '' : String(e.value)}\t${e.reason} / ${e.reasonEn}\n`);
  if (errors.length > 50) process.stderr.write(`… ${errors.length - 50} more (use --json for all)\n`);
}

/** A refused file (unreadable, missing columns, invalid rows) as the API answers it: 400 VALIDATION with its issues. */
function printRefused(err: AppError, json: boolean | undefined): void {
  if (json) {
    const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
    console.log(JSON.stringify(body, null, 2));
  } else if (err.issues?.some((i) => i.row !== undefined)) {
    printRowErrors(err.issues.map((i) => {
      const sheet = i.sheet ?? (i.path.includes('!') ? i.path.split('!')[0] : undefined);
      const [zh, en] = i.message.split(' / ');
      return { sheet, row: i.row ?? 0, field: i.field ?? i.path, value: i.value ?? null, reason: i.reason ?? zh ?? i.message, reasonEn: i.reasonEn ?? en ?? i.message };
    }), false);
  } else {
    process.stderr.write(`错误 / error [${err.code}]: ${err.message}\n  ${err.messageEn}\n`);
  }
  process.exitCode = 2;
}

const ACTION = { create: '新增 create', update: '更新 update', unchanged: '无变化 unchanged' } as const;

function formatImport(r: ImportResult): string {
  if (!r.dryRun) return `已导入 imported: ${r.rows} rows — 新增 created ${r.created}, 更新 updated ${r.updated}, 无变化 unchanged ${r.unchanged}`;
  const count = (a: keyof typeof ACTION) => r.preview.filter((p) => p.action === a).length;
  return [
    table(['行 row', '名称 name', '操作 action'], r.preview.map((p) => [p.row, p.name, ACTION[p.action]]), ['r', 'l', 'l']),
    `预览（未保存）dry run, nothing stored: ${r.rows} rows — 将新增 would create ${count('create')}, 将更新 would update ${count('update')}, 无变化 unchanged ${count('unchanged')}${r.errors.length ? `, 错误 errors ${r.errors.length}` : ''}`,
  ].join('\n');
}

export function registerRegistries(program: Command): void {
  const registry = program.command('registry').description('创新平台、园区基地、重大项目登记册 / the registries: innovation platforms, parks, major projects');
  registry
    .command('list')
    .description('按日期列出登记册（平台级别、是否计入目标、项目红黄绿灯）/ list a registry as it stands on a date')
    .option('--kind <kind>', KIND_HELP)
    .option('--as-of <date>', '日期 YYYY-MM-DD（默认今天）/ as-of date (default today)')
    .option('--json', '以 JSON 输出（同 GET /api/{platforms|parks|projects}）/ print JSON (as the API)')
    .action(async (o: { kind?: string; asOf?: string; json?: boolean }) => {
      const kind = kindOption(o.kind);
      const asOf = asOfOption(o.asOf);
      const items = await withDeps((d) => listRegistry(d, SYSTEM_ACTOR, kind, asOf));
      console.log(o.json ? JSON.stringify({ asOf, items }, null, 2) : formatList(kind, asOf, items));
    });
  registry
    .command('export')
    .description('导出登记册为 XLSX（同网页导出，可再导入）/ export a registry as XLSX (as the web export; re-importable)')
    .option('--kind <kind>', KIND_HELP)
    .option('--out <file>', '输出文件 .xlsx / output file')
    .option('--as-of <date>', '日期 YYYY-MM-DD（默认今天）/ as-of date (default today)')
    .action(async (o: { kind?: string; out?: string; asOf?: string }) => {
      const kind = kindOption(o.kind);
      const out = required(o.out, '--out', `${kind}s.xlsx`);
      const asOf = asOfOption(o.asOf);
      const items = await withDeps((d) => listRegistry(d, SYSTEM_ACTOR, kind, asOf));
      const bytes = await writeRegistryWorkbook(kind, items);
      try {
        writeFileSync(out, bytes);
      } catch {
        throw new UsageError(`无法写入文件 cannot write ${out}`);
      }
      console.log(`已导出 ${items.length} 条${REGISTRY_INFO[kind].label.zh}记录到 ${out} / exported ${items.length} ${REGISTRY_INFO[kind].label.en} record(s) to ${out}`);
    });
  registry
    .command('import <file>')
    .description('从 XLSX 导入登记册，按名称新增或更新；任一行有误则整体拒绝 / import a registry from XLSX, matched by name; all or nothing')
    .option('--kind <kind>', KIND_HELP)
    .option('--dry-run', '只校验预览，不保存 / validate and preview only')
    .option('--json', '以 JSON 输出（同 POST /api/{…}/import）/ print JSON (as the API)')
    .action(async (file: string, o: { kind?: string; dryRun?: boolean; json?: boolean }) => {
      const kind = kindOption(o.kind);
      const bytes = readInputFile(file);
      let result: ImportResult;
      try {
        result = await withDeps(async (d) => importRegistry(d, null, kind, await readRegistryWorkbook(kind, bytes), { dryRun: !!o.dryRun }, new Date()));
      } catch (err) {
        if (err instanceof AppError && err.code === 'VALIDATION') return printRefused(err, o.json);
        throw err;
      }
      if (o.json) console.log(JSON.stringify(result, null, 2));
      else console.log(formatImport(result));
      if (result.errors.length) {
        if (!o.json) printRowErrors(result.errors, false);
        process.exitCode = 2;
      }
    });
}
