// Turns a table read from a file into value rows (pure). Two layouts:
// - long: one value per row, header `org_code,indicator_code,period,value[,comment]`
//   (Chinese `组织代码,指标代码,期间,数值[,备注]` accepted);
// - wide: one row per organisation and period with one column per indicator, header
//   `组织代码,(企业名称),期间,<indicator columns>`; an indicator column is named by its code, by
//   "名称 CODE", "名称(CODE)" or by its Chinese name. Empty cells are not reported values.
import type { FormulaWithoutValue } from '../../shared/cells';
import type { ImportIssue, Indicator } from '../../shared/statistics';
import { extraCellsIssue, withExtraCells, type RawValueRow } from './validate-values';

type Cell = string | number | boolean | Date | null | undefined | FormulaWithoutValue;

const ALIASES: Record<string, string[]> = {
  org_code: ['org_code', 'orgcode', '组织代码', '单位代码', '统一社会信用代码', '企业代码', 'uscc'],
  indicator_code: ['indicator_code', 'indicatorcode', '指标代码', '指标'],
  period: ['period', '期间', '报告期', '时期'],
  value: ['value', '数值', '值', '本期值'],
  comment: ['comment', '备注', '说明'],
  name: ['name', 'org_name', '企业名称', '单位名称', '组织名称', '名称'],
};

const norm = (c: Cell) => String(c ?? '').replace(/^\ufeff/, '').trim().toLowerCase().replace(/[\s（）()]/g, '');

/** A header cell names a field when it, or one of its words ("组织代码 org_code", "期间/period"), is an alias. */
function columnOf(header: Cell[], field: string): number {
  const names = ALIASES[field]!;
  return header.findIndex((h) => {
    const words = String(h ?? '').replace(/^\ufeff/, '').split(/[\s/|()（）]+/).filter(Boolean).map((w) => w.toLowerCase());
    return names.includes(norm(h)) || words.some((w) => names.includes(w));
  });
}

export interface TableRows {
  layout: 'long' | 'wide';
  rows: RawValueRow[];
  issues: ImportIssue[];
}

/** Columns of the long layout when the header names all four of them (else null: see rowsFromTable). */
export interface LongColumns { org: number; ind: number; period: number; val: number; comment: number }
export function longColumns(header: Cell[]): LongColumns | null {
  const c = { org: columnOf(header, 'org_code'), ind: columnOf(header, 'indicator_code'), period: columnOf(header, 'period'), val: columnOf(header, 'value'), comment: columnOf(header, 'comment') };
  return c.org >= 0 && c.ind >= 0 && c.period >= 0 && c.val >= 0 ? c : null;
}

/** One long-layout row (`row`: as the user sees it), or null for an empty row. */
export function longRow(r: Cell[], row: number, c: LongColumns): RawValueRow | null {
  if (r.length === 0 || r.every((x) => x == null || x === '')) return null;
  return { row, orgCode: r[c.org], indicatorCode: r[c.ind], period: r[c.period], value: r[c.val] ?? null, comment: c.comment >= 0 ? r[c.comment] : undefined };
}

export function rowsFromTable(table: Cell[][], indicators: ReadonlyMap<string, Indicator>): TableRows {
  const header = table[0] ?? [];
  const issues: ImportIssue[] = [];
  const org = columnOf(header, 'org_code');
  const period = columnOf(header, 'period');
  const ind = columnOf(header, 'indicator_code');
  const val = columnOf(header, 'value');
  const comment = columnOf(header, 'comment');
  const width = header.length;
  const missing = (field: string, zh: string) =>
    issues.push({ row: 1, field, value: header.map((h) => String(h ?? '')).join(','), reason: `表头缺少「${zh}」列`, reasonEn: `the header has no ${field} column` });

  if (ind >= 0 && val >= 0) {
    if (org < 0) missing('org_code', '组织代码 org_code');
    if (period < 0) missing('period', '期间 period');
    if (issues.length) return { layout: 'long', rows: [], issues };
    const rows: RawValueRow[] = new Array(Math.max(0, table.length - 1));
    let n = 0;
    for (let i = 1; i < table.length; i++) {
      const r = table[i]!;
      if (r.length === 0 || r.every((c) => c == null || c === '')) continue;
      const raw: RawValueRow = { row: i + 1, orgCode: r[org], indicatorCode: r[ind], period: r[period], value: r[val] ?? null, comment: comment >= 0 ? r[comment] : undefined };
      rows[n++] = r.length > width ? withExtraCells(raw, r, width) : raw;
    }
    rows.length = n;
    return { layout: 'long', rows, issues };
  }

  // Wide layout: every other column must name an indicator.
  if (org < 0) missing('org_code', '组织代码 org_code');
  if (period < 0) missing('period', '期间 period');
  const byName = new Map([...indicators.values()].map((i) => [norm(i.name), i.code]));
  const skip = new Set([org, period, columnOf(header, 'name'), comment]);
  const columns: { col: number; code: string }[] = [];
  header.forEach((h, col) => {
    if (skip.has(col) || h == null || String(h).trim() === '') return;
    const text = String(h);
    const codeMatch = /([A-Z][A-Z0-9_]{1,})\s*\)?\s*$/.exec(text.replace(/）/g, ')'));
    const code = codeMatch && indicators.has(codeMatch[1]!) ? codeMatch[1]! : byName.get(norm(text.replace(/[(（][^)）]*[)）]/g, '')));
    if (code) columns.push({ col, code });
    else issues.push({ row: 1, field: text, value: text, reason: `无法识别的列：${text}（应为指标代码或指标名称）`, reasonEn: `unknown column "${text}" (expected an indicator code or name)` });
  });
  if (!issues.length && !columns.length) missing('indicator_code', '指标代码 indicator_code / 指标列');
  if (issues.length) return { layout: 'wide', rows: [], issues };
  const rows: RawValueRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const r = table[i]!;
    if (r.length === 0 || r.every((c) => c == null || c === '')) continue;
    if (r.length > width) {
      const marked = withExtraCells({ row: i + 1, orgCode: r[org], indicatorCode: null, period: r[period], value: null }, r, width);
      if (marked.extraCells) issues.push(extraCellsIssue(i + 1, marked.extraCells));
    }
    for (const c of columns) {
      const v = r[c.col];
      if (v == null || v === '') continue;
      rows.push({ row: i + 1, orgCode: r[org], indicatorCode: c.code, period: r[period], value: v, comment: comment >= 0 ? r[comment] : undefined });
    }
  }
  return { layout: 'wide', rows, issues };
}

/** Header and example row of the wide template for a data set's indicators. */
export function wideTemplateHeader(indicators: Indicator[]): string[] {
  return ['组织代码 org_code', '企业名称 name', '期间 period', ...indicators.map((i) => `${i.name}(${i.unit}) ${i.code}`)];
}
