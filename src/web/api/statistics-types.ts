// Response shapes of the statistics and enterprise routes (src/server/routes/statistics*.ts,
// enterprises.ts) as the web app reads them. The server builds them in src/core/statistics; the
// shared input schemas and enums come from src/shared/statistics.ts.
import type { Enterprise, ImportIssue, Indicator, ValueStatus } from '../../shared/statistics';

export type Frequency = 'month' | 'quarter' | 'year';

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

export interface RuleWarning {
  ruleCode: string;
  ruleName: string;
  ruleNameEn: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  period: string;
  indicatorCode: string | null;
  left: number | null;
  right: number | null;
  operator: string;
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

export interface ReportRow extends ReportState {
  org: { code: string; name: string; countyCode: string | null };
  datasetCode: string;
  period: string;
}

export type ReportAction = 'submit' | 'review' | 'approve' | 'return';

export interface ValueAuditEntry {
  id: string;
  orgCode: string;
  indicatorCode: string;
  period: string;
  action: string;
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
  issues: ImportIssue[];
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

export interface OutlierItem {
  orgCode: string;
  orgName: string;
  indicatorCode: string;
  period: string;
  value: number;
  tested: number;
  history: number;
  findings: { method: OutlierMethod; score: number | null; threshold: number | null; low: number | null; high: number | null }[];
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

export type DimKind = 'city' | 'county' | 'industry' | 'sei' | 'park';

export interface AggregateRow {
  key: string;
  name: string;
  value: number | null;
  n: number;
  previous: number | null;
  previousN: number;
  yoy: number | null;
  matched: { n: number; value: number; previous: number; yoy: number | null };
  demo: boolean;
}

export interface Aggregates {
  indicator: Pick<Indicator, 'code' | 'name' | 'nameEn' | 'unit' | 'decimals' | 'cumulative'>;
  dim: DimKind;
  period: string;
  previousPeriod: string;
  rows: AggregateRow[];
}

export interface SeriesPoint {
  period: string;
  value: number | null;
  n: number;
  yoy: number | null;
  yoyMatched: number | null;
  matchedN: number;
  demo: boolean;
}

export interface CitySeriesPoint {
  period: string;
  year: number;
  value: number;
  demo: boolean;
  source: string;
  reliability: 'high' | 'medium' | 'low' | 'demo' | 'reported';
}

export interface Classification {
  industryCode: string;
  industryName: string | null;
  categories: { seiL1: string; seiL2: string | null; partial: boolean }[];
  seiL1: string | null;
  seiL2: string | null;
  partial: boolean;
  needsConfirmation: boolean;
  planIndustryCode: string | null;
}

export interface HistoryEntry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  before: unknown;
  after: unknown;
}

export type EnterpriseDetail = Enterprise & { history: HistoryEntry[] };

export interface EnterpriseQuery {
  q?: string;
  county?: string;
  industry?: string;
  sei?: string;
  tier?: string;
  aboveScale?: string;
  highTech?: string;
  limit: number;
  offset: number;
}
