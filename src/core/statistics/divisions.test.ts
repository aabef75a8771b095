import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { divisionMapping, vintageOf, type DivisionRecord } from './divisions';

// The mapping is read from the reference file the product loads, not from a list written in the test.
const rows = parse(readFileSync(new URL('../../../reference/xingtai_divisions.csv', import.meta.url)), { columns: true }) as Record<string, string>[];
const divisions: DivisionRecord[] = rows.map((r) => ({ code: r.code_2018!, name: r.name_2018!, status: r.status_after_2020_06!, code2020: r.code_2020 || null, name2020: r.name_2020 || null, notes: r.notes || null }));

describe('division vintages', () => {
  it('periods of 2020 and later use the 2020 divisions', () => {
    expect(['2019', '201912', '2019Q4', '2020', '202001', '2021Q1'].map(vintageOf)).toEqual([2018, 2018, 2018, 2020, 2020, 2020]);
  });
  it('2020: renamed, replaced and abolished divisions', () => {
    const m = divisionMapping(divisions, 2020);
    expect(m.map('130502')).toEqual({ key: '130502', name: '襄都区' });
    expect(m.map('130503')).toEqual({ key: '130503', name: '信都区' });
    expect(m.map('130526')).toEqual({ key: '130505', name: '任泽区' });
    expect(m.map('130505')).toEqual({ key: '130505', name: '任泽区' });
    expect(m.map('130527')).toEqual({ key: '130506', name: '南和区' });
    expect(m.map('130528')).toEqual({ key: '130528', name: '宁晋县' });
    expect(m.map('130521')).toEqual({ key: '130521', name: '待划归：原邢台县（2020年撤销，辖区分入襄都区、信都区）', pending: true });
    expect(m.changes.map((c) => `${c.from}>${c.to}`).sort()).toEqual(['130502>130502', '130503>130503', '130521>130521', '130526>130505', '130527>130506']);
  });
  it('2018: a 2020 code reported for an earlier period goes back to its 2018 division', () => {
    const m = divisionMapping(divisions, 2018);
    expect(m.map('130505')).toEqual({ key: '130526', name: '任县' });
    expect(m.map('130502')).toEqual({ key: '130502', name: '桥东区' });
    expect(m.map('130521')).toEqual({ key: '130521', name: '邢台县' });
  });
});
