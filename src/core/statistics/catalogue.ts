// The built-in indicator catalogue, data sets and validation rules (loaded by `sei init`).
// Enterprise amounts are in 万元 as enterprises report them (统计报表 一套表); city amounts and the
// plan's targets are in 亿元. SEI_REVENUE / SEI_VALUE_ADDED are the plan's target indicators: the sum
// over enterprises counted as SEI (战略性新兴产业分类(2018) class; `*` classes only when confirmed).
import type { Indicator, ValidationRule } from '../../shared/statistics';

type RangeKeys = 'minValue' | 'maxValue' | 'softMin' | 'softMax' | 'integer';
type Def = Omit<Indicator, 'builtin' | 'description' | RangeKeys | 'formula' | 'timeAggregation'> &
  Partial<Pick<Indicator, 'description' | RangeKeys | 'formula' | 'timeAggregation'>>;

// Plausibility ranges (docs/statistics.md): hard bounds far outside any real Xingtai figure (a typo of
// several digits is refused), soft bounds about twice the largest value of the demo distribution
// (enterprise amounts in 万元, city amounts in 亿元, growth rates in %). Migration 0005 holds a copy.
const range = (minValue: number | null, maxValue: number | null, softMin: number | null, softMax: number | null, integer = false) => ({ minValue, maxValue, softMin, softMax, integer });

const ent = (code: string, name: string, nameEn: string, unit: string, extra: Partial<Def> = {}): Def => ({
  code, name, nameEn, unit, frequency: 'month', aggregation: 'sum', cumulative: true, decimals: 1,
  direction: 'increase', level: 'enterprise', minValue: 0, ...extra,
});
const city = (code: string, name: string, nameEn: string, unit: string, extra: Partial<Def> = {}): Def => ({
  code, name, nameEn, unit, frequency: 'quarter', aggregation: 'sum', cumulative: true, decimals: 2,
  direction: 'increase', level: 'city', minValue: 0, ...extra,
});

const DEFS: Def[] = [
  ent('REVENUE', '主营业务收入', 'Main business revenue', '万元', { description: '1–N月累计 / year to date', ...range(0, 1e9, null, 2e6) }),
  ent('VALUE_ADDED', '工业增加值', 'Industrial value added', '万元', range(0, 1e9, null, 5e5)),
  ent('PROFIT', '利润总额', 'Total profit', '万元', range(-1e9, 1e9, -5e4, 1e5)),
  ent('RD_EXPENDITURE', '研发经费支出', 'R&D expenditure', '万元', range(0, 1e8, null, 1e5)),
  ent('EXPORT_DELIVERY', '出口交货值', 'Export delivery value', '万元', range(0, 1e9, null, 3e5)),
  ent('FIXED_ASSET_INVESTMENT', '固定资产投资', 'Fixed-asset investment', '万元', range(0, 1e9, null, 1e6)),
  ent('EMPLOYEES', '从业人员', 'Employees', '人', { cumulative: false, timeAggregation: 'average', decimals: 0, direction: 'none', description: '期末人数；季度、年度取月平均 / headcount at month end; quarters and years average the months', ...range(0, 1e6, null, 20_000, true) }),
  city('GDP', '地区生产总值', 'Gross regional product (GDP)', '亿元', { description: '季度累计 / year to date by quarter', ...range(0, 1e5, null, 1e4) }),
  city('GDP_PRIMARY', '第一产业增加值', 'Primary industry value added', '亿元', range(0, 1e5, null, 5000)),
  city('GDP_SECONDARY', '第二产业增加值', 'Secondary industry value added', '亿元', range(0, 1e5, null, 5000)),
  city('GDP_TERTIARY', '第三产业增加值', 'Tertiary industry value added', '亿元', range(0, 1e5, null, 5000)),
  city('GDP_GROWTH', '地区生产总值增速', 'GDP growth (real, year on year)', '%', { cumulative: false, timeAggregation: 'last', aggregation: 'average', direction: 'increase', ...range(-100, 100, -20, 30) }),
  city('IND_VA_GROWTH', '规上工业增加值增速', 'Growth of industrial value added above designated size', '%', { cumulative: false, timeAggregation: 'last', aggregation: 'average', ...range(-100, 100, -30, 40) }),
  city('FISCAL_REVENUE', '全部财政收入', 'Total fiscal revenue', '亿元', { frequency: 'year', cumulative: false, timeAggregation: 'sum', ...range(0, 1e4, null, 1000) }),
  city('HIGH_TECH_VA_GROWTH', '高新技术产业增加值增速', 'Growth of high-tech industry value added', '%', { frequency: 'year', cumulative: false, timeAggregation: 'last', aggregation: 'average', ...range(-100, 200, -30, 80) }),
  {
    code: 'SEI_REVENUE', name: '战略性新兴产业主营业务收入', nameEn: 'SEI main business revenue', unit: '亿元', frequency: 'month',
    aggregation: 'sum', cumulative: true, decimals: 2, direction: 'increase', level: 'derived',
    formula: { kind: 'sei_sum', of: 'REVENUE', scale: 0.0001 }, description: '七大重点领域企业主营业务收入合计 / sum over SEI enterprises',
  },
  {
    code: 'SEI_VALUE_ADDED', name: '战略性新兴产业增加值', nameEn: 'SEI value added', unit: '亿元', frequency: 'month',
    aggregation: 'sum', cumulative: true, decimals: 2, direction: 'increase', level: 'derived',
    formula: { kind: 'sei_sum', of: 'VALUE_ADDED', scale: 0.0001 },
  },
  {
    code: 'SEI_GDP_SHARE', name: '战略性新兴产业增加值占GDP比重', nameEn: 'SEI value added as share of GDP', unit: '%',
    frequency: 'year', aggregation: 'ratio', cumulative: false, decimals: 1, direction: 'increase', level: 'derived',
    formula: { kind: 'ratio', numerator: 'SEI_VALUE_ADDED', denominator: 'GDP', scale: 100 },
  },
  {
    code: 'HIGH_TECH_ENTERPRISES', name: '高新技术企业数', nameEn: 'High-tech enterprises', unit: '家', frequency: 'year',
    aggregation: 'count', cumulative: false, decimals: 0, direction: 'increase', level: 'derived',
    formula: { kind: 'count', registry: 'enterprise', filter: 'high_tech' }, description: '企业名录中高新技术企业 / registry count',
  },
  {
    code: 'SEI_ENTERPRISES', name: '战略性新兴产业重点企业数', nameEn: 'SEI key enterprises', unit: '家', frequency: 'year',
    aggregation: 'count', cumulative: false, decimals: 0, direction: 'increase', level: 'derived',
    formula: { kind: 'count', registry: 'enterprise', filter: 'sei' },
  },
  {
    code: 'PLATFORMS_PROVINCIAL_PLUS', name: '省级以上创新平台数量', nameEn: 'Innovation platforms at provincial level or above', unit: '个',
    frequency: 'year', aggregation: 'count', cumulative: false, decimals: 0, direction: 'increase', level: 'derived',
    formula: { kind: 'count', registry: 'platform', filter: 'level>=provincial' }, description: '由创新平台名录统计 / counted from the platform registry',
  },
  {
    code: 'SEI_PARKS', name: '战略性新兴产业园区、集聚区及示范基地数量', nameEn: 'SEI parks, clusters and demonstration bases', unit: '个',
    frequency: 'year', aggregation: 'count', cumulative: false, decimals: 0, direction: 'increase', level: 'derived',
    formula: { kind: 'count', registry: 'park' }, description: '由园区名录统计 / counted from the park registry',
  },
];

export const BUILTIN_INDICATORS: Indicator[] = DEFS.map((d) => ({
  description: null, minValue: null, maxValue: null, softMin: null, softMax: null, integer: false, formula: null, timeAggregation: 'sum', ...d, builtin: true,
}));

export interface DatasetDef {
  code: string;
  name: string;
  nameEn: string;
  frequency: 'month' | 'quarter' | 'year';
  orgKind: 'enterprise' | 'city';
  deadlineDays: number;
  /** Days after the period end after which entry is locked; null: never. */
  expiryDays: number | null;
  indicators: string[];
}

export const BUILTIN_DATASETS: DatasetDef[] = [
  {
    code: 'ENT_MONTHLY', name: '重点企业月报', nameEn: 'Key enterprise monthly report', frequency: 'month', orgKind: 'enterprise',
    deadlineDays: 10, expiryDays: null,
    indicators: ['REVENUE', 'VALUE_ADDED', 'PROFIT', 'RD_EXPENDITURE', 'EXPORT_DELIVERY', 'FIXED_ASSET_INVESTMENT', 'EMPLOYEES'],
  },
  {
    code: 'CITY_QUARTERLY', name: '全市季度主要经济指标', nameEn: 'City quarterly economic indicators', frequency: 'quarter', orgKind: 'city',
    deadlineDays: 30, expiryDays: null, indicators: ['GDP', 'GDP_PRIMARY', 'GDP_SECONDARY', 'GDP_TERTIARY', 'GDP_GROWTH', 'IND_VA_GROWTH'],
  },
  {
    code: 'CITY_ANNUAL', name: '全市年度指标', nameEn: 'City annual indicators', frequency: 'year', orgKind: 'city',
    deadlineDays: 90, expiryDays: null, indicators: ['GDP', 'FISCAL_REVENUE', 'HIGH_TECH_VA_GROWTH'],
  },
];

const rule = (r: Omit<ValidationRule, 'builtin' | 'active'>): ValidationRule => ({ ...r, builtin: true, active: true });

export const BUILTIN_RULES: ValidationRule[] = [
  rule({ code: 'VA_LE_REVENUE', name: '工业增加值不大于主营业务收入', nameEn: 'Value added ≤ revenue', kind: 'expression', leftExpr: 'VALUE_ADDED', operator: '<=', rightExpr: 'REVENUE', missingStrategy: 'skip_if_any_missing' }),
  rule({ code: 'RD_LE_REVENUE', name: '研发经费支出不大于主营业务收入', nameEn: 'R&D expenditure ≤ revenue', kind: 'expression', leftExpr: 'RD_EXPENDITURE', operator: '<=', rightExpr: 'REVENUE', missingStrategy: 'skip_if_any_missing' }),
  rule({ code: 'EXPORT_LE_REVENUE', name: '出口交货值不大于主营业务收入的1.2倍', nameEn: 'Export delivery ≤ 1.2 × revenue', kind: 'expression', leftExpr: 'EXPORT_DELIVERY', operator: '<=', rightExpr: 'REVENUE * 1.2', missingStrategy: 'skip_if_any_missing' }),
  rule({ code: 'REVENUE_VA_PAIR', name: '主营业务收入与工业增加值须同时填报', nameEn: 'Revenue and value added are reported together', kind: 'expression', leftExpr: 'REVENUE', operator: 'compulsory_pair', rightExpr: 'VALUE_ADDED', missingStrategy: 'never_skip' }),
  rule({ code: 'EMPLOYEES_NON_NEGATIVE', name: '从业人员不为负', nameEn: 'Employees are not negative', kind: 'expression', leftExpr: 'EMPLOYEES', operator: '>=', rightExpr: '0', missingStrategy: 'skip_if_any_missing' }),
  rule({ code: 'GDP_PARTS_LE_GDP', name: '三次产业增加值之和不大于地区生产总值的1.01倍', nameEn: 'Sum of the three sectors ≤ 1.01 × GDP', kind: 'expression', leftExpr: 'GDP_PRIMARY + GDP_SECONDARY + GDP_TERTIARY', operator: '<=', rightExpr: 'GDP * 1.01', missingStrategy: 'skip_if_any_missing' }),
  rule({ code: 'YTD_NON_DECREASING', name: '累计值年内不减（利润除外）', nameEn: 'Year-to-date values do not decrease within a year (profit excepted)', kind: 'ytd_non_decreasing', leftExpr: '*', operator: '>=', rightExpr: 'PROFIT', missingStrategy: 'skip_if_any_missing' }),
];
