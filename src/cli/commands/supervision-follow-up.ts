// `sei supervision` follow-up subcommands (the same use-cases as src/server/routes/supervision-follow-up.ts;
// `--json` prints what the matching route returns):
//   sei supervision bulletin --period P [--format docx|xlsx|json] [--out FILE] [--doc-number N]   GET /api/supervision/bulletin
//   sei supervision remind --task CODE[,CODE…] [--org CODE] [--period P] [--message T] [--json]   POST /api/supervision/reminders/bulk
//   sei supervision remind --due [--as-of DATE] [--json]       the daily reminders (as the tick)   POST /api/supervision/reminders/due
//   sei supervision unit-head --user NAME [--off]             flag a user as their unit's head (receives escalations)
// The CLI acts as the system (no role check), like the other supervision commands.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { computeBulletin } from '../../core/supervision/compute-bulletin';
import { remindTasks } from '../../core/supervision/remind-tasks';
import { sendDueReminders } from '../../core/supervision/send-due-reminders';
import { setUnitHead } from '../../core/supervision/set-unit-head';
import { planIdOf } from '../../core/supervision/present';
import { BulletinPeriodSchema, type BulletinRow } from '../../shared/supervision-follow-up';
import { IsoDateSchema } from '../../shared/supervision';
import { writeBulletinDocx } from '../../files/bulletin-docx';
import { writeBulletinXlsx } from '../../files/bulletin-xlsx';
import { withDeps } from '../context';
import { required, table, UsageError } from '../output';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const print = (json: boolean | undefined, value: unknown, human: () => string) => console.log(json ? JSON.stringify(value, null, 2) : human());

/** The `sei supervision` group, made by whichever file registers first (S1's supervision.ts or this one). */
export function supervisionGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'supervision') ?? program.command('supervision').description('督查督办 / task supervision');
}

function rankingTable(rows: BulletinRow[]): string {
  return table(['名次 rank', '单位 unit', '任务 tasks', '应报 due', '按时 on time', '按时率 rate', '销号率 closure', '红灯天数 red days', '得分 score'],
    rows.map((r) => [r.rank, r.org.name, r.tasks, r.reportsDue, r.reportsOnTime, pct(r.onTimeRate), pct(r.closureRate), r.redDays, r.score === null ? '—' : r.score.toFixed(1)]),
    ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);
}

export function registerSupervisionFollowUp(program: Command): void {
  const sup = supervisionGroup(program);
  sup.command('bulletin')
    .description('通报：按时报送率、销号率、红灯天数排名，导出 Word/Excel / the ranking bulletin of units and counties')
    .option('--period <p>', '期间 2020Q4、202012、2020 或 2020-10-01..2020-12-31 / period')
    .option('--format <f>', 'docx | xlsx | json（默认屏显）/ output format (default: a table on screen)')
    .option('--out <file>', '输出文件（docx/xlsx 必填）/ output file (required for docx/xlsx)')
    .option('--doc-number <n>', '文号（默认 邢战新督〔年〕序号号）/ document number')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { period?: string; format?: string; out?: string; docNumber?: string; json?: boolean }) => {
      const period = required(o.period, '--period', '2020Q4');
      if (!BulletinPeriodSchema.safeParse(period).success) throw new UsageError(`--period 格式应为 2020Q4、202012、2020 或 YYYY-MM-DD..YYYY-MM-DD / --period must be a quarter, month, year or date range: ${period}`);
      const format = o.format ?? (o.json ? 'json' : 'text');
      if (!['docx', 'xlsx', 'json', 'text'].includes(format)) throw new UsageError(`--format 只能是 docx、xlsx 或 json / --format must be docx, xlsx or json: ${format}`);
      if ((format === 'docx' || format === 'xlsx') && !o.out) throw new UsageError('--format docx/xlsx 需要 --out FILE / --format docx|xlsx needs --out FILE');
      const b = await withDeps((d) => computeBulletin(d, null, { period, docNumber: o.docNumber }, new Date()));
      if (format === 'docx' || format === 'xlsx') {
        writeFileSync(o.out!, format === 'docx' ? await writeBulletinDocx(b) : await writeBulletinXlsx(b));
        console.log(`已写出 ${o.out}：${b.title}（${b.docNumber}） / wrote ${o.out}`);
        return;
      }
      print(format === 'json', b, () => [
        `${b.title}  ${b.docNumber}${b.demo ? '  【演示数据 demo】' : ''}`,
        `${b.from}..${b.to}（截至 as of ${b.asOf}）：任务 ${b.totals.tasks}，按时报送率 ${pct(b.totals.onTimeRate)}，销号率 ${pct(b.totals.closureRate)}，红灯天数 ${b.totals.redDays}`,
        '', '市直部门 departments', rankingTable(b.departments), '', '县市区 counties', rankingTable(b.counties),
      ].join('\n'));
    });

  sup.command('remind')
    .description('催办：提醒任务的责任单位；--due 按到期规则发送（同一天重复运行不重复发送）/ remind the units of tasks; --due sends the daily reminders')
    .option('--task <codes>', '任务编码（逗号分隔）/ task codes, comma-separated')
    .option('--org <code>', '提醒该单位（须为任务的单位）/ remind this unit (one of the task\'s)')
    .option('--period <p>', '报告期 / report period')
    .option('--message <text>', '催办内容 / message')
    .option('--due', '发送到期提醒（临近报送期限、逾期未报、任务即将到期）/ send the due reminders as the daily tick does')
    .option('--as-of <date>', '按该日计算（默认今天）/ as of this day (default today)')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { task?: string; org?: string; period?: string; message?: string; due?: boolean; asOf?: string; json?: boolean }) => {
      if (o.due) {
        const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
        if (!IsoDateSchema.safeParse(asOf).success) throw new UsageError(`--as-of 应为 YYYY-MM-DD / --as-of must be a date: ${asOf}`);
        const r = await withDeps((d) => sendDueReminders(d, null, { asOf }, new Date()));
        print(o.json, r, () => `${asOf}：催办 ${r.sent} 条（临近期限 ${r.byCause.report_due}，逾期未报 ${r.byCause.report_missed}，任务即将到期 ${r.byCause.task_due}），升级督办 ${r.escalations} 条 / sent ${r.sent} reminders, ${r.escalations} escalations`);
        return;
      }
      const codes = required(o.task, '--task', 'T2.1.1').split(',').map((s) => s.trim()).filter(Boolean);
      const r = await withDeps(async (d) => {
        const planId = await planIdOf(d, undefined);
        const nodes = await d.store.supervision.listNodes(planId);
        const ids = codes.map((c) => nodes.find((n) => n.code === c)?.id ?? (() => { throw new UsageError(`没有该任务编码 / no task with code: ${c}`); })());
        const orgId = o.org ? (await d.store.orgs.idsByCode()).get(o.org) : undefined;
        if (o.org && !orgId) throw new UsageError(`没有该单位代码 / no unit with code: ${o.org}`);
        return remindTasks(d, null, { taskIds: ids, orgId, period: o.period, message: o.message }, new Date());
      });
      print(o.json, r, () => [
        `已催办 ${r.sent.length} 条，升级督办 ${r.escalations.length} 条 / sent ${r.sent.length} reminders, ${r.escalations.length} escalations`,
        ...r.sent.map((s) => `  ${s.taskCode} → ${s.org.name}（第 ${s.level} 次 / #${s.level}）`),
        ...r.escalations.map((s) => `  升级 escalated: ${s.message}`),
        ...r.skipped.map((s) => `  跳过 skipped: ${s.reason.zh} / ${s.reason.en}`),
      ].join('\n'));
    });

  sup.command('unit-head')
    .description('设置单位负责人（接收升级督办）/ flag a user as the head of their unit (receives escalations)')
    .option('--user <name>', '用户名 / user name')
    .option('--off', '取消 / remove the flag')
    .action(async (o: { user?: string; off?: boolean }) => {
      const username = required(o.user, '--user', 'gxj');
      const r = await withDeps((d) => setUnitHead(d, null, username, !o.off, new Date()));
      console.log(`${r.username}：${r.unitHead ? '已设为单位负责人 / is now the unit head' : '已取消单位负责人 / is no longer the unit head'}`);
    });
}


