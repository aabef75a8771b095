// Reading and writing tables in files: XLSX (first sheet) and CSV in UTF-8, UTF-8 with BOM or GBK
// (GB18030), detected from the bytes. Used by the API and the CLI; the core sees plain rows.
import { parse as parseCsv } from 'csv-parse/sync';
import { excel } from './excel';
import { AppError } from '../core/app-error';
import iconv from 'iconv-lite';
import { FormulaWithoutValue } from '../shared/cells';

export type Cell = string | number | boolean | Date | null | FormulaWithoutValue;
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gbk';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  rows: Cell[][];
}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Decodes CSV bytes: a UTF-8 BOM, else strict UTF-8, else GBK (read as GB18030, its superset). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gbk' };
  }
}

/** CSV text → rows. Files without quotes take a fast split path; others go through csv-parse. */
export function parseCsvText(text: string): string[][] {
  const delimiter = sniffDelimiter(text);
  if (!text.includes('"')) {
    return [...plainLines(text, delimiter)];
  }
  try {
    return parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (err) {
    // Broken quoting (an unclosed or stray quote) is named by its line, like any other row problem.
    const line = Number((err as { lines?: number }).lines) || null;
    throw new AppError('VALIDATION', {
      zh: `CSV 格式有误${line ? `（第 ${line} 行附近）` : ''}：引号未闭合或位置不对，请检查该行的双引号`,
      en: `malformed CSV${line ? ` near line ${line}` : ''}: an unclosed or misplaced double quote`,
    }, [{ path: 'file', ...(line ? { row: line } : {}), field: 'file', value: null, message: 'malformed CSV quoting', reason: `CSV 引号有误${line ? `（第 ${line} 行）` : ''}`, reasonEn: `malformed CSV quoting${line ? ` (line ${line})` : ''}` }]);
  }
}

/**
 * The non-blank lines of a CSV text without quotes, each split into its cells (same result as split(/\r?\n/)
 * and dropping blank lines; split in place: no string per line).
 */
export function* plainLines(text: string, delimiter: string): Generator<string[]> {
  const len = text.length;
  let start = 0;
  while (start <= len) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = len;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const c = text.charCodeAt(start);
    if (start < stop && ((c > 32 && c < 127) || text.slice(start, stop).trim() !== '')) {
      const cells: string[] = [];
      let a = start;
      for (;;) {
        const d = text.indexOf(delimiter, a);
        if (d < 0 || d >= stop) { cells.push(text.slice(a, stop)); break; }
        cells.push(text.slice(a, d));
        a = d + 1;
      }
      yield cells;
    }
    start = end + 1;
  }
}

/** A CSV file without quotes (the common export): its text and delimiter, so a caller can walk the lines without building the whole table; null otherwise. */
export function plainCsv(bytes: Uint8Array, fileName = ''): { text: string; encoding: Encoding; delimiter: string } | null {
  if (isZip(bytes) || /\.xlsx$/i.test(fileName)) return null;
  const { text, encoding } = decodeText(bytes);
  if (text.includes('"')) return null;
  return { text, encoding, delimiter: sniffDelimiter(text) };
}

function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.indexOf('\n') >>> 0 || 2000);
  const counts = [',', '\t', ';'].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 1 ? counts[0]![0] : ',';
}

export async function readTable(bytes: Uint8Array, fileName = ''): Promise<Table> {
  if (isZip(bytes) || /\.xlsx$/i.test(fileName)) {
    const wb = new (await excel()).Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
    } catch {
      // A damaged or truncated workbook is the sender's problem to fix, not a server error.
      throw new AppError('VALIDATION', { zh: `无法读取 XLSX 文件「${fileName}」：文件已损坏或不是 .xlsx 工作簿`, en: `cannot read "${fileName}" as XLSX: the file is damaged or not an .xlsx workbook` },
        [{ path: 'file', field: 'file', value: fileName, message: 'not a readable xlsx workbook' }]);
    }
    const ws = wb.worksheets[0];
    const rows: Cell[][] = [];
    ws?.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      const values = row.values as unknown[];
      for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { format: 'xlsx', encoding: null, rows };
  }
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: parseCsvText(text) };
}

function cellValue(v: unknown): Cell {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[]; formula?: unknown; sharedFormula?: unknown; error?: unknown };
    if (o.result !== undefined) return cellValue(o.result);
    // A formula without a cached result: its value is unknown until a spreadsheet program computes it.
    if (typeof o.formula === 'string' || typeof o.sharedFormula === 'string') return new FormulaWithoutValue(String(o.formula ?? o.sharedFormula));
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

const csvCell = (v: Cell): string => {
  if (v == null) return '';
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV with a UTF-8 BOM so Excel on Chinese Windows opens it correctly. */
export function toCsv(rows: Cell[][]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8')]);
}

export async function toXlsx(sheets: { name: string; rows: Cell[][]; widths?: number[] }[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'SEI Monitor';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    s.widths?.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
