// The fast long-CSV reader and chunked validation (pure; no database): the same rows as the general table
// path, numbers equal to Number(), duplicates and report locks found across chunks.
import { describe, expect, it } from 'vitest';
import { loadReportsFor, type LoadedContext } from '../src/core/statistics/context';
import type { OrgInfo, ReportRecord, StatisticsStore } from '../src/core/statistics/ports';
import { createValidator, type RawValueRow } from '../src/core/statistics/validate-values';
import { rowsFromTable } from '../src/core/statistics/value-table';
import { decimalAt, longCsv } from '../src/files/long-csv';
import { parseCsvText } from '../src/files/tabular';
import type { Indicator } from '../src/shared/statistics';

const allRows = (text: string): RawValueRow[] => {
  const reader = longCsv(text, ',');
  if (!reader) throw new Error('not a long CSV');
  return [...reader.chunks()].flat();
};

describe('long CSV fast path', () => {
  it('reads plain decimals exactly as Number() does, and leaves anything else to the general parser', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 20_000; i++) {
      const digits = String(Math.floor(rnd() * 10 ** (1 + Math.floor(rnd() * 14))));
      const cut = Math.floor(rnd() * digits.length);
      const s = (rnd() < 0.3 ? '-' : '') + (cut > 0 ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits);
      expect(decimalAt(s, 0, s.length)).toBe(Number(s));
    }
    for (const s of ['', '-', '.5', '5.', '1e5', '1,234', ' 12', '12 ', '１２', '1.2.3', '1234567890123456']) expect(decimalAt(s, 0, s.length)).toBeUndefined();
    expect(decimalAt('x,12.50,y', 2, 7)).toBe(12.5);
  });

  it('gives the same rows as the general table path (CRLF, blank lines, extra and missing cells, comments)', () => {
    const text = '\r\n组织代码,指标代码,期间,数值,备注,extra\r\nA1,REVENUE,201901,12.5,ok,x\r\n\r\nA1,REVENUE,201902,,,\r\n,,,,,\r\nA1,PROFIT,2019Q1,1e3\r\nB2,PROFIT,2019,-7,note\r\n   \r\nB2,PROFIT\r\n';
    const table = rowsFromTable(parseCsvText(text), new Map());
    expect(table.layout).toBe('long');
    const fast = allRows(text);
    const norm = (r: RawValueRow) => ({ ...r, value: r.value === '' || r.value == null ? null : Number(r.value), comment: r.comment === '' ? undefined : r.comment });
    expect(fast.map(norm)).toEqual(table.rows.map(norm));
    expect(fast.map((r) => r.row)).toEqual([2, 3, 5, 6, 7]);
    expect(longCsv('org,name\nA,B\n', ',')).toBeNull();
  });

  it('yields large files in chunks with continuing row numbers and an upper bound for progress', () => {
    const lines = ['org_code,indicator_code,period,value'];
    for (let i = 0; i < 45_000; i++) lines.push(`ORG${Math.floor(i / 48)},REVENUE,${2017 + Math.floor((i % 48) / 12)}${String((i % 12) + 1).padStart(2, '0')},${i}`);
    const reader = longCsv(lines.join('\n'), ',')!;
    expect(reader.expected).toBe(45_000);
    const chunks = [...reader.chunks()];
    expect(chunks.map((c) => c.length)).toEqual([20_000, 20_000, 5_000]);
    expect(chunks[1]![0]).toMatchObject({ row: 20_002, orgCode: 'ORG416', value: 20_000 });
    expect(chunks[2]!.at(-1)!.row).toBe(45_001);
  });
});

describe('chunked validation', () => {
  const indicator: Indicator = {
    code: 'REVENUE', name: '主营业务收入', nameEn: 'Revenue', unit: '万元', frequency: 'month', aggregation: 'sum', cumulative: true,
    timeAggregation: 'last', decimals: 1, direction: 'increase', level: 'enterprise', formula: null, minValue: 0, maxValue: null, description: null, builtin: true,
  } as Indicator;
  const org: OrgInfo = {
    orgId: 'o1', kind: 'enterprise', code: 'E1', name: '甲企业', cityCode: '130500', countyCode: '130528', parkCode: null, industryCode: null, seiL1: null,
    seiCounted: false, countyOrgId: 'c1', active: true, demo: false,
  };
  const approved = (period: string): ReportRecord => ({
    datasetCode: 'ENT_MONTHLY', orgId: 'o1', period, status: 'approved', submittedAt: null, submittedBy: null, reviewedAt: null, reviewedBy: null,
    approvedAt: null, approvedBy: null, returnedReason: null, rowVersion: 1,
  });
  const context = (): LoadedContext => ({
    orgs: new Map([['E1', org]]), indicators: new Map([['REVENUE', indicator]]),
    datasets: [{ code: 'ENT_MONTHLY', name: '企业月报', nameEn: 'Monthly', frequency: 'month', orgKind: 'enterprise', deadlineDays: 10, expiryDays: null, indicators: ['REVENUE'], rowVersion: 1 }],
    reports: new Map(), reportPeriods: new Set(), canWrite: () => true, now: new Date('2026-11-29T00:00:00Z'),
  });
  const row = (n: number, period: string, value: unknown): RawValueRow => ({ row: n, orgCode: 'E1', indicatorCode: 'REVENUE', period, value });

  it('finds a duplicate in a later chunk and a lock in a period the first chunk did not name', async () => {
    const asked: string[][] = [];
    const store = { reports: async ({ periods }: { periods: string[] }) => { asked.push(periods); return periods.includes('201903') ? [approved('201903')] : []; } } as unknown as StatisticsStore;
    const ctx = context();
    const validator = createValidator(ctx);
    const chunks = [[row(2, '201901', 1), row(3, '201902', 2)], [row(4, '201901', 5), row(5, '2019-03', 3), row(6, '201902', 2)]];
    for (const chunk of chunks) {
      await loadReportsFor(store, ctx, chunk);
      validator.check(chunk);
    }
    // Each period's reports are loaded once, when first named.
    expect(asked).toEqual([['201901', '201902'], ['201903']]);
    const { values, issues, locked } = validator.result();
    expect(values.map((v) => v.row)).toEqual([2, 3]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 4, field: 'value' });
    expect(issues[0]!.reason).toContain('与第 2 行重复');
    expect(locked.map((l) => l.value.row)).toEqual([5]);
    expect(locked[0]!.issue.reason).toContain('已审批');
  });

  it('checks every row of a repeated organisation cell when the first one failed', () => {
    const ctx = context();
    ctx.canWrite = () => false;
    const validator = createValidator(ctx);
    validator.check([row(2, '201901', 1), row(3, '201902', 2)]);
    expect(validator.result().issues.map((i) => [i.row, i.field])).toEqual([[2, 'org_code'], [3, 'org_code']]);
  });
});
