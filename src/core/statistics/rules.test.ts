import { describe, expect, it } from 'vitest';
import { BUILTIN_INDICATORS, BUILTIN_RULES } from './catalogue';
import { evaluateRule, parseExpression, runRules } from './rules';

const vals = (o: Record<string, Record<string, number>>) => new Map(Object.entries(o).map(([k, v]) => [k, new Map(Object.entries(v))]));

describe('validation rules', () => {
  it('parses and evaluates arithmetic with precedence', () => {
    const get = (c: string) => ({ A: 2, B: 3 } as Record<string, number>)[c] ?? null;
    expect(evaluateRule({ leftExpr: 'A + B * 2', operator: '==', rightExpr: '8', missingStrategy: 'never_skip' }, get).ok).toBe(true);
    expect(evaluateRule({ leftExpr: '(A + B) * 2', operator: '==', rightExpr: '10', missingStrategy: 'never_skip' }, get).ok).toBe(true);
    expect(evaluateRule({ leftExpr: '-A', operator: '<', rightExpr: '0', missingStrategy: 'never_skip' }, get).ok).toBe(true);
    expect(() => parseExpression('A + ')).toThrow();
    expect(() => parseExpression('A $ B')).toThrow();
  });

  it('applies every operator', () => {
    const get = (c: string) => ({ A: 5, B: 5, C: 7 } as Record<string, number>)[c] ?? null;
    const ok = (l: string, op: Parameters<typeof evaluateRule>[0]['operator'], r: string) =>
      evaluateRule({ leftExpr: l, operator: op, rightExpr: r, missingStrategy: 'never_skip' }, get).ok;
    expect([ok('A', '==', 'B'), ok('A', '!=', 'C'), ok('C', '>', 'A'), ok('A', '>=', 'B'), ok('A', '<', 'C'), ok('A', '<=', 'B')]).toEqual([true, true, true, true, true, true]);
    expect([ok('A', '!=', 'B'), ok('A', '>', 'B'), ok('C', '<=', 'A')]).toEqual([false, false, false]);
  });

  it('honours the missing-value strategies and the pair operators', () => {
    const get = (c: string) => ({ A: 5 } as Record<string, number>)[c] ?? null;
    const r = (op: Parameters<typeof evaluateRule>[0]['operator'], ms: Parameters<typeof evaluateRule>[0]['missingStrategy']) =>
      evaluateRule({ leftExpr: 'A', operator: op, rightExpr: 'B', missingStrategy: ms }, get).ok;
    expect(r('<=', 'skip_if_any_missing')).toBeNull();
    expect(r('<=', 'skip_if_all_missing')).toBe(false); // B counts as 0
    expect(r('>=', 'never_skip')).toBe(true);
    expect(r('compulsory_pair', 'never_skip')).toBe(false);
    expect(r('exclusive_pair', 'never_skip')).toBe(true);
    expect(evaluateRule({ leftExpr: 'X', operator: 'compulsory_pair', rightExpr: 'Y', missingStrategy: 'never_skip' }, get).ok).toBeNull();
  });

  it('runs the built-in rules: value added ≤ revenue, YTD non-decreasing (profit excepted)', () => {
    const v = vals({
      REVENUE: { '201901': 100, '201902': 90 },
      VALUE_ADDED: { '201901': 120, '201902': 130 },
      PROFIT: { '201901': 10, '201902': 5 },
    });
    const out = runRules(BUILTIN_RULES, 'org1', v, ['201901', '201902'], new Set(['REVENUE', 'VALUE_ADDED', 'PROFIT']));
    const keys = out.map((o) => `${o.ruleCode}:${o.period}:${o.indicatorCode}`).sort();
    expect(keys).toEqual(['VA_LE_REVENUE:201901:VALUE_ADDED', 'VA_LE_REVENUE:201902:VALUE_ADDED', 'YTD_NON_DECREASING:201902:REVENUE']);
  });

  it('says in words what is wrong and what is expected, never the rule code or the broken operator between the numbers', () => {
    const names = new Map(BUILTIN_INDICATORS.map((i) => [i.code, i]));
    const v = vals({ REVENUE: { '202012': 7000, '202011': 7500 }, VALUE_ADDED: { '202012': 9000 }, EXPORT_DELIVERY: { '202012': 9000 } });
    const out = runRules(BUILTIN_RULES, 'org1', v, ['202012'], new Set(['REVENUE']), names);
    const by = (code: string) => out.find((o) => o.ruleCode === code)!;
    expect(by('VA_LE_REVENUE')).toMatchObject({
      message: '工业增加值（9,000）大于主营业务收入（7,000）；应不大于主营业务收入',
      messageEn: 'Industrial value added (9,000) is greater than Main business revenue (7,000); it should be at most Main business revenue',
    });
    expect(by('EXPORT_LE_REVENUE').message).toBe('出口交货值（9,000）大于主营业务收入 × 1.2（8,400）；应不大于主营业务收入 × 1.2');
    expect(by('YTD_NON_DECREASING').message).toMatch(/主营业务收入本期累计值 7,000 小于上期累计值 7,500；年内累计值应不减少/);
    const pair = runRules(BUILTIN_RULES, 'org1', vals({ REVENUE: { '202012': 7000 } }), ['202012'], new Set(), names).find((o) => o.ruleCode === 'REVENUE_VA_PAIR')!;
    expect(pair.message).toBe('填报了主营业务收入，但未填报工业增加值；两者须同时填报');
    expect(pair.messageEn).toBe('Main business revenue is reported but Industrial value added is not; both must be reported together');
    for (const o of [...out, pair]) expect(`${o.message} ${o.messageEn}`).not.toMatch(/compulsory_pair|≤|<=|[A-Z]{3,}_/);
  });
});

