// Statistics (统计监测) types and input schemas shared by server, CLI and web.
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

/** One problem with one cell of an imported file (row 1 is the header; JSON rows count from 1). */
export interface ImportIssue {
  row: number;
  field: string;
  value: unknown;
  reason: string;
  reasonEn: string;
}

export const DataValueInput = z.object({
  orgCode: z.string().min(1).max(40),
  indicatorCode: z.string().min(1).max(60),
  period: z.string().min(1).max(20),
  value: z.union([z.number(), z.string(), z.null()]),
  comment: z.string().max(500).optional(),
});
export const DataValuesBody = z.object({
  dataValues: z.array(DataValueInput).min(1).max(100_000),
  dryRun: z.boolean().optional(),
});

const enterpriseFields = {
  uscc: z.string().trim().min(1),
  name: z.string().trim().min(1).max(200),
  countyCode: z.string().trim().min(1),
  /** A park of the park registry (园区/基地), by its id or its exact name; stored as the id. */
  parkCode: z.string().trim().max(200).nullish(),
  industryCode: z.string().trim().regex(/^\d{4}$/, '行业代码须为 4 位 GB/T 4754-2017 小类 / 4-digit GB/T 4754-2017 class').nullish(),
  planIndustryCode: z.string().trim().max(60).nullish(),
  tier: z.enum(TIERS),
  aboveScale: z.boolean(),
  highTech: z.boolean(),
  /** Required true when the industry class is only partly SEI (`*`) and the enterprise should count as SEI. */
  seiConfirmed: z.boolean(),
  active: z.boolean(),
};
export const EnterpriseInput = z.object({
  ...enterpriseFields,
  tier: enterpriseFields.tier.default('sme'),
  aboveScale: enterpriseFields.aboveScale.default(false),
  highTech: enterpriseFields.highTech.default(false),
  seiConfirmed: enterpriseFields.seiConfirmed.default(false),
  active: enterpriseFields.active.default(true),
});
export type EnterpriseInputT = z.infer<typeof EnterpriseInput>;
/** A change: only the fields sent are changed (no defaults), with the row version read. */
export const EnterprisePatch = z.object(enterpriseFields).partial().extend({ rowVersion: z.number().int().positive() });

export interface Enterprise {
  orgId: string;
  uscc: string;
  name: string;
  county: { code: string; name: string };
  /** Id of the enterprise's park in the park registry, and its name. */
  parkCode: string | null;
  parkName: string | null;
  industryCode: string | null;
  industryName: string | null;
  sei: { l1: string | null; l1Name: string | null; l2: string | null; l2Name: string | null; partial: boolean; confirmed: boolean; counted: boolean };
  planIndustryCode: string | null;
  tier: Tier;
  aboveScale: boolean;
  highTech: boolean;
  active: boolean;
  demo: boolean;
  rowVersion: number;
  updatedAt: string;
}

export const FormSaveBody = z.object({
  dataset: z.string().min(1),
  org: z.string().min(1),
  period: z.string().min(1),
  values: z.array(z.object({
    indicatorCode: z.string().min(1),
    value: z.union([z.number(), z.string(), z.null()]),
    /** The row version the form read; omitted for a value that did not exist. */
    rowVersion: z.number().int().positive().nullish(),
    comment: z.string().max(500).optional(),
  })).min(1),
  reason: z.string().max(500).optional(),
});

export const REPORT_ACTIONS = ['submit', 'review', 'approve', 'return'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export const ReportActionBody = z.object({
  dataset: z.string().min(1),
  org: z.string().min(1),
  period: z.string().min(1),
  /** The report's row version as read (0 when no report existed yet). */
  rowVersion: z.number().int().min(0),
  reason: z.string().trim().max(500).optional(),
});

export const RULE_OPERATORS = ['==', '!=', '>', '>=', '<', '<=', 'compulsory_pair', 'exclusive_pair'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];
export const MISSING_STRATEGIES = ['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'] as const;
export type MissingStrategy = (typeof MISSING_STRATEGIES)[number];
export const RULE_KINDS = ['expression', 'ytd_non_decreasing'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface ValidationRule {
  code: string;
  name: string;
  nameEn: string;
  kind: RuleKind;
  leftExpr: string;
  operator: RuleOperator;
  rightExpr: string;
  missingStrategy: MissingStrategy;
  builtin: boolean;
  active: boolean;
}

export const ValidationRuleInput = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/),
  name: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(200),
  kind: z.enum(RULE_KINDS).default('expression'),
  leftExpr: z.string().min(1).max(500),
  operator: z.enum(RULE_OPERATORS),
  rightExpr: z.string().max(500).default(''),
  missingStrategy: z.enum(MISSING_STRATEGIES).default('skip_if_any_missing'),
  active: z.boolean().default(true),
});

export const OutlierReviewBody = z.object({
  orgCode: z.string().min(1),
  indicatorCode: z.string().min(1),
  period: z.string().min(1),
  decision: z.enum(['confirmed', 'corrected']),
  /** The corrected value (decision corrected). */
  value: z.number().nullish(),
  note: z.string().max(500).optional(),
});

export const ReminderBody = z.object({
  dataset: z.string().min(1),
  period: z.string().min(1),
  /** Organisations to remind; default every non-reporter of the data set and period. */
  orgCodes: z.array(z.string()).optional(),
  message: z.string().max(500).optional(),
});

/** Data sets (统计报表): who reports (enterprises, or the city and its counties), how often, and which indicators. */
export const DATASET_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,40}$/;
export const DATASET_ORG_KINDS = ['enterprise', 'city'] as const;
export type DatasetOrgKind = (typeof DATASET_ORG_KINDS)[number];
const datasetFields = {
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  /** Submission deadline: days after the period end. */
  deadlineDays: z.number().int().min(0).max(366),
  /** Days after the period end after which entry is locked (more than deadlineDays); null: never. */
  expiryDays: z.number().int().min(1).max(3660).nullable(),
  /** Indicator codes in form order; checked against the catalogue by the use-case. */
  indicators: z.array(z.string().trim().min(1).max(60)).min(1).max(200),
};
export const DatasetInput = z.object({
  code: z.string().regex(DATASET_CODE_PATTERN),
  frequency: z.enum(FREQUENCIES),
  orgKind: z.enum(DATASET_ORG_KINDS),
  ...datasetFields,
  expiryDays: datasetFields.expiryDays.default(null),
});
export type DatasetInputT = z.infer<typeof DatasetInput>;
/**
 * A change with the row version read: only the fields sent change. Frequency and organisation kind are
 * fixed at creation; sending them is accepted only when they equal the stored ones.
 */
export const DatasetPatch = z.object(datasetFields).partial().extend({
  frequency: z.enum(FREQUENCIES).optional(),
  orgKind: z.enum(DATASET_ORG_KINDS).optional(),
  rowVersion: z.number().int().positive(),
});
export const DatasetDeleteQuery = z.object({ rowVersion: z.coerce.number().int().positive() });

// ---------------------------------------------------------------------------------------------
// Response shapes of the statistics and enterprise routes: built in src/core/statistics, read by
// the web app (src/web/api/statistics.ts).

export interface Dataset {
  code: string;
  name: string;
  nameEn: string;
  frequency: Frequency;
  orgKind: 'enterprise' | 'city';
  deadlineDays: number;
  expiryDays: number | null;
  indicators: string[];
  rowVersion: number;
}

/** The state of one report (data set × organisation × period) in the approval workflow. */
export interface ReportState {
  status: ValueStatus;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  returnedReason: string | null;
  rowVersion: number;
}

/** A report in the approval queue. */
export interface ReportRow extends ReportState {
  org: { code: string; name: string; countyCode: string | null };
  datasetCode: string;
  period: string;
}

/** One failed validation rule for one organisation and period. */
export interface RuleViolation {
  ruleCode: string;
  ruleName: string;
  ruleNameEn: string;
  orgId: string;
  period: string;
  indicatorCode: string | null;
  left: number | null;
  right: number | null;
  operator: string;
}

export interface RuleWarning extends RuleViolation {
  orgCode: string;
  orgName: string;
}

export interface FormField {
  indicator: Pick<Indicator, 'code' | 'name' | 'nameEn' | 'unit' | 'decimals' | 'cumulative' | 'minValue' | 'maxValue'>;
  value: number | null;
  rowVersion: number | null;
  status: ValueStatus | null;
  source: string | null;
  comment: string | null;
  lastPeriod: { period: string; value: number | null };
  sameLastYear: { period: string; value: number | null };
  /** For year-to-date indicators: this period's own value (YTD minus the previous month's YTD), and last year's. */
  single: number | null;
  singleLastYear: number | null;
}

export interface EntryForm {
  dataset: Pick<Dataset, 'code' | 'name' | 'nameEn' | 'frequency' | 'deadlineDays' | 'expiryDays'>;
  org: { code: string; name: string; kind: string };
  period: string;
  deadline: string;
  report: ReportState;
  locked: boolean;
  lockReason: { zh: string; en: string } | null;
  permissions: { edit: boolean; submit: boolean; review: boolean; approve: boolean; return: boolean };
  fields: FormField[];
  violations: RuleWarning[];
}

export interface FormSaveResult {
  saved: { inserted: number; updated: number; deleted: number; unchanged: number };
  form: EntryForm;
}

export interface ValueAuditEntry {
  id: string;
  orgCode: string;
  indicatorCode: string;
  period: string;
  action: 'create' | 'update' | 'delete' | 'status';
  oldValue: number | null;
  newValue: number | null;
  oldStatus: string | null;
  newStatus: string | null;
  reason: string | null;
  source: string | null;
  actorName: string;
  at: string;
}

export interface ValueImportResult {
  dryRun: boolean;
  valid: boolean;
  format: string;
  layout: string | null;
  encoding: string | null;
  rows: number;
  values: number;
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
  batchId: string | null;
  issueCount: number;
  /** At most 1000 issues; issueCount has the total. */
  issues: ImportIssue[];
  /** Validation-rule violations the new values cause (not blocking); computed for up to 20,000 values. */
  warnings: RuleWarning[];
}

export interface EnterpriseImportResult {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  created: number;
  updated: number;
  issues: ImportIssue[];
}

export type OutlierMethod = 'zscore' | 'modified_z' | 'bounds';

export interface OutlierFinding {
  method: OutlierMethod;
  score: number | null;
  threshold: number | null;
  /** Expected range implied by the method (mean ± threshold·sd, median ± threshold·MAD/0.6745, or the bounds). */
  low: number | null;
  high: number | null;
}

export const OUTLIER_BASES = ['auto', 'level', 'yoy'] as const;
export type OutlierBasis = 'level' | 'yoy';

export interface OutlierItem {
  orgCode: string;
  orgName: string;
  indicatorCode: string;
  period: string;
  value: number;
  /**
   * What was tested against the organisation's history: `level` — the period's own value (single month
   * for year-to-date indicators); `yoy` — its growth over the same period a year earlier, in % (seasons
   * and steady growth cancel out, so a December that is always large is not flagged).
   */
  basis: OutlierBasis;
  /** The tested figure: a value for `level`, a growth rate in % for `yoy`; findings' low/high are in the same unit. */
  tested: number;
  history: number;
  findings: OutlierFinding[];
  review: { decision: string; note: string | null; actorName: string; at: string } | null;
}

export interface CompletenessRow {
  key: string;
  name: string;
  expected: number;
  received: number;
  onTime: number;
  approved: number;
  completeness: number | null;
  timeliness: number | null;
}

export interface NonReporter {
  orgCode: string;
  orgName: string;
  countyCode: string | null;
  status: string;
  reminders: number;
  lastReminderAt: string | null;
}

export interface Completeness {
  dataset: string;
  period: string;
  deadline: string;
  total: CompletenessRow;
  byCounty: CompletenessRow[];
  nonReporters: NonReporter[];
}

/** One dimension key (county, industry, …) of an aggregate for one period. */
export interface AggregateResultRow {
  key: string;
  name: string;
  value: number | null;
  n: number;
  previous: number | null;
  previousN: number;
  /** (value / previous − 1) × 100 over whoever reported in each year. */
  yoy: number | null;
  /** 同口径: the same organisations in both years. */
  matched: { n: number; value: number; previous: number; yoy: number | null };
  demo: boolean;
}

export interface Aggregates {
  indicator: Pick<Indicator, 'code' | 'name' | 'nameEn' | 'unit' | 'decimals' | 'cumulative'>;
  dim: DimKind;
  period: string;
  previousPeriod: string;
  rows: AggregateResultRow[];
}

/** One period of an aggregate series (/api/statistics/series). */
export interface SeriesPoint {
  period: string;
  value: number | null;
  n: number;
  yoy: number | null;
  yoyMatched: number | null;
  matchedN: number;
  demo: boolean;
}

/** One year of the published city-level series (/api/statistics/city-series). */
export interface CitySeriesPoint {
  period: string;
  year: number;
  value: number;
  demo: boolean;
  source: string;
  reliability: 'high' | 'medium' | 'low' | 'demo' | 'reported';
}

/** How an industry class (GB/T 4754-2017) maps to SEI categories (战略性新兴产业分类 2018). */
export interface Classification {
  industryCode: string;
  industryName: string | null;
  categories: { seiL1: string; seiL2: string | null; partial: boolean }[];
  seiL1: string | null;
  seiL2: string | null;
  /** Only part of the class is SEI (`*`): the user must confirm the enterprise's products are. */
  partial: boolean;
  needsConfirmation: boolean;
  planIndustryCode: string | null;
}

/** One audit-log entry of a record. */
export interface HistoryEntry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  before: unknown;
  after: unknown;
}

export type EnterpriseDetail = Enterprise & { history: HistoryEntry[] };

/** A category of 战略性新兴产业分类（2018）: a level-1 one with, when asked for, its level-2 categories. */
export interface SeiCategory {
  code: string;
  name: string;
  children?: { code: string; name: string }[];
}
