// The briefing report as an Excel workbook: a summary sheet (title, period, paragraphs, targets) and one
// sheet per table, numbers as numbers so a reader can recompute; suppressed cells empty with the reason.
import type ExcelJS from 'exceljs';
import { excel } from './excel';
import type { BriefingReport, ReportTable } from '../shared/reports';
import { PROGRESS_STATUS_LABELS } from '../shared/targets';
import { CONFIDENTIALITY_NOTE, LIGHT_ZH, summaryParagraphs } from './report-text';

const REASON = { few: '不足3家 fewer than 3', dominant: '单家>85% one > 85 %', complementary: '关联保密 complementary' } as const;

function tableSheet(wb: ExcelJS.Workbook, name: string, tb: ReportTable) {
  const ws = wb.addWorksheet(name);
  ws.columns = [
    { header: tb.dim === 'industry' ? '产业 industry' : '县（市、区） county', key: 'name', width: 26 },
    { header: '代码 key', key: 'key', width: 18 },
    { header: `${tb.indicator.name}（${tb.indicator.unit}）`, key: 'value', width: 22 },
    { header: '同比% yoy', key: 'yoy', width: 12 },
    { header: '企业数 n', key: 'n', width: 10 },
    { header: '保密 suppressed', key: 'suppressed', width: 22 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of tb.rows) ws.addRow({ name: r.name, key: r.key, value: r.value, yoy: r.yoy === null ? null : Math.round(r.yoy * 10) / 10, n: r.n, suppressed: r.suppressed ? REASON[r.suppressed] : null });
  if (tb.total) ws.addRow({ name: '合计 total', value: tb.total.value, yoy: tb.total.yoy === null ? null : Math.round(tb.total.yoy * 10) / 10 });
  if (tb.confidentiality) ws.addRow({ name: CONFIDENTIALITY_NOTE });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function writeReportXlsx(r: BriefingReport): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'SEI Monitor';
  const info = wb.addWorksheet('通报 report');
  info.columns = [{ width: 22 }, { width: 100 }];
  info.addRow(['标题 title', r.title]).font = { bold: true };
  info.addRow(['报告期 period', `${r.periodLabel.zh}（${r.period}），截至 as of ${r.asOf}`]);
  info.addRow(['数据 data', r.demo ? '含演示数据 contains demo data' : '实际数据 recorded data']);
  summaryParagraphs(r).forEach((p, i) => info.addRow([i === 0 ? '正文 text' : '', p]));
  for (const x of r.notes) info.addRow(['说明 note', `${x.zh} / ${x.en}`]);

  const ts = wb.addWorksheet('目标 targets');
  ts.columns = [
    { header: '编号 code', key: 'code', width: 8 }, { header: '目标 target', key: 'name', width: 36 }, { header: '单位 unit', key: 'unit', width: 8 },
    { header: '基期年 base year', key: 'baselineYear', width: 10 }, { header: '基期值 base', key: 'baselineValue', width: 12 },
    { header: '目标年 year', key: 'targetYear', width: 10 }, { header: '目标值 target', key: 'targetValue', width: 12 },
    { header: '实际值 actual', key: 'actual', width: 12 }, { header: '实际期 of', key: 'actualPeriod', width: 12 },
    { header: '完成程度% attainment', key: 'attainmentPct', width: 14 }, { header: '达标 met', key: 'met', width: 8 },
    { header: '灯号 light', key: 'light', width: 8 }, { header: '预判 status', key: 'status', width: 16 },
    { header: '预计 projection', key: 'projection', width: 12 },
  ];
  ts.getRow(1).font = { bold: true };
  for (const t of r.targets) {
    ts.addRow({
      ...t, attainmentPct: t.attainmentPct === null ? null : Math.round(t.attainmentPct * 10) / 10, met: t.met === null ? null : t.met ? '是' : '否',
      light: t.light ? LIGHT_ZH[t.light] : null, status: t.status ? PROGRESS_STATUS_LABELS[t.status].zh : null, projection: t.projection?.value ?? null,
    });
  }
  if (r.industries) tableSheet(wb, '分产业 industries', r.industries);
  if (r.counties) tableSheet(wb, '分县 counties', r.counties);
  if (r.projects) {
    const ps = wb.addWorksheet('重大项目 projects'); // every red project (the Word/PDF annex holds those past the body's 15)
    ps.columns = [{ header: '项目 project', key: 'name', width: 36 }, { header: '县 county', key: 'county', width: 14 }, { header: '红灯原因 why red', key: 'reasons', width: 80 }];
    ps.getRow(1).font = { bold: true };
    ps.addRow({ name: `合计 ${r.projects.total}：绿 ${r.projects.lights.green} 黄 ${r.projects.lights.yellow} 红 ${r.projects.lights.red} 无 ${r.projects.lights.none}` });
    for (const p of r.projects.red) ps.addRow({ name: p.name, county: p.county, reasons: p.reasons.join('；') });
  }
  if (r.supervision) {
    const ss = wb.addWorksheet('督查排名 ranking');
    ss.columns = [{ header: '类别 group', key: 'group', width: 10 }, { header: '名次 rank', key: 'rank', width: 8 }, { header: '单位 unit', key: 'unit', width: 30 }, { header: '任务数 tasks', key: 'tasks', width: 10 }, { header: '红灯 red', key: 'red', width: 8 }, { header: '按时报送率%', key: 'onTime', width: 12 }, { header: '销号率%', key: 'closure', width: 10 }, { header: '红灯天数', key: 'redDays', width: 10 }, { header: '综合得分 score', key: 'score', width: 12 }];
    ss.getRow(1).font = { bold: true };
    for (const [group, rows] of [['部门', r.supervision.departments], ['县区', r.supervision.counties]] as const) {
      for (const x of rows) ss.addRow({ group, rank: x.rank, unit: x.org.name, tasks: x.tasks, red: x.counts.red, onTime: x.onTimeRate, closure: x.closureRate, redDays: x.redDays, score: x.score });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
