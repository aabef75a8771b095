// 会议纪要 of a leading-group meeting as a Word file, in the layout of the 通报 (bulletin-docx.ts): title,
// meeting facts, attendance, then each agenda item with its decision and, for 有条件通过, its conditions.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { DECISION_LABELS, REVIEW_TYPE_LABELS, type Meeting } from '../shared/review';

const MM = 56.7;
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const TITLE_FONT = { ascii: '方正小标宋简体', hAnsi: '方正小标宋简体', eastAsia: '方正小标宋简体' };
const HEADING_FONT = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体' };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const body = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text, font: BODY_FONT, size: 32 })] });
const heading = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [new TextRun({ text, font: HEADING_FONT, size: 32 })] });
const cn = (i: number) => NUM[i] ?? String(i + 1);
const wan = (x: number | null) => (x == null ? '' : `，金额 ${x.toLocaleString('zh-CN')} 万元`);

/** The minutes' paragraphs as text (the .docx holds exactly these). */
export function minutesParagraphs(m: Meeting): { title: string; paragraphs: { kind: 'heading' | 'body'; text: string }[] } {
  const present = m.attendance.filter((a) => a.present);
  const absent = m.attendance.filter((a) => !a.present);
  const who = (a: Meeting['attendance'][number]) => (a.position ? `${a.name}（${a.position}）` : a.name);
  const p: { kind: 'heading' | 'body'; text: string }[] = [
    { kind: 'body', text: `${m.heldOn}，邢台市战略性新兴产业发展领导小组${m.place ? `在${m.place}` : ''}召开${m.title}，审议${m.agenda.length}项事项。现将会议议定事项纪要如下。` },
    { kind: 'heading', text: `${cn(0)}、出席情况` },
    { kind: 'body', text: present.length ? `出席：${present.map(who).join('、')}。` : '出席：未记录。' },
  ];
  if (absent.length) p.push({ kind: 'body', text: `缺席：${absent.map((a) => `${who(a)}${a.note ? `（${a.note}）` : ''}`).join('、')}。` });
  p.push({ kind: 'heading', text: `${cn(1)}、议定事项` });
  for (const [i, a] of m.agenda.entries()) {
    p.push({ kind: 'body', text: `（${cn(i)}）${a.title}（${a.code}，${REVIEW_TYPE_LABELS[a.type].zh}，${a.submittingOrg.name}提交，${a.presenter}汇报${wan(a.amount)}）。` });
    if (!a.decision) { p.push({ kind: 'body', text: '会议决定：未作决定。' }); continue; }
    p.push({ kind: 'body', text: `会议决定：${DECISION_LABELS[a.decision].zh}。${a.note ? a.note : ''}` });
    if (a.decision === 'conditional' && a.conditions) p.push({ kind: 'body', text: `通过条件：${a.conditions}` });
  }
  p.push({ kind: 'body', text: '会议要求，各有关单位按照议定事项抓好落实，市发展改革委（领导小组办公室）将议定事项纳入督查督办，定期调度落实情况。' });
  return { title: `${m.title}纪要`, paragraphs: p };
}

export async function writeMinutesDocx(m: Meeting): Promise<Buffer> {
  const { title, paragraphs } = minutesParagraphs(m);
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [new TextRun({ text: `${m.code}`, font: BODY_FONT, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 400, line: 700, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: title, font: TITLE_FONT, size: 44 })] }),
  ];
  if (m.demo) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '（演示数据，非真实会议）', font: BODY_FONT, size: 28, color: 'C00000' })] }));
  for (const x of paragraphs) children.push(x.kind === 'heading' ? heading(x.text) : body(x.text));
  children.push(
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600, ...LINE }, children: [new TextRun({ text: '邢台市战略性新兴产业发展领导小组办公室', font: BODY_FONT, size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [new TextRun({ text: m.heldOn, font: BODY_FONT, size: 32 })] }),
  );
  const doc = new Document({
    creator: 'SEI Monitor', title,
    sections: [{ properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } }, children }],
  });
  return Packer.toBuffer(doc);
}
