// `sei review` (领导小组审议), the same use-cases as src/server/routes/review.ts:
//   sei review list [--type T] [--status S] [--year Y] [--q WORDS] [--json]   the items (GET /api/review/items)
//   sei review funds [--as-of DATE] [--json]                                   资金支付率 and totals (GET /api/review/funds)
//   sei review submit CODE [--json]                                           提交 a draft (POST /api/review/items/:id/submit)
//   sei review schedule --title T --held-on DATE [--place P] --item CODE=PRESENTER … [--json]
//                                                                              安排会议, agenda in the order given (POST /api/review/meetings)
// The write commands name items by code and use the version they have just read: a script that runs them
// acts on the item as it is now, and the use-cases still refuse a wrong state (a draft on an agenda …).
// The CLI acts as the system (no role check). Listing also settles items whose follow-up tasks are all
// closed (implemented), as the web list does.
import type { Command } from 'commander';
import { getFundsOverview } from '../../core/review/get-funds-overview';
import { listItems } from '../../core/review/list-items';
import { scheduleMeeting } from '../../core/review/schedule-meeting';
import { submitItem } from '../../core/review/submit-item';
import { notFound } from '../../core/app-error';
import type { Deps } from '../../core/ports';
import { DECISION_LABELS, ITEM_STATUSES, ITEM_STATUS_LABELS, REVIEW_TYPES, REVIEW_TYPE_LABELS, type FundTotalRow } from '../../shared/review';
import { IsoDateSchema } from '../../shared/supervision';
import { withDeps } from '../context';
import { required, table, UsageError } from '../output';

/** An item by its code (审议-2019-001), or NOT_FOUND naming the code. */
async function itemByCode(d: Deps, code: string) {
  const found = (await listItems(d, null, { q: code }, new Date())).find((i) => i.code === code);
  if (!found) throw notFound({ zh: '审议事项', en: 'review item' }, code);
  return found;
}

const collect = (v: string, acc: string[]) => [...acc, v];

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

export function registerReview(program: Command): void {
  const g = program.command('review').description('领导小组审议：审议事项、会议决定、资金拨付 / leading-group review of decisions, projects and funds');
  g.command('list')
    .description('审议事项列表 / the review items')
    .option('--type <type>', REVIEW_TYPES.join('|'))
    .option('--status <status>', ITEM_STATUSES.join('|'))
    .option('--year <year>', '年份（按编号）/ year of the item code')
    .option('--q <words>', '关键词 / words in code, title, summary, unit')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { type?: string; status?: string; year?: string; q?: string; json?: boolean }) => {
      if (o.type && !(REVIEW_TYPES as readonly string[]).includes(o.type)) throw new UsageError(`--type 有误：${o.type}（可选 ${REVIEW_TYPES.join('|')}）/ invalid --type "${o.type}"`);
      if (o.status && !(ITEM_STATUSES as readonly string[]).includes(o.status)) throw new UsageError(`--status 有误：${o.status}（可选 ${ITEM_STATUSES.join('|')}）/ invalid --status "${o.status}"`);
      if (o.year && !/^\d{4}$/.test(o.year)) throw new UsageError(`--year 有误：${o.year}（如 2019）/ invalid --year "${o.year}"`);
      const items = await withDeps((d) => listItems(d, null, { type: o.type, status: o.status, year: o.year, q: o.q }, new Date()));
      if (o.json) return console.log(JSON.stringify({ items }, null, 2));
      console.log(table(['编号 code', '类型 type', '事项 title', '提交单位 unit', '金额 万元', '状态 status', '决定 decision'],
        items.map((i) => [i.code, REVIEW_TYPE_LABELS[i.type].zh, i.title.slice(0, 28), i.submittingOrg.name, i.amount ?? '', ITEM_STATUS_LABELS[i.status].zh, i.decision ? DECISION_LABELS[i.decision].zh : '']),
        ['l', 'l', 'l', 'l', 'r', 'l', 'l']));
      console.log(`${items.length} 项 items`);
    });
  g.command('funds')
    .description('资金支付率与分产业、县市区、年度合计 / payment rate and totals')
    .option('--as-of <date>', '日期 YYYY-MM-DD（默认今天）/ as-of date')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { asOf?: string; json?: boolean }) => {
      const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
      if (!IsoDateSchema.safeParse(asOf).success) throw new UsageError(`--as-of 日期格式有误：${asOf}（如 2020-06-30）/ invalid --as-of "${asOf}" (YYYY-MM-DD)`);
      const f = await withDeps((d) => getFundsOverview(d, null, asOf));
      if (o.json) return console.log(JSON.stringify(f, null, 2));
      const t = f.total;
      console.log(`${asOf}  核定 approved ${t.approved}  应拨 scheduled ${t.scheduledToDate}  已拨 paid ${t.paidToDate}  支付率 ${pct(t.paymentRate)}  灯 ${t.light ?? '—'}`);
      const rows = (title: string, rs: FundTotalRow[]) => { console.log(title); console.log(table(['', '核定', '应拨', '已拨', '支付率'], rs.map((r) => [r.name, r.approved, r.scheduled, r.paid, pct(r.paymentRate)]), ['l', 'r', 'r', 'r', 'r'])); };
      rows('分产业 by industry', f.byIndustry);
      rows('分县市区 by county', f.byCounty);
      rows('分年度 by year', f.byYear);
    });
  g.command('submit <code>')
    .description('提交草稿待审议 / submit a draft item for review')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (code: string, o: { json?: boolean }) => withDeps(async (d) => {
      const item = await itemByCode(d, code);
      const after = await submitItem(d, null, item.id, { rowVersion: item.rowVersion }, new Date());
      console.log(o.json ? JSON.stringify(after, null, 2) : `已提交 Submitted ${after.code} ${after.title}`);
    }));
  g.command('schedule')
    .description('安排会议：按给出的顺序把已提交事项列入议程 / schedule a meeting of submitted items, in the order given')
    .option('--title <title>', '会议名称 / meeting title')
    .option('--held-on <date>', '会议日期 YYYY-MM-DD / meeting date')
    .option('--place <place>', '地点 / place')
    .option('--item <code=presenter>', '议题：事项编号=汇报人，可重复，按顺序 / an agenda line, repeatable, in order', collect, [])
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { title?: string; heldOn?: string; place?: string; item: string[]; json?: boolean }) => {
      const title = required(o.title, '--title', '"2021年第一季度领导小组会议"');
      const heldOn = required(o.heldOn, '--held-on', '2021-03-28');
      if (!IsoDateSchema.safeParse(heldOn).success) throw new UsageError(`--held-on 日期格式有误：${heldOn}（如 2021-03-28）/ invalid --held-on "${heldOn}" (YYYY-MM-DD)`);
      if (!o.item.length) throw new UsageError('缺少 --item（如 --item 审议-2021-001=市工信局张局长）/ at least one --item CODE=PRESENTER is required');
      const lines = o.item.map((x, i) => {
        const at = x.indexOf('=');
        if (at <= 0 || !x.slice(at + 1).trim()) throw new UsageError(`第 ${i + 1} 个 --item 有误：${x}（须为 编号=汇报人）/ --item #${i + 1} "${x}" must be CODE=PRESENTER`);
        return { code: x.slice(0, at).trim(), presenter: x.slice(at + 1).trim() };
      });
      await withDeps(async (d) => {
        const agenda = [];
        for (const l of lines) {
          const item = await itemByCode(d, l.code);
          agenda.push({ itemId: item.id, rowVersion: item.rowVersion, presenter: l.presenter });
        }
        const m = await scheduleMeeting(d, null, { title, heldOn, place: o.place ?? null, agenda }, new Date());
        if (o.json) return console.log(JSON.stringify(m, null, 2));
        console.log(`已安排 Scheduled ${m.code} ${m.title} ${m.heldOn}`);
        console.log(table(['#', '编号 code', '事项 title', '汇报人 presenter'], m.agenda.map((a) => [a.sort, a.code, a.title.slice(0, 28), a.presenter]), ['r', 'l', 'l', 'l']));
      });
    });
}
