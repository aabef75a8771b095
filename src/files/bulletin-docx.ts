// The 通报 as a Word file in the layout of a government document (GB/T 9704-2012 党政机关公文格式, as
// far as a generated file goes): A4, margins 37/35/28/26 mm; 文号 centred under the issuer line; title in
// 方正小标宋简体 二号 (22 pt) centred; body in 仿宋_GB2312 三号 (16 pt) with a two-character first-line indent
// and 28 pt fixed line spacing; level-one headings (一、) in 黑体; ranking tables in 仿宋 小四 (12 pt).
import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Bulletin, BulletinRow } from '../shared/supervision-follow-up';

const MM = 56.7; // twips per millimetre
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const TITLE_FONT = { ascii: '方正小标宋简体', hAnsi: '方正小标宋简体', eastAsia: '方正小标宋简体' };
const HEADING_FONT = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体' };
const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

const body = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text, font: BODY_FONT, size: 32 })] });
const heading = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text, font: HEADING_FONT, size: 32 })] });
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : v.toFixed(1));

const cell = (text: string, bold = false) => new TableCell({
  children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: TABLE_FONT, size: 24, bold })] })],
});

const HEADERS = ['名次', '单位', '任务数', '红灯', '应报期数', '按时报送', '按时报送率', '应销号', '已销号', '销号率', '红灯天数', '综合得分'];

function rankingTable(rows: BulletinRow[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({
        children: [
          String(r.rank), r.org.name, String(r.tasks), String(r.counts.red), String(r.reportsDue), String(r.reportsOnTime), pct(r.onTimeRate),
          String(r.tasksDue), String(r.tasksClosed), pct(r.closureRate), String(r.redDays), num(r.score),
        ].map((t) => cell(t)),
      })),
    ],
  });
}

export function bulletinParagraphs(b: Bulletin): string[] {
  const t = b.totals;
  const worst = [...b.departments, ...b.counties].filter((r) => r.score !== null).sort((x, y) => (x.score! - y.score!)).slice(0, 3).map((r) => r.org.name);
  return [
    `为推动《${b.planTitle || '邢台市战略性新兴产业发展三年行动计划（2018—2020年）'}》各项任务落实，现将${b.label.zh}（${b.from}至${b.to}）重点任务督查情况通报如下。`,
    `截至${b.asOf}，纳入督查的任务${t.tasks}项，其中绿灯${t.counts.green}项、黄灯${t.counts.yellow}项、红灯${t.counts.red}项、已销号${t.counts.closed}项。本期应报送进展${t.reportsDue}期，按时报送${t.reportsOnTime}期，按时报送率${pct(t.onTimeRate)}；到期任务${t.tasksDue}项，已销号${t.tasksClosed}项，销号率${pct(t.closureRate)}；各任务累计红灯${t.redDays}天。`,
    worst.length ? `综合得分靠后的单位为：${worst.join('、')}。请相关单位认真分析原因，限期整改，并于下期报送整改情况。` : '本期无可排名单位。',
  ];
}

export async function writeBulletinDocx(b: Bulletin): Promise<Buffer> {
  const [intro, overview, ask] = bulletinParagraphs(b);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [new TextRun({ text: b.docNumber, font: BODY_FONT, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 400, line: 700, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: b.title, font: TITLE_FONT, size: 44 })] }),
  ];
  if (b.demo) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '（演示数据，非真实督查结果）', font: BODY_FONT, size: 28, color: 'C00000' })] }));
  children.push(
    new Paragraph({ spacing: LINE, children: [new TextRun({ text: '各县（市、区）人民政府，市直有关部门：', font: BODY_FONT, size: 32 })] }),
    body(intro), heading('一、总体情况'), body(overview),
    heading('二、市直部门排名'), body('排名依据：按时报送率（权重40%）、销号率（权重40%）、非红灯任务日占比（权重20%）加权得分，某项无应报或无到期任务时不计该项并按其余权重折算。'),
    rankingTable(b.departments),
    heading('三、县（市、区）排名'), rankingTable(b.counties),
    heading('四、有关要求'), body(ask),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600, ...LINE }, children: [new TextRun({ text: '邢台市战略性新兴产业发展领导小组办公室', font: BODY_FONT, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [new TextRun({ text: b.to, font: BODY_FONT, size: 32 })] }),
  );
  const doc = new Document({
    creator: 'SEI Monitor',
    title: b.title,
    sections: [{ properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } }, children }],
  });
  return Packer.toBuffer(doc);
}
