// Response shapes of the statistics and enterprise routes: built in src/core/statistics, read by
// the web app (src/web/api/statistics.ts).
import type { DimKind, Frequency, ImportIssue, Indicator, ValueStatus } from './catalogue';
import type { Enterprise } from './inputs';

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
  /** Rows equal to the stored record: left alone (no new version, no audit row). */
  unchanged: number;
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
  /** 同口径: the same organisations in both years (value and previous null where confidential). */
  matched: { n: number; value: number | null; previous: number | null; yoy: number | null };
  demo: boolean;
  /** Suppressed for statistical confidentiality (保密): value, previous and growth are null, never 0. */
  confidential?: { reason: 'few' | 'dominant' | 'complementary' };
  /** A reconciling row (未分类 / 未入园 / 待确认 / 其他) rather than a key of the dimension. */
  reconciling?: boolean;
  /** A county row of an abolished division whose enterprises are not yet assigned to a successor (待划归). */
  pendingDivision?: boolean;
}

/** Which division vintage (区划口径) the county rows are on, and what was mapped to get there. */
export interface DivisionVintage {
  vintage: number;
  changes: { from: string; fromName: string; to: string; toName: string; note: string | null }[];
}

export interface Aggregates {
  indicator: Pick<Indicator, 'code' | 'name' | 'nameEn' | 'unit' | 'decimals' | 'cumulative'>;
  dim: DimKind;
  period: string;
  previousPeriod: string;
  rows: AggregateResultRow[];
  /** The city total the rows add up to (rows include reconciling ones); null for the city dimension, ratios and a `keys` selection. */
  total?: AggregateResultRow | null;
  /** County dimension: the division vintage of the figures. */
  divisions?: DivisionVintage;
  /** Whether cells were suppressed for this reader's role (the rule: fewer than 3 enterprises or one over 85 %, with complementary suppression). */
  confidentiality: { applied: boolean; minContributors: number; dominanceShare: number };
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
  confidential?: { reason: 'few' | 'dominant' | 'complementary' };
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
