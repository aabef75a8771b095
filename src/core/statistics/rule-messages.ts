// A violated validation rule in words (pure): what is wrong and what is expected, in Chinese and
// English — never the rule's code or its operator between two numbers as if it held ("9,000 ≤ 7,000").
import type { Indicator, RuleViolation } from '../../shared/statistics';

/** A number as people read it: digit groups, at most 6 decimals; huge or tiny ones in exponent form. */
// One formatter for every call: Number.prototype.toLocaleString builds a new one each time (a tenth of the
// CPU of a one-value data entry, whose messages are written even when they only warn).
const FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e15 || (n !== 0 && Math.abs(n) < 1e-6)) return n.toExponential();
  return FORMAT.format(n);
}

/** An expression with its indicator codes replaced by names: `REVENUE * 1.2` → 主营业务收入 × 1.2. */
function named(expr: string, names: ReadonlyMap<string, Pick<Indicator, 'name' | 'nameEn'>>, en: boolean): string {
  return expr.trim().replace(/[A-Z][A-Z0-9_]*/g, (c) => (en ? names.get(c)?.nameEn : names.get(c)?.name) ?? c).replace(/\*/g, '×').replace(/\//g, '÷');
}

export function describeViolation(
  v: Pick<RuleViolation, 'operator' | 'left' | 'right' | 'indicatorCode'>,
  rule: { kind: string; leftExpr: string; rightExpr: string },
  names: ReadonlyMap<string, Pick<Indicator, 'name' | 'nameEn'>>,
): { message: string; messageEn: string } {
  const num = (n: number | null) => (n == null ? '—' : formatNumber(n));
  if (rule.kind === 'ytd_non_decreasing') {
    const ind = v.indicatorCode ? names.get(v.indicatorCode) : undefined;
    const zh = ind?.name ?? v.indicatorCode ?? '';
    const en = ind?.nameEn ?? v.indicatorCode ?? '';
    return {
      message: `${zh}本期累计值 ${num(v.left)} 小于上期累计值 ${num(v.right)}；年内累计值应不减少，请核对本期或上期数据`,
      messageEn: `${en}: the year-to-date value ${num(v.left)} is below the previous period's ${num(v.right)}; year-to-date values should not decrease within a year — check this or the previous period`,
    };
  }
  const L = named(rule.leftExpr, names, false), Le = named(rule.leftExpr, names, true);
  const R = rule.rightExpr.trim() ? named(rule.rightExpr, names, false) : '0', Re = rule.rightExpr.trim() ? named(rule.rightExpr, names, true) : '0';
  const l = num(v.left), r = num(v.right);
  switch (v.operator) {
    case 'compulsory_pair': {
      const [has, hasEn, lacks, lacksEn] = v.left != null ? [L, Le, R, Re] : [R, Re, L, Le];
      return { message: `填报了${has}，但未填报${lacks}；两者须同时填报`, messageEn: `${hasEn} is reported but ${lacksEn} is not; both must be reported together` };
    }
    case 'exclusive_pair':
      return { message: `${L}与${R}都已填报；两者只能填报其一`, messageEn: `both ${Le} and ${Re} are reported; only one of them may be` };
    case '<=':
      return { message: `${L}（${l}）大于${R}（${r}）；应不大于${R}`, messageEn: `${Le} (${l}) is greater than ${Re} (${r}); it should be at most ${Re}` };
    case '<':
      return { message: `${L}（${l}）不小于${R}（${r}）；应小于${R}`, messageEn: `${Le} (${l}) is not less than ${Re} (${r}); it should be less` };
    case '>=':
      return { message: `${L}（${l}）小于${R}（${r}）；应不小于${R}`, messageEn: `${Le} (${l}) is less than ${Re} (${r}); it should be at least ${Re}` };
    case '>':
      return { message: `${L}（${l}）不大于${R}（${r}）；应大于${R}`, messageEn: `${Le} (${l}) is not greater than ${Re} (${r}); it should be greater` };
    case '==':
      return { message: `${L}（${l}）与${R}（${r}）不相等；两者应相等`, messageEn: `${Le} (${l}) differs from ${Re} (${r}); they should be equal` };
    case '!=':
      return { message: `${L}与${R}相等（${l}）；两者应不同`, messageEn: `${Le} equals ${Re} (${l}); they should differ` };
    default:
      return { message: `${L}（${l}）与${R}（${r}）不符合规则`, messageEn: `${Le} (${l}) and ${Re} (${r}) break the rule` };
  }
}
