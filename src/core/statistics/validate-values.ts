// The one validation pipeline shared by the form, file import and the JSON API (pure).
import type { ImportIssue, Indicator, ValueStatus } from '../../shared/statistics';
import { LOCKED_STATUSES } from '../../shared/statistics';
import { isFormulaWithoutValue } from '../../shared/cells';
import { daysAfterPeriodEnd, normalizePeriod, parsePeriod } from './periods';
import { hardProblem, softProblem } from './plausibility';
import type { Dataset, OrgInfo, ReportRecord } from './ports';

export interface RawValueRow {
  /** Row number as the user sees it (file: header is row 1). */
  row: number;
  orgCode: unknown;
  indicatorCode: unknown;
  period: unknown;
  value: unknown;
  comment?: unknown;
  /** Set when the row has non-empty cells beyond the header (an unquoted thousands separator): the whole row and the header's width. */
  extraCells?: { width: number; cells: readonly unknown[] };
}

/** The issue of a row with more cells than the header: it is refused, never silently cut. */
export function extraCellsIssue(row: number, extra: NonNullable<RawValueRow['extraCells']>): ImportIssue {
  const n = extra.cells.length;
  const text = extra.cells.map((c) => String(c ?? '')).join(',');
  return {
    row, field: 'columns', value: text,
    reason: `本行有 ${n} 个字段，表头只有 ${extra.width} 列，多出的内容不会被丢弃而是整行拒绝：数值中的千位分隔逗号会把一个数拆成两列，请去掉逗号或给该数加英文双引号（如 "1,234.5"）`,
    reasonEn: `this row has ${n} fields but the header has ${extra.width} columns; the extra cells are not dropped, the row is refused: a thousands separator splits a number in two — remove the comma or put the number in double quotes (e.g. "1,234.5")`,
  };
}

/** Marks a table row that has non-empty cells beyond the header's width (long and wide layouts). */
export function withExtraCells(raw: RawValueRow, cells: readonly unknown[], width: number): RawValueRow {
  for (let i = width; i < cells.length; i++) {
    const c = cells[i];
    if (c != null && String(c).trim() !== '') return { ...raw, extraCells: { width, cells } };
  }
  return raw;
}

export interface ValidValue {
  row: number;
  orgId: string;
  orgCode: string;
  indicatorCode: string;
  period: string;
  year: number;
  /** null: delete the stored value. */
  value: number | null;
  comment: string | null;
}

export interface ValidationContext {
  orgs: ReadonlyMap<string, OrgInfo>;
  indicators: ReadonlyMap<string, Indicator>;
  datasets: readonly Dataset[];
  reports: ReadonlyMap<string, ReportRecord>;
  canWrite: (org: OrgInfo) => boolean;
  now: Date;
}

const FIELD_KEYS = { org_code: 'orgCode', indicator_code: 'indicatorCode', period: 'period', value: 'value', comment: 'comment' } as const;

export const reportKey = (datasetCode: string, orgId: string, period: string): string => `${datasetCode}\u0001${orgId}\u0001${period}`;

const REPORTING_KINDS = new Set(['enterprise', 'city', 'county', 'zone']);

const STATUS_ZH: Record<ValueStatus, string> = { draft: '草稿', submitted: '已上报', county_reviewed: '县级已审核', approved: '已审批', returned: '已退回' };

/** -?\d+(\.\d+)? without a regular expression (the check runs once per imported value). */
function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  while (i < n) { const c = s.charCodeAt(i); if (c < 48 || c > 57) break; i++; }
  if (i === start) return false;
  if (i === n) return true;
  if (s.charCodeAt(i) !== 46) return false;
  const frac = ++i;
  while (i < n) { const c = s.charCodeAt(i); if (c < 48 || c > 57) return false; i++; }
  return i > frac;
}

/** Parses a number the way people write it in Chinese spreadsheets: 1,234.5 / 1 234.5 / full-width digits / trailing unit-less %. */
export function parseNumber(raw: unknown): number | null | 'invalid' {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : 'invalid';
  if (typeof raw !== 'string') return 'invalid';
  // Fast path: a plain decimal number (most cells of a large file).
  if (isPlainDecimal(raw)) return Number(raw);
  const s = raw.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '').replace(/．/g, '.').replace(/－/g, '-');
  if (s === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return 'invalid';
  const n = Number(s);
  return Number.isFinite(n) ? n : 'invalid';
}

/** Significant digits of a number as written (signs, separators, the exponent, leading and trailing zeros not counted). */
function significantDigits(s: string): number {
  return s.replace(/[eE].*$/, '').replace(/[^0-9\uff10-\uff19]/g, '').replace(/^[0\uff10]+/, '').replace(/[0\uff10]+$/, '').length;
}

/** Data sets whose entry governs a value: the indicator is in it, the frequency matches the period, the organisation kind fits. */
export function datasetsFor(datasets: readonly Dataset[], indicatorCode: string, org: OrgInfo, periodKind: string): Dataset[] {
  const orgKind = org.kind === 'enterprise' ? 'enterprise' : 'city';
  return datasets.filter((d) => d.orgKind === orgKind && d.frequency === periodKind && d.indicators.includes(indicatorCode));
}

/** Why a value cannot be entered now (report status or expiry), or null. */
export function lockReason(ds: Dataset, org: OrgInfo, period: string, ctx: Pick<ValidationContext, 'reports' | 'now'>): { zh: string; en: string; status?: ValueStatus } | null {
  const r = ctx.reports.get(reportKey(ds.code, org.orgId, period));
  if (r && LOCKED_STATUSES.includes(r.status)) {
    return { zh: `「${ds.name}」${period} ${STATUS_ZH[r.status]}，数据已锁定`, en: `${ds.nameEn} ${period} is ${r.status}: values are locked`, status: r.status };
  }
  if (ds.expiryDays != null && ctx.now >= daysAfterPeriodEnd(period, ds.expiryDays)) {
    return { zh: `「${ds.name}」${period} 已过填报期限（期末后${ds.expiryDays}天），数据已锁定`, en: `${ds.nameEn} ${period} expired ${ds.expiryDays} days after the period end: entry is locked` };
  }
  return null;
}

/**
 * Checks every row. Rows that are valid but fall in a locked report come back in `locked` with their
 * issue: the caller rejects them only when they would change the stored value (re-importing an
 * unchanged export of approved data is not an error).
 */
export function validateValues(rows: readonly RawValueRow[], ctx: ValidationContext): ValidationResult {
  const validator = createValidator(ctx);
  validator.check(rows);
  return validator.result();
}

export interface ValidationResult {
  values: ValidValue[];
  issues: ImportIssue[];
  locked: { value: ValidValue; issue: ImportIssue }[];
  /** Valid values outside their indicator's soft range, with the warning (stored only when confirmed). */
  soft: { value: ValidValue; issue: ImportIssue }[];
}

/**
 * The same checks for rows given chunk by chunk (a large file is read and checked a chunk at a time, so
 * the raw rows of a chunk die young). Duplicates are found across chunks. Report statuses of a chunk's
 * periods must be in ctx.reports before its check.
 */
export function createValidator(ctx: ValidationContext): { check(rows: readonly RawValueRow[]): void; result(): ValidationResult } {
  const issues: ImportIssue[] = [];
  const values: ValidValue[] = [];
  const locked: { value: ValidValue; issue: ImportIssue }[] = [];
  const soft: { value: ValidValue; issue: ImportIssue }[] = [];
  // Duplicates: (organisation, indicator, period) as one number — small integers given on first sight.
  // (organisation, indicator) → array by period index of the first row's position in seenRow/seenValue.
  const seen = new Map<number, number[]>();
  let lastPair = -1;
  let lastIdxOrg: OrgInfo | null = null, lastOi = 0, lastIdxInd: Indicator | null = null, lastIi = 0;
  let lastSeen: number[] = [];
  const seenRow: number[] = [];
  const seenValue: (number | null)[] = [];
  const orgIdx = new Map<string, number>();
  const indIdx = new Map<string, number>();
  const indSlots = ctx.indicators.size + 1;
  const issue = (row: number, field: string, value: unknown, zh: string, en: string) => issues.push({ row, field, value, reason: zh, reasonEn: en });

  // Caches: a file repeats the same organisations, indicators and periods many times.
  const codeCache = new Map<unknown, string>();
  const code = (raw: unknown) => {
    let c = codeCache.get(raw);
    if (c === undefined) codeCache.set(raw, (c = String(raw ?? '').trim().toUpperCase()));
    return c;
  };
  const periodCache = new Map<string, { period: string; p: ReturnType<typeof parsePeriod>; idx: number } | null>();
  const periodIdx = new Map<string, number>();
  // Nested by the parts of the key (already hashed strings and objects): no key string per row.
  const dsCache = new Map<string, Map<string, Map<string, Dataset[]>>>();
  const lockCache = new Map<Dataset, Map<string, Map<string, { zh: string; en: string } | null>>>();
  let lastInd: Indicator | null = null, lastOrgKind = '', lastPeriodKind = '', lastDss: Dataset[] = [];
  let lastLockOrg: OrgInfo | null = null, lastLocks: Map<string, { zh: string; en: string } | null>[] = [];
  const expiring = ctx.datasets.some((d) => d.expiryDays != null);
  let mayLock = false;
  const writable = new Map<string, boolean>();
  // The last accepted organisation cell: rows come grouped by organisation, so most rows skip its lookups.
  let okOrgRaw: unknown, okOrg: OrgInfo | undefined, okOrgCode = '';
  let okIndRaw: unknown, okInd: Indicator | undefined, okIndOrgKind = '';

  // A formula cell without a computed value: named for each field it occupies; the row is not checked further.
  const formulaIssues = (r: RawValueRow): boolean => {
    let found = false;
    for (const field of ['org_code', 'indicator_code', 'period', 'value', 'comment'] as const) {
      const v = r[FIELD_KEYS[field]];
      if (!isFormulaWithoutValue(v)) continue;
      found = true;
      issue(r.row, field, String(v), `该单元格是公式（${String(v)}），文件中没有计算结果：请在 Excel/WPS 中打开并保存后再导入，或把公式粘贴为数值`,
        `the cell is a formula (${String(v)}) without a computed value in the file: open and save it in Excel/WPS before importing, or paste the formula as values`);
    }
    return found;
  };

  const check = (rows: readonly RawValueRow[]): void => {
    mayLock = ctx.reports.size > 0 || expiring;
    for (const r of rows) checkRow(r);
  };

  const checkRow = (r: RawValueRow): void => {
    const before = issues.length;
    if (r.extraCells) issues.push(extraCellsIssue(r.row, r.extraCells));
    if (formulaIssues(r)) return;
    let org: OrgInfo | undefined, orgCode: string;
    if (okOrgRaw !== undefined && r.orgCode === okOrgRaw) {
      org = okOrg;
      orgCode = okOrgCode;
    } else {
      orgCode = code(r.orgCode);
      org = orgCode ? ctx.orgs.get(orgCode) : undefined;
      if (!orgCode) issue(r.row, 'org_code', r.orgCode, '组织代码为空', 'organisation code is empty');
      else if (!org) issue(r.row, 'org_code', r.orgCode, `组织代码不存在：${orgCode}`, `unknown organisation code ${orgCode}`);
      else if (!REPORTING_KINDS.has(org.kind)) issue(r.row, 'org_code', r.orgCode, `该组织不填报统计数据：${org.name}`, `${orgCode} does not report statistics`);
      else if (!(writable.get(org.orgId) ?? (writable.set(org.orgId, ctx.canWrite(org)), writable.get(org.orgId)!))) issue(r.row, 'org_code', r.orgCode, `无权填报该组织的数据：${org.name}`, `you may not enter data for ${orgCode}`);
      if (issues.length === before) { okOrgRaw = r.orgCode; okOrg = org; okOrgCode = orgCode; }
    }
    let ind: Indicator | undefined, indicatorCode: string;
    // The same indicator cell for the same kind of organisation passed its checks already.
    if (okIndRaw !== undefined && r.indicatorCode === okIndRaw && org?.kind === okIndOrgKind) {
      ind = okInd;
      indicatorCode = okInd!.code;
    } else {
      const mark = issues.length;
      indicatorCode = code(r.indicatorCode);
      ind = indicatorCode ? ctx.indicators.get(indicatorCode) : undefined;
      if (!indicatorCode) issue(r.row, 'indicator_code', r.indicatorCode, '指标代码为空', 'indicator code is empty');
      else if (!ind) issue(r.row, 'indicator_code', r.indicatorCode, `指标代码不存在：${indicatorCode}`, `unknown indicator ${indicatorCode}`);
      else if (ind.level === 'derived') issue(r.row, 'indicator_code', r.indicatorCode, `${ind.name} 为计算指标，不能直接填报`, `${indicatorCode} is computed, not entered`);
      else if (org && (ind.level === 'enterprise') !== (org.kind === 'enterprise'))
        issue(r.row, 'indicator_code', r.indicatorCode, ind.level === 'enterprise' ? `${ind.name} 由企业填报` : `${ind.name} 为全市/县级指标，企业不填报`, ind.level === 'enterprise' ? `${indicatorCode} is reported by enterprises` : `${indicatorCode} is a city/county indicator`);
      if (issues.length === mark && ind && org) { okIndRaw = r.indicatorCode; okInd = ind; okIndOrgKind = org.kind; }
    }

    // Periods are cached by the cell as given (a string, or a date from a spreadsheet).
    const periodKey = typeof r.period === 'string' ? r.period : r.period instanceof Date ? `${r.period.getUTCFullYear()}${String(r.period.getUTCMonth() + 1).padStart(2, '0')}` : String(r.period ?? '');
    let cached = periodCache.get(periodKey);
    if (cached === undefined) {
      const norm = normalizePeriod(periodKey.trim());
      let idx = norm ? periodIdx.get(norm) : undefined;
      if (norm && idx === undefined) periodIdx.set(norm, (idx = periodIdx.size));
      periodCache.set(periodKey, (cached = norm ? { period: norm, p: parsePeriod(norm), idx: idx! } : null));
    }
    const period = cached?.period ?? null;
    const p = cached?.p ?? null;
    if (!p || !period) issue(r.row, 'period', r.period, `期间格式有误：${periodKey.trim()}（应为 2019、2019Q1 或 201903）`, `invalid period "${periodKey.trim()}" (use 2019, 2019Q1 or 201903)`);
    else if (ind && p.kind !== ind.frequency && p.kind !== 'year')
      issue(r.row, 'period', r.period, `${ind.name} 按${ind.frequency === 'month' ? '月' : ind.frequency === 'quarter' ? '季' : '年'}填报，期间 ${period} 不符`, `${indicatorCode} is reported by ${ind.frequency}; period ${period} does not fit`);
    else if (p.year < 1990 || p.year > ctx.now.getUTCFullYear() + 1) issue(r.row, 'period', r.period, `期间超出范围：${period}`, `period out of range: ${period}`);

    const num = parseNumber(r.value);
    let softIssue: ImportIssue | null = null;
    if (num === 'invalid') issue(r.row, 'value', r.value, `「${String(r.value)}」不是数字：请填写数字（如 1234.5 或 1,234.5），不填请留空`, `"${String(r.value)}" is not a number: enter a number (e.g. 1234.5 or 1,234.5) or leave the cell empty`);
    else if (num != null && typeof r.value === 'string' && significantDigits(r.value) > 15) issue(r.row, 'value', r.value, `数值 ${r.value} 超过 15 位有效数字，无法精确保存：请检查位数`, `${r.value} has more than 15 significant digits and cannot be stored exactly: check the digits`);
    else if (num != null && ind) {
      const hard = hardProblem(ind, num);
      if (hard) issue(r.row, 'value', r.value, hard.zh, hard.en);
      else {
        const soft = softProblem(ind, num);
        if (soft) softIssue = { row: r.row, field: 'value', value: r.value, reason: soft.zh, reasonEn: soft.en };
      }
    }

    if (issues.length > before || !org || !ind || !period || !p || num === 'invalid') return;
    let lockIssue: ImportIssue | null = null;
    if (mayLock) {
      // Rows come grouped (organisation, indicator): reuse the last row's lookups when they match.
      if (ind !== lastInd || org.kind !== lastOrgKind || p.kind !== lastPeriodKind) {
        let d1 = dsCache.get(ind.code);
        if (!d1) dsCache.set(ind.code, (d1 = new Map()));
        let d2 = d1.get(org.kind);
        if (!d2) d1.set(org.kind, (d2 = new Map()));
        let dss = d2.get(p.kind);
        if (!dss) d2.set(p.kind, (dss = datasetsFor(ctx.datasets, ind.code, org, p.kind)));
        lastInd = ind; lastOrgKind = org.kind; lastPeriodKind = p.kind; lastDss = dss; lastLockOrg = null;
      }
      if (org !== lastLockOrg) {
        lastLockOrg = org;
        lastLocks = lastDss.map((ds) => {
          let l1 = lockCache.get(ds);
          if (!l1) lockCache.set(ds, (l1 = new Map()));
          let l2 = l1.get(org.orgId);
          if (!l2) l1.set(org.orgId, (l2 = new Map()));
          return l2;
        });
      }
      for (let di = 0; di < lastDss.length; di++) {
        const ds = lastDss[di]!;
        const l2 = lastLocks[di]!;
        let lock = l2.get(period);
        if (lock === undefined) l2.set(period, (lock = lockReason(ds, org, period, ctx)));
        if (lock) { lockIssue = { row: r.row, field: 'period', value: r.period, reason: lock.zh, reasonEn: lock.en }; break; }
      }
    }
    if (org !== lastIdxOrg) {
      let oi = orgIdx.get(org.orgId);
      if (oi === undefined) orgIdx.set(org.orgId, (oi = orgIdx.size));
      lastIdxOrg = org; lastOi = oi;
    }
    if (ind !== lastIdxInd) {
      let ii = indIdx.get(ind.code);
      if (ii === undefined) indIdx.set(ind.code, (ii = indIdx.size));
      lastIdxInd = ind; lastIi = ii;
    }
    const oi = lastOi, ii = lastIi;
    const pair = oi * indSlots + ii;
    if (pair !== lastPair) {
      let list = seen.get(pair);
      if (!list) seen.set(pair, (list = []));
      lastPair = pair;
      lastSeen = list;
    }
    const pidx = cached!.idx;
    const dup = lastSeen[pidx];
    if (dup !== undefined) {
      const dupRow = seenRow[dup]!;
      if (seenValue[dup] !== num) issue(r.row, 'value', r.value, `与第 ${dupRow} 行重复且数值不同（${orgCode} ${ind.code} ${period}）`, `duplicates row ${dupRow} with a different value (${orgCode} ${ind.code} ${period})`);
      return;
    }
    lastSeen[pidx] = seenRow.length;
    seenRow.push(r.row);
    seenValue.push(num);
    const comment = r.comment == null || r.comment === '' ? null : String(r.comment).slice(0, 500);
    const valid = { row: r.row, orgId: org.orgId, orgCode: org.code, indicatorCode: ind.code, period, year: p.year, value: num, comment };
    if (lockIssue) locked.push({ value: valid, issue: lockIssue });
    else {
      values.push(valid);
      if (softIssue) soft.push({ value: valid, issue: softIssue });
    }
  };
  return { check, result: () => ({ values, issues, locked, soft }) };
}
