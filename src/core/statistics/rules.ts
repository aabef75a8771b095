// Validation rules (pure): left expression, operator, right expression over indicator codes of one
// organisation and period, with a missing-value strategy (as in DHIS2). Expressions are arithmetic
// over indicator codes and numbers: `VALUE_ADDED`, `REVENUE * 1.2`, `GDP_PRIMARY + GDP_SECONDARY`.
import type { Indicator, MissingStrategy, RuleOperator, RuleViolation, ValidationRule } from '../../shared/statistics';
import { describeViolation } from './rule-messages';
import { parsePeriod, previousPeriod } from './periods';

type Node = { n: number } | { code: string } | { op: '+' | '-' | '*' | '/'; a: Node; b: Node } | { neg: Node };

export function parseExpression(src: string): Node {
  const tokens = src.match(/\s*([A-Z][A-Z0-9_]*|\d+(?:\.\d+)?|[-+*/()])\s*/g)?.map((t) => t.trim()) ?? [];
  if (tokens.join('') !== src.replace(/\s+/g, '')) throw new Error(`表达式含无法识别的内容 / cannot parse expression: ${src}`);
  let i = 0;
  const peek = () => tokens[i];
  const expr = (): Node => {
    let a = term();
    while (peek() === '+' || peek() === '-') { const op = tokens[i++] as '+' | '-'; a = { op, a, b: term() }; }
    return a;
  };
  const term = (): Node => {
    let a = factor();
    while (peek() === '*' || peek() === '/') { const op = tokens[i++] as '*' | '/'; a = { op, a, b: factor() }; }
    return a;
  };
  const factor = (): Node => {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`表达式不完整 / incomplete expression: ${src}`);
    if (t === '-') return { neg: factor() };
    if (t === '(') { const e = expr(); if (tokens[i++] !== ')') throw new Error(`缺少右括号 / missing ): ${src}`); return e; }
    if (/^\d/.test(t)) return { n: Number(t) };
    if (/^[A-Z]/.test(t)) return { code: t };
    throw new Error(`表达式有误 / unexpected "${t}" in ${src}`);
  };
  const node = expr();
  if (i !== tokens.length) throw new Error(`表达式有误 / unexpected "${tokens[i]}" in ${src}`);
  return node;
}

export function codesOf(node: Node): string[] {
  if ('code' in node) return [node.code];
  if ('n' in node) return [];
  if ('neg' in node) return codesOf(node.neg);
  return [...codesOf(node.a), ...codesOf(node.b)];
}

function evaluate(node: Node, get: (code: string) => number | null): number {
  if ('n' in node) return node.n;
  if ('code' in node) return get(node.code) ?? 0;
  if ('neg' in node) return -evaluate(node.neg, get);
  const a = evaluate(node.a, get);
  const b = evaluate(node.b, get);
  return node.op === '+' ? a + b : node.op === '-' ? a - b : node.op === '*' ? a * b : a / b;
}

export interface RuleOutcome {
  /** true: passed; false: violated; null: skipped (missing values). */
  ok: boolean | null;
  left: number | null;
  right: number | null;
}

const EPS = 1e-9;

/** Evaluates an expression rule over one organisation × period's values. */
export function evaluateRule(
  rule: { leftExpr: string; operator: RuleOperator; rightExpr: string; missingStrategy: MissingStrategy },
  get: (code: string) => number | null,
): RuleOutcome {
  const left = parseExpression(rule.leftExpr);
  const right = rule.rightExpr.trim() ? parseExpression(rule.rightExpr) : { n: 0 };
  const leftCodes = codesOf(left);
  const rightCodes = codesOf(right);
  const present = (codes: string[]) => codes.filter((c) => get(c) != null).length;
  if (rule.operator === 'compulsory_pair' || rule.operator === 'exclusive_pair') {
    const l = present(leftCodes) > 0;
    const r = present(rightCodes) > 0;
    if (!l && !r) return { ok: null, left: null, right: null };
    const ok = rule.operator === 'compulsory_pair' ? l === r : !(l && r);
    return { ok, left: l ? evaluate(left, get) : null, right: r ? evaluate(right, get) : null };
  }
  const all = [...leftCodes, ...rightCodes];
  const have = present(all);
  if (rule.missingStrategy === 'skip_if_any_missing' && have < all.length) return { ok: null, left: null, right: null };
  if (rule.missingStrategy === 'skip_if_all_missing' && all.length > 0 && have === 0) return { ok: null, left: null, right: null };
  const l = evaluate(left, get);
  const r = evaluate(right, get);
  const ok =
    rule.operator === '==' ? Math.abs(l - r) <= EPS * Math.max(1, Math.abs(r))
      : rule.operator === '!=' ? Math.abs(l - r) > EPS * Math.max(1, Math.abs(r))
        : rule.operator === '>' ? l > r
          : rule.operator === '>=' ? l >= r - EPS
            : rule.operator === '<' ? l < r
              : l <= r + EPS;
  return { ok, left: l, right: r };
}

export type Violation = RuleViolation;

const withMessage = (v: Omit<Violation, 'message' | 'messageEn'>, rule: ValidationRule, names: ReadonlyMap<string, Pick<Indicator, 'name' | 'nameEn'>>): Violation => ({ ...v, ...describeViolation(v, rule, names) });

/** Values of one organisation: indicator → period → value. */
export type OrgValues = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Runs the rules over an organisation's values for the given periods. `ytd_non_decreasing` compares each
 * month with the month before in the same year for the cumulative indicators (leftExpr `*` or a comma list;
 * rightExpr lists exceptions).
 */
export function runRules(
  rules: ValidationRule[],
  orgId: string,
  values: OrgValues,
  periods: string[],
  cumulativeCodes: ReadonlySet<string>,
  names: ReadonlyMap<string, Pick<Indicator, 'name' | 'nameEn'>> = new Map(),
): Violation[] {
  const out: Violation[] = [];
  for (const rule of rules) {
    if (!rule.active) continue;
    for (const period of periods) {
      if (rule.kind === 'ytd_non_decreasing') {
        const p = parsePeriod(period);
        if (!p || p.kind === 'year' || p.index === 1) continue;
        const except = new Set(rule.rightExpr.split(/[,\s]+/).filter(Boolean));
        const codes = rule.leftExpr.trim() === '*' ? [...cumulativeCodes] : rule.leftExpr.split(/[,\s]+/).filter(Boolean);
        const prev = previousPeriod(period);
        for (const code of codes) {
          if (except.has(code) || !cumulativeCodes.has(code)) continue;
          const cur = values.get(code)?.get(period);
          const before = values.get(code)?.get(prev);
          if (cur != null && before != null && cur < before - EPS) {
            out.push(withMessage({ ruleCode: rule.code, ruleName: rule.name, ruleNameEn: rule.nameEn, orgId, period, indicatorCode: code, left: cur, right: before, operator: '>=' }, rule, names));
          }
        }
        continue;
      }
      const r = evaluateRule(rule, (code) => values.get(code)?.get(period) ?? null);
      if (r.ok === false) {
        out.push(withMessage({ ruleCode: rule.code, ruleName: rule.name, ruleNameEn: rule.nameEn, orgId, period, indicatorCode: codesOf(parseExpression(rule.leftExpr))[0] ?? null, left: r.left, right: r.right, operator: rule.operator }, rule, names));
      }
    }
  }
  return out;
}
