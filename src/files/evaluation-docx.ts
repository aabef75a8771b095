// An evaluation run as a Word 通报 ranking (the layout of src/files/bulletin-docx.ts: A4, GB/T 9704
// margins, 仿宋 body, 方正小标宋 title): method and weights in words, the ranking table with each
// criterion's value, the missing-value rule, and a demo notice for demo runs.
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { EvaluationRun } from '../shared/evaluation';

const MM = 56.7;
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const TITLE_FONT = { ascii: '方正小标宋简体', hAnsi: '方正小标宋简体', eastAsia: '方正小标宋简体' };
const HEADING_FONT = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体' };
const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

const body = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text, font: BODY_FONT, size: 32 })] });
const heading = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text, font: HEADING_FONT, size: 32 })] });
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: TABLE_FONT, size: 21, bold })] })] });
const fmt = (v: number | null, d = 2) => (v === null ? '—' : v.toFixed(d));

export const SUBJECT_WORDS = { county: '县（市、区）', industry: '产业', department: '市直部门' } as const;
export const WEIGHTING_WORDS = { ahp: '层次分析法（AHP）', entropy: '熵权法', fixed: '固定权重', combined: '层次分析法与熵权法组合赋权' } as const;
export const SCORING_WORDS = { topsis: 'TOPSIS 逼近理想解法（贴近度）', gra: '灰色关联分析（关联度）', weighted_sum: '线性加权综合法' } as const;

export function runTitle(run: EvaluationRun): string {
  return `关于${run.period}年度${SUBJECT_WORDS[run.scheme.definition.subjectKind]}战略性新兴产业发展评价结果的通报`;
}

function table(header: string[], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) }))],
  });
}

export async function writeRunDocx(run: EvaluationRun): Promise<Buffer> {
  const def = run.scheme.definition;
  const crit = run.snapshot.criteria;
  const ranked = run.result.subjects.filter((s) => s.rank !== null);
  const excluded = run.result.subjects.filter((s) => s.excluded);
  const weights = run.result.weights.map((w, j) => `${crit[j].name.zh} ${(w.final * 100).toFixed(1)}%`).join('，');
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 400, line: 700, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: runTitle(run), font: TITLE_FONT, size: 44 })] }),
  ];
  if (run.demo) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '（演示数据，非真实评价结果）', font: BODY_FONT, size: 28, color: 'C00000' })] }));
  children.push(
    new Paragraph({ spacing: LINE, children: [new TextRun({ text: '各县（市、区）人民政府，市直有关部门：', font: BODY_FONT, size: 32 })] }),
    body(`根据《邢台市战略性新兴产业发展三年行动计划（2018—2020年）》“运用科学的评价方法，对专项行动的实施情况进行评估”的要求，按评价方案“${run.scheme.name}”，对${run.period}年度${ranked.length}个${SUBJECT_WORDS[def.subjectKind]}进行了评价，现将结果通报如下。`),
    heading('一、评价方法'),
    body(`权重采用${WEIGHTING_WORDS[def.weighting]}，综合评价采用${SCORING_WORDS[def.scoring]}。各指标权重：${weights}。${run.result.missingNote.zh}。计算方法版本：${run.version}。`),
    heading('二、评价结果'),
    table(['名次', '评价对象', '综合得分', ...crit.map((c) => `${c.name.zh}（${c.unit}）`)], ranked.map((s) => [String(s.rank), s.name, fmt(s.score, 4), ...s.values.map((v) => fmt(v))])),
  );
  if (excluded.length) children.push(body(`因数据缺失未参加排名：${excluded.map((s) => `${s.name}（缺 ${s.missing.map((m) => crit.find((c) => c.source === m)?.name.zh ?? m).join('、')}）`).join('；')}。`));
  const tail = ranked.slice(-3).map((s) => s.name);
  children.push(
    heading('三、有关要求'),
    body(tail.length ? `排名靠后的${tail.join('、')}要认真分析原因，补齐短板，加快推进战略性新兴产业发展。` : '请各单位对照评价指标查找差距，持续推进各项工作。'),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600, ...LINE }, children: [new TextRun({ text: '邢台市战略性新兴产业发展领导小组办公室', font: BODY_FONT, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [new TextRun({ text: run.createdAt.slice(0, 10), font: BODY_FONT, size: 32 })] }),
  );
  const doc = new Document({
    creator: 'SEI Monitor', title: runTitle(run),
    sections: [{ properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } }, children }],
  });
  return Packer.toBuffer(doc);
}
