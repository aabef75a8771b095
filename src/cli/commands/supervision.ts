// `sei supervision` (督查督办), the same use-cases as src/server/routes/supervision.ts:
//   sei supervision light --input FILE|- [--json]     the light rule (POST /api/supervision/light); bad input exits 2 naming the field
//   sei supervision tick [--as-of DATE] [--json]      recompute every light and record the day (POST /api/supervision/tick)
//   sei supervision import-plan [--json]              build the tree from the default plan's tasks (POST /api/supervision/import-plan)
//   sei supervision board [--as-of DATE] [--light L] [--offset N --limit N] [--json] the board by special action (GET /api/supervision/board)
// The CLI acts as the system (no role check).
import type { Command } from 'commander';
import { computeLight } from '../../core/supervision/compute-light';
import { getBoard } from '../../core/supervision/get-board';
import { importPlanTasks } from '../../core/supervision/import-plan-tasks';
import { reminderNotifier } from '../../core/supervision/notify-through-notifications';
import { sendDueReminders } from '../../core/supervision/send-due-reminders';
import { tickSupervision } from '../../core/supervision/tick';
import { BOARD_DEFAULT_LIMIT, BOARD_MAX_LIMIT, IsoDateSchema, LIGHT_REASON_LABELS, type LightResult } from '../../shared/supervision';
import { withDeps } from '../context';
import { table, UsageError, readJsonInput } from '../output';
import { supervisionGroup } from './supervision-follow-up';


function asOfOption(raw: string | undefined): string {
  const today = new Date().toISOString().slice(0, 10);
  if (raw === undefined) return today;
  if (!IsoDateSchema.safeParse(raw).success) throw new UsageError(`--as-of 日期格式有误：${raw}（如 2020-06-30）/ invalid --as-of "${raw}" (YYYY-MM-DD)`);
  return raw;
}

const LIGHT_ZH = { green: '绿灯', yellow: '黄灯', red: '红灯', closed: '已销号' } as const;
const lightText = (r: LightResult) =>
  `${LIGHT_ZH[r.light]} ${r.light}  时间进度 elapsed ${r.timeElapsedPct.toFixed(2)}%  滞后 lag ${r.lagPoints.toFixed(2)} 点` +
  (r.reasons.length ? `  原因 reasons: ${r.reasons.map((x) => `${LIGHT_REASON_LABELS[x].zh} ${x}`).join('、')}` : '');

export function registerSupervision(program: Command): void {
  const sup = supervisionGroup(program);
  sup.command('light')
    .description('亮灯规则：{start,due,asOf,percentDone,status,missedReports,reportedThisPeriod} → {light,reasons,timeElapsedPct,lagPoints}')
    .requiredOption('--input <file>', 'JSON 文件（- 为标准输入）/ JSON file, - for stdin')
    .option('--json', '以 JSON 输出 / print JSON')
    .action((o: { input: string; json?: boolean }) => {
      const r = computeLight(readJsonInput(o.input));
      console.log(o.json ? JSON.stringify(r, null, 2) : lightText(r));
    });
  sup.command('tick')
    .description('重算全部任务亮灯并记录当日 / recompute every light and record the day')
    .option('--as-of <date>', '日期 YYYY-MM-DD（默认今天）/ the day (default today)')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { asOf?: string; json?: boolean }) => {
      const asOf = asOfOption(o.asOf);
      // As the server's daily run: recompute the lights, then the reminders that are due (each sent once).
      const r = await withDeps(async (d) => {
        const tick = await tickSupervision(d, null, asOf);
        const reminders = await sendDueReminders({ ...d, notify: reminderNotifier(d) }, null, { asOf }, new Date());
        return { ...tick, reminders };
      });
      console.log(o.json ? JSON.stringify(r, null, 2) : `${r.asOf}: ${r.tasks} 项任务 tasks, ${r.changed} 项变化 changed — 绿 ${r.counts.green} 黄 ${r.counts.yellow} 红 ${r.counts.red} 销号 ${r.counts.closed}; 催办 reminders ${JSON.stringify(r.reminders)}`);
    });
  sup.command('import-plan')
    .description('由计划任务生成督办任务树（日期为建议，待牵头单位确认）/ build the tree from the plan tasks')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { json?: boolean }) => {
      const r = await withDeps((d) => importPlanTasks(d, null, undefined, new Date()));
      console.log(o.json ? JSON.stringify(r, null, 2) : `新建 created ${r.created}，已有 existing ${r.existing}`);
    });
  sup.command('board')
    .description('督查看板 / the board by special action')
    .option('--as-of <date>', '日期 YYYY-MM-DD（默认今天）/ as-of date')
    .option('--light <light>', 'green|yellow|red|closed')
    .option('--offset <n>', '从第几项开始（0 起）/ first task to show (from 0)', '0')
    .option('--limit <n>', `每页项数（最多 ${BOARD_MAX_LIMIT}）/ tasks per page (max ${BOARD_MAX_LIMIT})`, String(BOARD_DEFAULT_LIMIT))
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { asOf?: string; light?: string; offset: string; limit: string; json?: boolean }) => {
      const asOf = asOfOption(o.asOf);
      const b = await withDeps((d) => getBoard(d, null, { asOf, offset: o.offset, limit: o.limit, ...(o.light ? { light: o.light } : {}) }, asOf));
      if (o.json) return console.log(JSON.stringify(b, null, 2));
      console.log(`${b.asOf}  绿 ${b.counts.green} 黄 ${b.counts.yellow} 红 ${b.counts.red} 销号 ${b.counts.closed}`);
      console.log(table(['编号 code', '任务 task', '牵头 lead', '进度 %', '灯 light', '原因 reasons'],
        b.rows.flatMap((r) => r.tasks.map((t) => [t.code, t.title.slice(0, 24), t.lead?.name ?? '', t.percentDone.toFixed(0), t.light.light, t.light.reasons.join(',')])),
        ['l', 'l', 'l', 'r', 'l', 'l']));
      const shown = b.rows.reduce((n, r) => n + r.tasks.length, 0);
      if (shown < b.total) console.log(`第 ${b.offset + 1}–${b.offset + shown} 项，共 ${b.total} 项 / tasks ${b.offset + 1}–${b.offset + shown} of ${b.total} (--offset, --limit)`);
    });
}
