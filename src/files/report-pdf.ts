// The briefing report as PDF through pdfkit, with the Chinese font embedded (subset) so every glyph is in
// the file; the charts are the same PNGs as in Word. The font is checked before anything is drawn: a
// missing font is an error naming REPORT_FONT, never a PDF of empty boxes.
import PDFDocument from 'pdfkit';
import { AppError } from '../core/app-error';
import type { BriefingReport } from '../shared/reports';
import { reportCharts, svgToPng } from './report-charts';
import { resolveReportFont, type ReportFont } from './report-font';
import {
  ANNEX_TITLE, CONFIDENTIALITY_NOTE, PROJECT_HEADERS, RANK_HEADERS, TABLE_HEADERS, TARGET_HEADERS, rankCells, redProjectParts, summaryParagraphs, tableCells, targetCells,
} from './report-text';

const FILL: Record<string, string> = { 绿灯: '#c6efce', 黄灯: '#ffeb9c', 红灯: '#ffc7ce' };
type Doc = PDFKit.PDFDocument;

/** A bordered table that breaks across pages, the header repeated; widths are relative. */
function table(doc: Doc, headers: string[], rows: string[][], weights: number[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const sum = weights.reduce((a, b) => a + b, 0);
  const ws = weights.map((w) => (w / sum) * width);
  const size = 8;
  const line = (cells: string[], header: boolean) => {
    doc.fontSize(size);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: ws[i]! - 4 }))) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) { doc.addPage(); if (!header) line(headers, true); }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      const fill = header ? '#d9e2f3' : FILL[c];
      if (fill) doc.rect(x, y, ws[i]!, h).fill(fill);
      doc.rect(x, y, ws[i]!, h).lineWidth(0.5).stroke('#000000');
      doc.fillColor('#000000').text(c, x + 2, y + 3, { width: ws[i]! - 4, align: i === 0 || i === 1 ? 'left' : 'center' });
      x += ws[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  };
  line(headers, true);
  for (const r of rows) line(r, false);
  doc.moveDown(0.5);
}

export async function writeReportPdf(r: BriefingReport, font: ReportFont = resolveReportFont()): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 60, bottom: 60, left: 56, right: 56 }, info: { Title: r.title, Creator: 'SEI Monitor' }, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res, rej) => { doc.on('end', () => res()); doc.on('error', rej); });
  try {
    doc.registerFont('zh', font.path, font.face);
    doc.font('zh');
  } catch (e) {
    throw new AppError('INTERNAL', {
      zh: `无法载入报告字体 REPORT_FONT=${font.path}${font.face ? `（字形 ${font.face}）` : ''}：${String(e)}。.ttc 字体集请用 REPORT_FONT_FACE 指定字形名`,
      en: `cannot load the report font REPORT_FONT=${font.path}${font.face ? ` (face ${font.face})` : ''}: ${String(e)}. For a .ttc collection name the face in REPORT_FONT_FACE`,
    });
  }
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const heading = (t: string) => { if (doc.y > doc.page.height - 160) doc.addPage(); doc.moveDown(0.6).fontSize(13).fillColor('#000000').text(t, left, doc.y, { width }).moveDown(0.3); };
  const para = (t: string, size = 10.5, color = '#000000') => doc.fontSize(size).fillColor(color).text(t, left, doc.y, { width, indent: size * 2, lineGap: 3 }).fillColor('#000000');
  const charts = reportCharts(r);
  const chart = (key: string) => {
    const c = charts.find((x) => x.key === key);
    if (!c) return;
    const w = Math.min(width, 460);
    const h = (w * c.height) / c.width;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.image(svgToPng(c.svg, font), left + (width - w) / 2, doc.y, { width: w, height: h });
    doc.y += h + 6;
    doc.x = left;
  };

  doc.fontSize(18).text(r.title, left, doc.y, { width, align: 'center' }).moveDown(0.4);
  doc.fontSize(11).text(`报告期：${r.periodLabel.zh}（${r.period}），数据截至 ${r.asOf}`, { width, align: 'center' });
  if (r.demo) doc.fillColor('#c00000').text('（含演示数据，非真实统计结果）', { width, align: 'center' }).fillColor('#000000');
  doc.moveDown(0.8);
  for (const p of summaryParagraphs(r)) para(p);
  let n = 0;
  const cn = ['一', '二', '三', '四', '五', '六'];
  const section = (t: string) => heading(`${cn[n++]}、${t}`);
  if (r.targets.length) {
    section('目标指标完成情况');
    table(doc, TARGET_HEADERS, r.targets.map(targetCells), [4, 13, 4, 9, 10, 11, 6, 4, 7]);
    for (const t of r.trends) chart(`trend-${t.code}`);
  }
  if (r.industries) { section('分产业情况'); chart('industries'); table(doc, TABLE_HEADERS(r.industries), tableCells(r.industries), [10, 8, 5, 4]); }
  if (r.counties) { section('分县（市、区）情况'); chart('counties'); table(doc, TABLE_HEADERS(r.counties), tableCells(r.counties), [10, 8, 5, 4]); }
  if (r.industries?.confidentiality || r.counties?.confidentiality) para(CONFIDENTIALITY_NOTE, 8, '#595959');
  const red = redProjectParts(r);
  if (r.projects) {
    const l = r.projects.lights;
    section('重大项目');
    para(`共${r.projects.total}个项目：绿灯${l.green}个，黄灯${l.yellow}个，红灯${l.red}个，尚无灯号${l.none}个。`);
    if (red.body.length) table(doc, PROJECT_HEADERS, red.body, [8, 4, 14]);
    if (red.note) para(red.note);
  }
  if (r.supervision) {
    section(`重点任务督查排名（${r.supervision.label.zh}）`);
    para('市直部门：');
    table(doc, RANK_HEADERS, rankCells(r.supervision.departments), [3, 12, 3, 3, 5, 5, 4, 4]);
    para('县（市、区）：');
    table(doc, RANK_HEADERS, rankCells(r.supervision.counties), [3, 12, 3, 3, 5, 5, 4, 4]);
  }
  for (const x of r.notes) para(`说明：${x.zh}`, 8, '#595959');
  doc.moveDown(1).fontSize(11).text('邢台市战略性新兴产业发展领导小组办公室', left, doc.y, { width, align: 'right' });
  if (red.annex.length) {
    doc.addPage();
    para(ANNEX_TITLE);
    table(doc, PROJECT_HEADERS, red.annex, [8, 4, 14]);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
