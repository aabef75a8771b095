import { describe, expect, it } from 'vitest';
import { primaryReason, readsEnterprise, seesEnterpriseFigures, suppressCells, type ConfidentialCell } from './suppression';

const cell = (key: string, contributions: number[], exempt = false): ConfidentialCell => ({
  key, n: contributions.length, value: contributions.reduce((a, b) => a + b, 0),
  largest: Math.max(0, ...contributions.map(Math.abs)), absTotal: contributions.reduce((a, b) => a + Math.abs(b), 0), exempt,
});

describe('primary suppression', () => {
  it('suppresses cells of 1 and 2 enterprises, not of 3', () => {
    expect(primaryReason(cell('a', [100]))).toBe('few');
    expect(primaryReason(cell('a', [100, 90]))).toBe('few');
    expect(primaryReason(cell('a', [100, 90, 80]))).toBeNull();
  });
  it('suppresses a cell where one enterprise is more than 85 %', () => {
    expect(primaryReason(cell('a', [860, 70, 70]))).toBe('dominant');
    expect(primaryReason(cell('a', [850, 75, 75]))).toBeNull(); // exactly 85 % is not more than 85 %
  });
  it('measures dominance on absolute contributions (a loss does not hide a dominant one)', () => {
    expect(primaryReason(cell('a', [900, -50, 50]))).toBe('dominant');
  });
  it('leaves an empty cell alone', () => {
    expect(primaryReason({ n: 0, value: 0, largest: 0 })).toBeNull();
  });
});

describe('suppressCells', () => {
  it('adds the next smallest cell when exactly one is suppressed', () => {
    const s = suppressCells([cell('big', [500, 400, 300]), cell('one', [50]), cell('small', [30, 20, 10]), cell('mid', [100, 90, 80])]);
    expect(Object.fromEntries(s)).toEqual({ one: 'few', small: 'complementary' });
  });
  it('needs no complement when two suppressed cells together pass the rule', () => {
    const s = suppressCells([cell('a', [100, 100, 100]), cell('b', [10, 10]), cell('c', [20, 20]), cell('d', [5, 5, 5])]);
    expect(Object.fromEntries(s)).toEqual({ b: 'few', c: 'few' });
  });
  it('adds complements while the suppressed cells together would still reveal (1 + 1 enterprise)', () => {
    const s = suppressCells([cell('a', [100, 100, 100]), cell('b', [10]), cell('c', [20]), cell('d', [5, 5, 5])]);
    expect(Object.fromEntries(s)).toEqual({ b: 'few', c: 'few', d: 'complementary' });
  });
  it('complements a dominated cell too', () => {
    const s = suppressCells([cell('a', [900, 10, 10]), cell('b', [100, 100, 100]), cell('c', [50, 50, 50])]);
    expect(Object.fromEntries(s)).toEqual({ a: 'dominant', c: 'complementary' });
  });
  it('never suppresses or picks an exempt cell (the reader may see it anyway)', () => {
    const s = suppressCells([cell('own', [1], true), cell('x', [5]), cell('tiny', [1, 1, 1], true), cell('y', [40, 40, 40])]);
    expect(Object.fromEntries(s)).toEqual({ x: 'few', y: 'complementary' });
  });
  it('suppresses nothing when every cell passes', () => {
    expect(suppressCells([cell('a', [1, 2, 3]), cell('b', [4, 5, 6])]).size).toBe(0);
  });
});

describe('who is restricted', () => {
  const actor = (role: string, orgId: string | null = 'o') => ({ userId: 'u', username: 'x', role: role as never, orgId });
  it('statistician, coordinator, leader, admin and the system see figures; others do not', () => {
    expect(['statistician', 'coordinator', 'leader', 'admin'].map((r) => seesEnterpriseFigures(actor(r)))).toEqual([true, true, true, true]);
    expect(seesEnterpriseFigures(null)).toBe(true);
    expect(['department', 'county', 'enterprise'].map((r) => seesEnterpriseFigures(actor(r)))).toEqual([false, false, false]);
  });
  it('an enterprise reads itself, a county its enterprises, a department none', () => {
    expect(readsEnterprise(actor('enterprise', 'e1'), { orgId: 'e1', countyOrgId: 'c1' })).toBe(true);
    expect(readsEnterprise(actor('enterprise', 'e1'), { orgId: 'e2', countyOrgId: 'c1' })).toBe(false);
    expect(readsEnterprise(actor('county', 'c1'), { orgId: 'e2', countyOrgId: 'c1' })).toBe(true);
    expect(readsEnterprise(actor('county', 'c1'), { orgId: 'e2', countyOrgId: 'c2' })).toBe(false);
    expect(readsEnterprise(actor('department', 'd'), { orgId: 'e2', countyOrgId: 'c2' })).toBe(false);
  });
});
