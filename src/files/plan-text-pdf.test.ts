// A real PDF with a Chinese text layer (made with pdfkit and the WenQuanYi font CI installs) read by
// readPlanText and parsed: hard line breaks and a page-number line as a PDF extract gives them. A PDF with
// no text layer (a scan) is refused with a message that says so.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../core/plan-parse/parse-plan-text';
import { loadPlanParseReference } from './plan-parse-reference';
import { PlanFileReadError, readPlanText } from './plan-text-file';
import { DEFAULT_REPORT_FONT, DEFAULT_REPORT_FONT_FACE } from './report-font';

function pdfOf(lines: string[] | null): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    if (lines) {
      doc.font(DEFAULT_REPORT_FONT, DEFAULT_REPORT_FONT_FACE).fontSize(12);
      for (const l of lines) doc.text(l);
    } else doc.rect(50, 50, 200, 100).fill('#888'); // an image-only page
    doc.end();
  });
}

const LINES = [
  '宁晋县光伏产业发展实施方案',
  '一、发展目标',
  '到2020年，全县光伏产业主营业务收入突破300亿元，',
  '高新技术企业达到50家以上。',
  '— 2 —',
  '二、重点任务',
  '（一）建设光伏产业园。依托晶龙集团等龙头企业，建设宁晋光伏产业园。（牵头单位：县发展改革局，配合单位：县工信局）',
];

describe('plan text from a PDF', () => {
  it('reads the text layer and finds the targets, the outline and the park', async () => {
    const file = await readPlanText(await pdfOf(LINES), '方案.pdf');
    expect(file.format).toBe('pdf');
    expect(file.text).toContain('主营业务收入突破300亿元');
    const draft = parsePlanText(file.text, { reference: loadPlanParseReference() });
    const values = draft.targets.map((t) => [t.value, t.unit, t.year, t.comparator]);
    expect(values).toContainEqual([300, '亿元', 2020, '>']);
    expect(values).toContainEqual([50, '家', 2020, '>=']);
    expect(JSON.stringify(draft.sections)).toContain('发展目标');
    expect(draft.entities.parks.map((p) => p.name)).toContain('宁晋光伏产业园');
  });

  it('refuses a PDF without a text layer, saying so', async () => {
    const scan = await pdfOf(null);
    await expect(readPlanText(scan, '扫描件.pdf')).rejects.toThrow(PlanFileReadError);
    await expect(readPlanText(scan, '扫描件.pdf')).rejects.toThrow(/没有文字层.*no text layer/);
  });
});
