// Statistics files: an uploaded table → value rows for the import use-case; rows → CSV/XLSX downloads.
import type { Indicator } from '../shared/statistics';
import type { ImportInput } from '../core/statistics/import-data-values';
import { rowsFromTable } from '../core/statistics/value-table';
import { longCsv } from './long-csv';
import { plainCsv, readTable, toCsv, toXlsx, type Cell } from './tabular';

export async function importInputFromFile(
  bytes: Uint8Array,
  fileName: string,
  indicators: Indicator[],
  opts: { dryRun: boolean; sha256?: string; onProgress?: ImportInput['onProgress'] },
): Promise<ImportInput> {
  // Fast path for a long-layout CSV without quotes: rows cut straight from the text and checked chunk by
  // chunk (see long-csv.ts).
  const csv = plainCsv(bytes, fileName);
  const long = csv ? longCsv(csv.text, csv.delimiter) : null;
  if (csv && long) {
    return {
      rows: { expected: long.expected, chunks: long.chunks }, source: 'file', format: 'csv', layout: 'long', encoding: csv.encoding,
      fileName: fileName || null, sha256: opts.sha256 ?? null, dryRun: opts.dryRun, tableIssues: [], onProgress: opts.onProgress,
    };
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
