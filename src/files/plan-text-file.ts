// Reads a plan document into text for the parser: .docx through mammoth, .pdf (with a text layer)
// through unpdf, anything else as text in UTF-8 or GBK (detected, see decodeText).
import { decodeText } from './tabular';

export interface PlanTextFile {
  text: string;
  format: 'docx' | 'pdf' | 'text';
  encoding?: string;
}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isPdf = (b: Uint8Array) => b.length > 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

export class PlanFileReadError extends Error {}

export async function readPlanText(bytes: Uint8Array, fileName = ''): Promise<PlanTextFile> {
  const lower = fileName.toLowerCase();
  if (isZip(bytes) || lower.endsWith('.docx')) {
    if (!isZip(bytes)) throw new PlanFileReadError(`不是有效的 .docx 文件 / not a valid .docx file: ${fileName}`);
    const mammoth = (await import('mammoth')).default;
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { text: r.value, format: 'docx' };
  }
  if (isPdf(bytes) || lower.endsWith('.pdf')) {
    if (!isPdf(bytes)) throw new PlanFileReadError(`不是有效的 PDF 文件 / not a valid PDF file: ${fileName}`);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    const pages = Array.isArray(text) ? text : [text];
    if (!pages.join('').trim()) throw new PlanFileReadError(`PDF 没有文字层（扫描件需先识别）/ the PDF has no text layer: ${fileName}`);
    return { text: pages.join('\n'), format: 'pdf' };
  }
  if (lower.endsWith('.doc')) throw new PlanFileReadError(`不支持旧版 .doc，请另存为 .docx / .doc is not supported, save as .docx: ${fileName}`);
  const { text, encoding } = decodeText(bytes);
  return { text, format: 'text', encoding };
}
