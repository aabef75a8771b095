// The 通报 as an Excel workbook: the departments' and the counties' rankings on one sheet each, and a
// sheet with the period, totals and the formulas, so a reader can check every rate by hand.
import type ExcelJS from 'exceljs';
import { excel } from './excel';
import type { Bulletin, BulletinRow } from '../shared/supervision-follow-up';
import { bulletinParagraphs } from './bulletin-docx';

export const BULLETIN_COLUMNS: { header: string; key: string; width: number; value: (r: BulletinRow) => string | number | null }[] = [
  { header: '名次 rank', key: 'rank', width: 8, value: (r) => r.rank },
  { header: '单位代码 code', key: 'code', width: 14, value: (r) => r.org.code },
  { header: '单位 unit', key: 'unit', width: 28, value: (r) => r.org.name },
  { header: '任务数 tasks', key: 'tasks', width: 10, value: (r) => r.tasks },
  { header: '绿灯 green', key: 'green', width: 8, value: (r) => r.counts.green },
  { header: '黄灯 yellow', key: 'yellow', width: 8, value: (r) => r.counts.yellow },
  { header: '红灯 red', key: 'red', width: 8, value: (r) => r.counts.red },
  { header: '已销号 closed', key: 'closed', width: 10, value: (r) => r.counts.closed },
  { header: '应报期数 reports due', key: 'reportsDue', width: 12, value: (r) => r.reportsDue },
  { header: '按时报送 on time', key: 'reportsOnTime', width: 12, value: (r) => r.reportsOnTime },
  { header: '按时报送率% on-time rate', key: 'onTimeRate', width: 14, value: (r) => r.onTimeRate },
  { header: '到期任务 tasks due', key: 'tasksDue', width: 12, value: (r) => r.tasksDue },
  { header: '已销号任务 tasks closed', key: 'tasksClosed', width: 12, value: (r) => r.tasksClosed },
  { header: '销号率% closure rate', key: 'closureRate', width: 12, value: (r) => r.closureRate },
  { header: '红灯天数 red days', key: 'redDays', width: 10, value: (r) => r.redDays },
  { header: '非红灯占比% green share', key: 'greenShare', width: 12, value: (r) => r.greenShare },
  { header: '综合得分 score', key: 'score', width: 10, value: (r) => r.score },
];

function rankingSheet(wb: ExcelJS.Workbook, name: string, rows: BulletinRow[]) {
  const ws = wb.addWorksheet(name);
  ws.columns = BULLETIN_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(BULLETIN_COLUMNS.map((c) => [c.key, c.value(r)])));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function writeBulletinXlsx(b: Bulletin): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'SEI Monitor';
  const info = wb.addWorksheet('通报 bulletin');
  info.columns = [{ width: 26 }, { width: 90 }];
  const lines: [string, string | number | null][] = [
    ['标题 title', b.title], ['文号 number', b.docNumber], ['期间 period', `${b.period}（${b.from}..${b.to}），截至 as of ${b.asOf}`],
    ['数据 data', b.demo ? '演示数据 demo data' : '实际数据 recorded data'],
    ['任务数 tasks', b.totals.tasks], ['应报期数 reports due', b.totals.reportsDue], ['按时报送 on time', b.totals.reportsOnTime],
    ['按时报送率% on-time rate', b.totals.onTimeRate], ['到期任务 tasks due', b.totals.tasksDue], ['已销号 closed', b.totals.tasksClosed],
    ['销号率% closure rate', b.totals.closureRate], ['红灯天数 red days', b.totals.redDays],
    ['公式 formulas', '按时报送率 = 按时报送 ÷ 应报期数 × 100；销号率 = 已销号任务 ÷ 到期任务 × 100；非红灯占比 = 100 × (1 − 红灯天数 ÷ 任务在期日数)；综合得分 = 0.4×按时报送率 + 0.4×销号率 + 0.2×非红灯占比（空项不计，权重按其余折算）'],
    ...bulletinParagraphs(b).map((p, i): [string, string] => [i === 0 ? '正文 text' : '', p]),
  ];
  for (const l of lines) info.addRow(l);
  rankingSheet(wb, '市直部门 departments', b.departments);
  rankingSheet(wb, '县市区 counties', b.counties);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
