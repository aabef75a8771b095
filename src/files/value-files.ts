// Statistics files: an uploaded table → value rows for the import use-case; rows → CSV/XLSX downloads.
import type { Indicator } from '../shared/statistics';
import type { ImportInput } from '../core/statistics/import-data-values';
import { longColumns, longRow, rowsFromTable, type LongColumns } from '../core/statistics/value-table';
import type { RawValueRow } from '../core/statistics/validate-values';
import { forEachPlainLine, plainCsv, readTable, toCsv, toXlsx, type Cell } from './tabular';

export async function importInputFromFile(
  bytes: Uint8Array,
  fileName: string,
  indicators: Indicator[],
  opts: { dryRun: boolean; sha256?: string; onProgress?: ImportInput['onProgress'] },
): Promise<ImportInput> {
  // Fast path for a long-layout CSV without quotes: rows straight from the lines (no table of cells kept).
  const csv = plainCsv(bytes, fileName);
  if (csv) {
    let index = 0;
    let cols: LongColumns | null = null;
    const rows: RawValueRow[] = [];
    let header = true;
    // Organisation, indicator and period cells repeat: keep one string of each, so the copies the split
    // made die young (cheap to collect) and later lookups hash a string already hashed.
    let lastOrg = '', lastInd = '';
    const seen = new Map<string, string>();
    const intern = (s: string) => {
      const hit = seen.get(s);
      if (hit !== undefined) return hit;
      if (seen.size < 100_000) seen.set(s, s);
      return s;
    };
    forEachPlainLine(csv.text, csv.delimiter, (cells) => {
      if (header) { header = false; cols = longColumns(cells); index = 1; return; }
      if (!cols) return;
      const c: LongColumns = cols;
      const o = cells[c.org];
      if (o !== undefined) { if (o === lastOrg) cells[c.org] = lastOrg; else lastOrg = o; }
      const ind = cells[c.ind];
      if (ind !== undefined) { if (ind === lastInd) cells[c.ind] = lastInd; else cells[c.ind] = lastInd = intern(ind); }
      if (c.period < cells.length) cells[c.period] = intern(cells[c.period]!);
      const r = longRow(cells, ++index, c);
      if (r) rows.push(r);
    });
    if (cols) {
      return {
        rows, source: 'file', format: 'csv', layout: 'long', encoding: csv.encoding, fileName: fileName || null, sha256: opts.sha256 ?? null,
        dryRun: opts.dryRun, tableIssues: [], onProgress: opts.onProgress,
      };
    }
  }
  const table = await readTable(bytes, fileName);
  const { layout, rows, issues } = rowsFromTable(table.rows, new Map(indicators.map((i) => [i.code, i])));
  return {
    rows, source: 'file', format: table.format, layout, encoding: table.encoding, fileName: fileName || null, sha256: opts.sha256 ?? null,
    dryRun: opts.dryRun, tableIssues: issues, onProgress: opts.onProgress,
  };
}

export async function tableFile(rows: Cell[][], format: 'csv' | 'xlsx', sheetName = 'data'): Promise<Buffer> {
  return format === 'xlsx' ? toXlsx([{ name: sheetName, rows, widths: rows[0]?.map((h) => Math.min(40, Math.max(12, String(h ?? '').length * 1.6))) }]) : toCsv(rows);
}
