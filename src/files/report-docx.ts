// The briefing report as Word: title and period, the targets table with lights, the charts (PNG from
// the server-side ECharts SVG), the industry and county tables, the project lights and the supervision
// ranking. Fonts as the 通报 (src/files/bulletin-docx.ts): 小标宋 title, 仿宋 body, 黑体 headings.
import {
  AlignmentType, BorderStyle, Document, ImageRun, LineRuleType, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { BriefingReport } from '../shared/reports';
import { reportCharts, svgToPng } from './report-charts';
import { resolveReportFont, type ReportFont } from './report-font';
import {
  ANNEX_TITLE, CONFIDENTIALITY_NOTE, LIGHT_ZH, PROJECT_HEADERS, redProjectParts, RANK_HEADERS, TABLE_HEADERS, TARGET_HEADERS, rankCells, summaryParagraphs, tableCells, targetCells,
} from './report-text';

const MM = 56.7;
const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const TITLE = { ascii: '方正小标宋简体', hAnsi: '方正小标宋简体', eastAsia: '方正小标宋简体' };
const HEAD = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体' };
const TABLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const LIGHT_FILL: Record<string, string> = { 绿灯: 'C6EFCE', 黄灯: 'FFEB9C', 红灯: 'FFC7CE' };

const body = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text, font: BODY, size: 32 })] });
const heading = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text, font: HEAD, size: 32 })] });
const note = (text: string) => new Paragraph({ children: [new TextRun({ text, font: TABLE, size: 21, color: '595959' })] });

function cell(text: string, header = false): TableCell {
  const fill = header ? 'D9E2F3' : LIGHT_FILL[text];
  return new TableCell({
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: TABLE, size: 21, bold: header })] })],
  });
}

function grid(headers: string[], rows: string[][]): Table {
  const b = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) }))],
  });
}

export async function writeReportDocx(r: BriefingReport, font: ReportFont = resolveReportFont()): Promise<Buffer> {
  const charts = reportCharts(r);
  const chart = (key: string): Paragraph[] => {
    const c = charts.find((x) => x.key === key);
    if (!c) return [];
    const w = 150 * 3.78; // 150 mm in pixels at 96 dpi
    return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: svgToPng(c.svg, font), transformation: { width: w, height: (w * c.height) / c.width }, altText: { name: c.key, title: c.title, description: c.title } })] })];
  };
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 400, line: 700, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: r.title, font: TITLE, size: 44 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `报告期：${r.periodLabel.zh}（${r.period}），数据截至 ${r.asOf}`, font: BODY, size: 28 })] }),
  ];
  if (r.demo) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '（含演示数据，非真实统计结果）', font: BODY, size: 28, color: 'C00000' })] }));
  for (const p of summaryParagraphs(r)) children.push(body(p));
  let n = 0;
  const cn = ['一', '二', '三', '四', '五', '六'];
  const section = (title: string) => heading(`${cn[n++]}、${title}`);
  if (r.targets.length) {
    children.push(section('目标指标完成情况'), grid(TARGET_HEADERS, r.targets.map(targetCells)));
    for (const t of r.trends) children.push(...chart(`trend-${t.code}`));
  }
  if (r.industries) children.push(section('分产业情况'), ...chart('industries'), grid(TABLE_HEADERS(r.industries), tableCells(r.industries)));
  if (r.counties) children.push(section('分县（市、区）情况'), ...chart('counties'), grid(TABLE_HEADERS(r.counties), tableCells(r.counties)));
  if ((r.industries?.confidentiality || r.counties?.confidentiality)) children.push(note(CONFIDENTIALITY_NOTE));
  const red = redProjectParts(r);
  if (r.projects) {
    const l = r.projects.lights;
    children.push(section('重大项目'), body(`共${r.projects.total}个项目：${LIGHT_ZH.green}${l.green}个，${LIGHT_ZH.yellow}${l.yellow}个，${LIGHT_ZH.red}${l.red}个，尚无灯号${l.none}个。`));
    if (red.body.length) children.push(grid(PROJECT_HEADERS, red.body));
    if (red.note) children.push(body(red.note));
  }
  if (r.supervision) {
    children.push(section(`重点任务督查排名（${r.supervision.label.zh}）`), body('市直部门：'), grid(RANK_HEADERS, rankCells(r.supervision.departments)), body('县（市、区）：'), grid(RANK_HEADERS, rankCells(r.supervision.counties)));
  }
  for (const x of r.notes) children.push(note(`说明：${x.zh}`));
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600, ...LINE }, children: [new TextRun({ text: '邢台市战略性新兴产业发展领导小组办公室', font: BODY, size: 32 })] }));
  if (red.annex.length) children.push(new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: ANNEX_TITLE, font: HEAD, size: 32 })] }), grid(PROJECT_HEADERS, red.annex));
  const doc = new Document({
    creator: 'SEI Monitor', title: r.title,
    sections: [{ properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } }, children }],
  });
  return Packer.toBuffer(doc);
}
