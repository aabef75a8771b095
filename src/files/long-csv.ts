// The fast path of a long-layout CSV without quotes (the usual export of a large data set): value rows
// are cut straight out of the text, chunk by chunk, without a cell array or a string per cell. A file of
// a million values would otherwise allocate over a gigabyte of short-lived strings and arrays, and the
// garbage collector would cost more than the parsing itself.
import { longColumns, type LongColumns } from '../core/statistics/value-table';
import type { RawValueRow } from '../core/statistics/validate-values';

const CHUNK_ROWS = 20_000;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Whether [start, stop) holds something other than white space (the same lines as plainLines keeps). */
function isContentLine(text: string, start: number, stop: number): boolean {
  if (start >= stop) return false;
  const c = text.charCodeAt(start);
  return (c > 32 && c < 127) || text.slice(start, stop).trim() !== '';
}

/** End of the line content (before \r\n or \n) and the start of the next line. */
function lineAt(text: string, start: number): { stop: number; next: number } {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  return { stop, next: end + 1 };
}

/**
 * A plain decimal (-?\d+(\.\d+)? with at most 15 digits) read in place, or undefined. An integer below
 * 2^53 divided by an exact power of ten is correctly rounded, so the result equals Number() of the text.
 */
export function decimalAt(text: string, a: number, d: number): number | undefined {
  let i = a;
  const neg = text.charCodeAt(i) === 45;
  if (neg) i++;
  let m = 0, digits = 0, scale = 0, dot = -1;
  for (; i < d; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      m = m * 10 + (ch - 48);
      digits++;
      if (dot >= 0) scale++;
    } else if (ch === 46 && dot < 0) dot = i;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || dot === (neg ? a + 1 : a) || (dot >= 0 && scale === 0)) return undefined;
  const v = scale ? m / POW10[scale]! : m;
  return neg ? -v : v;
}

export interface LongCsv {
  columns: LongColumns;
  /** Lines after the header: an upper bound of the rows, for progress. */
  expected: number;
  /** Value rows in file order, CHUNK_ROWS at a time (row numbers as in plainLines: the header is row 1). */
  chunks(): Generator<RawValueRow[]>;
}

/** The long-layout reader of a CSV text without quotes, or null when its header is not the long layout. */
export function longCsv(text: string, delimiter: string): LongCsv | null {
  let pos = 0;
  let header: { stop: number; next: number } | null = null;
  while (pos <= text.length) {
    const line = lineAt(text, pos);
    if (isContentLine(text, pos, line.stop)) { header = line; break; }
    pos = line.next;
  }
  if (!header) return null;
  const headerCells = text.slice(pos, header.stop).split(delimiter);
  const columns = longColumns(headerCells);
  if (!columns) return null;
  const body = header.next;
  let expected = body < text.length && !text.endsWith('\n') ? 1 : 0;
  for (let i = text.indexOf('\n', body); i >= 0; i = text.indexOf('\n', i + 1)) expected++;
  return { columns, expected, chunks: () => rowChunks(text, delimiter, columns, headerCells.length, body) };
}

function* rowChunks(text: string, delimiter: string, c: LongColumns, width: number, from: number): Generator<RawValueRow[]> {
  // Organisation and indicator cells repeat row after row: compared in place with the last one, a repeat
  // costs no new string. Periods cycle, so one string of each is kept.
  let lastOrg = '', lastInd = '';
  const periods = new Map<string, string>();
  let index = 1;
  let chunk: RawValueRow[] = [];
  let pos = from;
  const len = text.length;
  while (pos <= len) {
    const { stop, next } = lineAt(text, pos);
    if (isContentLine(text, pos, stop)) {
      index++;
      let org: unknown, ind: unknown, period: unknown, value: unknown, comment: unknown;
      let empty = true;
      // A non-empty cell beyond the header (an unquoted "1,234.5" splits into two): the row is refused, never cut.
      let extraAt = -1;
      let a = pos;
      for (let k = 0; ; k++) {
        let d = text.indexOf(delimiter, a);
        if (d < 0 || d > stop) d = stop;
        if (d > a) empty = false;
        if (k === c.org) {
          if (d - a === lastOrg.length && text.startsWith(lastOrg, a)) org = lastOrg;
          else org = lastOrg = text.slice(a, d);
        } else if (k === c.ind) {
          if (d - a === lastInd.length && text.startsWith(lastInd, a)) ind = lastInd;
          else ind = lastInd = text.slice(a, d);
        } else if (k === c.period) {
          const s = text.slice(a, d);
          period = periods.get(s);
          if (period === undefined) { period = s; if (periods.size < 10_000) periods.set(s, s); }
        } else if (k === c.val) value = decimalAt(text, a, d) ?? text.slice(a, d);
        else if (k === c.comment) comment = text.slice(a, d);
        if (k >= width && extraAt < 0 && text.slice(a, d).trim() !== '') extraAt = a;
        if (d >= stop) break;
        a = d + 1;
      }
      if (!empty) {
        const row: RawValueRow = { row: index, orgCode: org, indicatorCode: ind, period, value: value ?? null, comment: c.comment >= 0 ? comment : undefined };
        if (extraAt >= 0) row.extraCells = { width, cells: text.slice(pos, stop).split(delimiter) };
        chunk.push(row);
      }
      if (chunk.length >= CHUNK_ROWS) { yield chunk; chunk = []; }
    }
    pos = next;
  }
  if (chunk.length) yield chunk;
}
