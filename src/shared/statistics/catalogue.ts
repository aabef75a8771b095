// Statistics (统计监测): the catalogue's vocabulary — frequencies, aggregations, statuses, tiers, dimensions.
import { z } from 'zod';

export const FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** How values of several organisations combine: sum, average, ratio of two indicators, count of registry records. */
export const AGGREGATIONS = ['sum', 'average', 'ratio', 'count'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
/** How months combine into quarters/years for indicators that are not year-to-date. */
export const TIME_AGGREGATIONS = ['sum', 'average', 'last'] as const;
export type TimeAggregationKind = (typeof TIME_AGGREGATIONS)[number];
export const DIRECTIONS = ['increase', 'decrease', 'none'] as const;
/** enterprise: reported by enterprises; city: reported for the city/counties; derived: computed, never entered. */
export const INDICATOR_LEVELS = ['enterprise', 'city', 'derived'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

export type IndicatorFormula =
  /** Sum of an enterprise indicator over enterprises counted as SEI, times scale (万元 → 亿元: 0.0001). */
  | { kind: 'sei_sum'; of: string; scale: number }
  /** numerator / denominator × scale, from the city-level series of both. */
  | { kind: 'ratio'; numerator: string; denominator: string; scale: number }
  /** Count of registry records (enterprise registry here; platforms and parks are counted by the registries). */
  | { kind: 'count'; registry: 'enterprise' | 'platform' | 'park'; filter?: string };

export interface Indicator {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  frequency: Frequency;
  aggregation: Aggregation;
  cumulative: boolean;
  timeAggregation: TimeAggregationKind;
  decimals: number;
  direction: (typeof DIRECTIONS)[number];
  level: IndicatorLevel;
  formula: IndicatorFormula | null;
  minValue: number | null;
  maxValue: number | null;
  description: string | null;
  builtin: boolean;
}

/** A custom indicator (the built-in ones are loaded by `sei init`); computed formulas stay built-in. */
export const IndicatorInput = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, '代码为大写字母、数字、下划线 / upper-case letters, digits, underscore'),
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(20),
  frequency: z.enum(FREQUENCIES),
  aggregation: z.enum(['sum', 'average']).default('sum'),
  cumulative: z.boolean().default(false),
  timeAggregation: z.enum(TIME_AGGREGATIONS).default('sum'),
  decimals: z.number().int().min(0).max(6).default(2),
  direction: z.enum(DIRECTIONS).default('increase'),
  level: z.enum(['enterprise', 'city']).default('enterprise'),
  minValue: z.number().nullable().default(null),
  maxValue: z.number().nullable().default(null),
  description: z.string().max(500).nullable().default(null),
});

export const VALUE_STATUSES = ['draft', 'submitted', 'county_reviewed', 'approved', 'returned'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];
export const VALUE_SOURCES = ['form', 'file', 'api', 'reference', 'demo'] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];
/** Statuses in which values can no longer be edited (until returned). */
export const LOCKED_STATUSES: readonly ValueStatus[] = ['submitted', 'county_reviewed', 'approved'];

export const TIERS = ['leading', 'backbone', 'specialty', 'sme'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, { zh: string; en: string }> = {
  leading: { zh: '龙头', en: 'Leading' },
  backbone: { zh: '骨干', en: 'Backbone' },
  specialty: { zh: '特色', en: 'Specialty' },
  sme: { zh: '中小', en: 'SME' },
};

export const DIM_KINDS = ['city', 'county', 'industry', 'sei', 'park'] as const;
export type DimKind = (typeof DIM_KINDS)[number];

/** Reconciling rows of a breakdown, so that its rows add up to the city total: enterprises without a
 * key in the dimension (未分类; for parks 未入园), and of a partly-SEI class not yet confirmed (待确认). */
export const NO_KEY = '_none';
export const PENDING_KEY = '_pending';
/** What is left of the total after the rows (a database aggregated before these rows existed). */
export const OTHER_KEY = '_other';
export const RECONCILING_LABELS: Record<string, { zh: string; en: string }> = {
  [NO_KEY]: { zh: '未分类', en: 'Unclassified' },
  [`park:${NO_KEY}`]: { zh: '未入园', en: 'Not in a park' },
  [PENDING_KEY]: { zh: '待确认', en: 'To be confirmed' },
  [OTHER_KEY]: { zh: '其他（未分项）', en: 'Other (not broken down)' },
};
export function reconcilingLabel(dim: string, key: string): { zh: string; en: string } | undefined {
  return RECONCILING_LABELS[`${dim}:${key}`] ?? RECONCILING_LABELS[key];
}

/** One problem with one cell of an imported file (row 1 is the header; JSON rows count from 1). */
export interface ImportIssue {
  row: number;
  field: string;
  value: unknown;
  reason: string;
  reasonEn: string;
}
