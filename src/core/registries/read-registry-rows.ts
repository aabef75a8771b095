// Spreadsheet cells → registry input objects, with one error per bad cell ({row, field, value, reason}).
// Pure: the XLSX layer hands over cell values (strings, numbers, dates already as YYYY-MM-DD).
import type { ColumnSpec, SheetSpec } from '../../shared/registry-columns';
import type { ImportRowError } from '../../shared/registries';

export interface SheetRow {
  row: number;
  cells: Record<string, unknown>;
}
export type SheetRows = Record<string, SheetRow[]>;

type Converted = { ok: true; value: unknown } | { ok: false; zh: string; en: string };

const pad = (n: string) => n.padStart(2, '0');

function toText(v: unknown): string {
  return typeof v === 'string' ? v.trim() : String(v).trim();
}

function convert(col: ColumnSpec, v: unknown): Converted {
  const s = toText(v);
  switch (col.kind) {
    case 'text':
      return { ok: true, value: s };
    case 'enum': {
      for (const [code, l] of Object.entries(col.labels ?? {})) {
        if (s === code || s === l.zh || s.toLowerCase() === l.en.toLowerCase()) return { ok: true, value: code };
      }
      // Short forms: 技术创新中心 for 技术创新中心（工程技术研究中心）.
      const partial = Object.entries(col.labels ?? {}).filter(([, l]) => l.zh.split(/[（(/]/)[0] === s);
      if (partial.length === 1) return { ok: true, value: partial[0]![0] };
      const allowed = Object.values(col.labels ?? {}).map((l) => l.zh).join('、');
      return { ok: false, zh: `应为：${allowed}`, en: `must be one of: ${Object.keys(col.labels ?? {}).join(', ')}` };
    }
    case 'date': {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
      const iso = m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : '';
      const real = m && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
      if (!real) return { ok: false, zh: '日期无效，应为 YYYY-MM-DD', en: 'not a valid date YYYY-MM-DD' };
      return { ok: true, value: iso };
    }
    case 'month':
    case 'period': {
      const m = /^(\d{4})[-/.年]?(\d{1,2})月?(?:[-/.](\d{1,2})日?)?$/.exec(s);
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return { ok: false, zh: col.kind === 'month' ? '年月格式应为 YYYY-MM' : '月份格式应为 YYYYMM', en: col.kind === 'month' ? 'month must be YYYY-MM' : 'month must be YYYYMM' };
      return { ok: true, value: col.kind === 'month' ? `${m[1]}-${pad(m[2]!)}` : `${m[1]}${pad(m[2]!)}` };
    }
    case 'number':
    case 'int': {
      const n = typeof v === 'number' ? v : Number(s.replace(/[,，\s]/g, ''));
      if (!Number.isFinite(n)) return { ok: false, zh: '应为数字', en: 'must be a number' };
      if (col.kind === 'int' && !Number.isInteger(n)) return { ok: false, zh: '应为整数', en: 'must be a whole number' };
      return { ok: true, value: n };
    }
    case 'list':
      return { ok: true, value: s.split(/[;,、，；\s]+/).filter(Boolean) };
  }
}

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Converts the rows of one sheet; empty optional cells become null (an empty list for list columns). */
export function readSheetRows(spec: SheetSpec, rows: SheetRow[], errors: ImportRowError[]): { row: number; value: Record<string, unknown>; cells: Record<string, unknown>; badFields: Set<string> }[] {
  return rows.map((r) => {
    const value: Record<string, unknown> = {};
    const badFields = new Set<string>();
    for (const col of spec.columns) {
      const raw = r.cells[col.field];
      if (isEmpty(raw)) {
        if (col.required) {
          errors.push({ row: r.row, sheet: spec.name, field: col.header, value: raw ?? null, reason: '必填', reasonEn: 'required' });
          badFields.add(col.field);
        }
        value[col.field] = col.kind === 'list' ? [] : null;
        continue;
      }
      const c = convert(col, raw);
      if (c.ok) value[col.field] = c.value;
      else {
        errors.push({ row: r.row, sheet: spec.name, field: col.header, value: raw, reason: c.zh, reasonEn: c.en });
        badFields.add(col.field);
      }
    }
    return { row: r.row, value, cells: r.cells, badFields };
  });
}

/** The header of a field path from a schema issue ("milestones.0.plannedOn" → 里程碑 column of that sheet). */
export function headerOf(spec: SheetSpec, field: string): string {
  return spec.columns.find((c) => c.field === field)?.header ?? field;
}

const ZOD_ZH: Record<string, string> = {
  invalid_value: '取值无效', invalid_type: '类型不符或缺失', too_small: '过小或过短', too_big: '过大或过长',
  invalid_format: '格式不符', not_multiple_of: '数值不符', unrecognized_keys: '未知字段', invalid_union: '取值无效',
};

/** A schema issue as {zh, en}: our own refinements already read "中文 / English". */
export function issueText(issue: { code: string; message: string }): { zh: string; en: string } {
  const [zh, en] = issue.message.split(' / ');
  if (en) return { zh: zh!, en };
  return { zh: `${ZOD_ZH[issue.code] ?? '数据有误'}（${issue.message}）`, en: issue.message };
}
