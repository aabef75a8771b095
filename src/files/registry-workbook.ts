// XLSX in and out for the registries (exceljs). Export writes the sheets of REGISTRY_SHEETS with Chinese
// headers and labels; import reads them back (headers in Chinese, English or as field keys) into plain
// cell values for the core's all-or-nothing import.
import type ExcelJS from 'exceljs';
import { excel } from './excel';
import { AppError } from '../core/app-error';
import type { SheetRows } from '../core/registries/read-registry-rows';
import { REGISTRY_SHEETS, type ColumnSpec } from '../shared/registry-columns';
import type { Park, Platform, Project, RegistryKind } from '../shared/registries';

type AnyRecord = Platform | Park | Project;

function cellOut(col: ColumnSpec, v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (col.kind === 'enum' && typeof v === 'string') return col.labels?.[v]?.zh ?? v;
  if (col.kind === 'list' && Array.isArray(v)) return v.join('; ');
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

export async function writeRegistryWorkbook(kind: RegistryKind, records: AnyRecord[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'SEI Monitor';
  for (const spec of REGISTRY_SHEETS[kind]) {
    const ws = wb.addWorksheet(spec.name);
    ws.columns = spec.columns.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, c.header.length * 2 + 4) }));
    ws.getRow(1).font = { bold: true };
    for (const r of records) {
      const rec = r as unknown as Record<string, unknown>;
      const rows: Record<string, unknown>[] = spec.key === 'main' ? [rec] : ((rec[spec.key] as Record<string, unknown>[] | undefined) ?? []).map((child) => ({ ...child, project: rec.name }));
      for (const row of rows) ws.addRow(Object.fromEntries(spec.columns.map((c) => [c.field, cellOut(c, row[c.field])])));
    }
  }
  const demo = records.some((r) => r.demo);
  if (demo) {
    const note = wb.addWorksheet('说明');
    note.addRow(['本文件包含演示数据（demo），并非真实统计。 This file contains demo data, not real figures.']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const pad = (n: number) => String(n).padStart(2, '0');

function cellIn(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellIn(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return v;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

export async function readRegistryWorkbook(kind: RegistryKind, file: Buffer): Promise<SheetRows> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', { zh: '无法读取 XLSX 文件（请上传 .xlsx 格式）', en: 'cannot read the file as XLSX (.xlsx expected)' }, [{ path: 'file', message: 'not an xlsx file' }]);
  }
  const out: SheetRows = {};
  // A workbook of another register (its main sheet present, ours absent) is named as such, rather than read
  // as ours and reported as missing columns.
  const main = REGISTRY_SHEETS[kind][0]!.name;
  const other = (Object.keys(REGISTRY_SHEETS) as RegistryKind[]).find((k) => k !== kind && wb.getWorksheet(REGISTRY_SHEETS[k][0]!.name));
  if (!wb.getWorksheet(main) && other) {
    const otherName = REGISTRY_SHEETS[other][0]!.name;
    throw new AppError('VALIDATION', { zh: `这是「${otherName}」的文件，不是「${main}」：请在对应的名录中导入`, en: `this is a file of the ${other} register (sheet "${otherName}"), not of the ${kind} register: import it there` },
      [{ path: 'file', field: 'sheet', value: otherName, message: `sheet ${otherName} instead of ${main}` }]);
  }
  REGISTRY_SHEETS[kind].forEach((spec, i) => {
    const ws = wb.getWorksheet(spec.name) ?? (i === 0 ? wb.worksheets[0] : undefined);
    if (!ws) return;
    const fieldOfColumn = new Map<number, string>();
    ws.getRow(1).eachCell((cell, col) => {
      const h = norm(String(cellIn(cell.value) ?? ''));
      const spec2 = spec.columns.find((c) => norm(c.header) === h || norm(c.headerEn) === h || norm(c.field) === h);
      if (spec2) fieldOfColumn.set(col, spec2.field);
    });
    const missing = spec.columns.filter((c) => c.required && ![...fieldOfColumn.values()].includes(c.field));
    if (missing.length) {
      throw new AppError('VALIDATION', { zh: `工作表「${spec.name}」缺少列：${missing.map((c) => c.header).join('、')}`, en: `sheet "${spec.name}" lacks columns: ${missing.map((c) => c.headerEn).join(', ')}` },
        missing.map((c) => ({ path: `${spec.name}!1.${c.header}`, row: 1, field: c.header, message: '缺少列 / missing column' })));
    }
    const rows: SheetRows[string] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cells: Record<string, unknown> = {};
      let any = false;
      for (const [col, field] of fieldOfColumn) {
        const v = cellIn(row.getCell(col).value);
        if (v !== null && !(typeof v === 'string' && v.trim() === '')) any = true;
        cells[field] = v;
      }
      if (any) rows.push({ row: n, cells });
    });
    out[spec.key] = rows;
  });
  return out;
}
