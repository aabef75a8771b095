// Row types of the statistics tables (migration 0002-statistics).
import type { Generated } from 'kysely';

type Timestamp = string | Date;
type Bool = number;

export interface IndicatorTable {
  code: string;
  name: string;
  name_en: string;
  unit: string;
  frequency: string;
  aggregation: string;
  cumulative: Bool;
  time_aggregation: string;
  decimals: number;
  direction: string;
  level: string;
  formula_json: string | null;
  min_value: number | null;
  max_value: number | null;
  soft_min: number | null;
  soft_max: number | null;
  integer_only: Generated<Bool>;
  description: string | null;
  sort: number;
  builtin: Bool;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DatasetTable {
  code: string;
  name: string;
  name_en: string;
  frequency: string;
  org_kind: string;
  deadline_days: number;
  expiry_days: number | null;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DatasetIndicatorTable {
  dataset_code: string;
  indicator_code: string;
  sort: number;
}

export interface EnterpriseTable {
  org_id: string;
  uscc: string;
  name: string;
  county_org_id: string;
  park_code: string | null;
  industry_code: string | null;
  sei_l1: string | null;
  sei_l2: string | null;
  sei_partial: Bool;
  sei_confirmed: Bool;
  plan_industry_code: string | null;
  tier: string;
  above_scale: Bool;
  high_tech: Bool;
  active: Bool;
  demo: Bool;
  /** Name, pinyin, initials and code in lower case (src/db/search-key.ts). */
  search_key: string | null;
  /** The one- and two-character pieces of search_key, space-separated (searchGrams). */
  search_grams: string | null;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DataValueTable {
  org_id: string;
  indicator_code: string;
  period: string;
  year: number;
  value: number;
  status: string;
  source: string;
  batch_id: string | null;
  comment: string | null;
  source_url: string | null;
  source_type: string | null;
  reliability: string | null;
  row_version: Generated<number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface DataValueAuditTable {
  id: string;
  org_id: string;
  indicator_code: string;
  period: string;
  action: string;
  old_value: number | null;
  new_value: number | null;
  old_status: string | null;
  new_status: string | null;
  reason: string | null;
  source: string | null;
  batch_id: string | null;
  actor_id: string | null;
  actor_name: string;
  at: Timestamp;
}

export interface ImportBatchTable {
  id: string;
  file_name: string | null;
  sha256: string | null;
  format: string;
  source: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  actor_id: string | null;
  actor_name: string;
  at: Timestamp;
}

export interface ReportTable {
  dataset_code: string;
  org_id: string;
  period: string;
  status: string;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  approved_at: Timestamp | null;
  approved_by: string | null;
  returned_reason: string | null;
  row_version: Generated<number>;
  updated_at: Timestamp;
}

export interface ReminderTable {
  id: string;
  dataset_code: string;
  org_id: string;
  period: string;
  message: string;
  actor_id: string | null;
  actor_name: string;
  at: Timestamp;
}

export interface ValidationRuleTable {
  code: string;
  name: string;
  name_en: string;
  kind: string;
  left_expr: string;
  operator: string;
  right_expr: string;
  missing_strategy: string;
  builtin: Bool;
  active: Bool;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutlierReviewTable {
  org_id: string;
  indicator_code: string;
  period: string;
  decision: string;
  value: number;
  note: string | null;
  actor_name: string;
  at: Timestamp;
}

export interface AggregateValueTable {
  indicator_code: string;
  dim_kind: string;
  dim_key: string;
  period: string;
  value: number;
  n: number;
  matched_value: number;
  matched_prev: number;
  matched_n: number;
  demo_n: number;
}

export interface StatisticsTables {
  indicator: IndicatorTable;
  dataset: DatasetTable;
  dataset_indicator: DatasetIndicatorTable;
  enterprise: EnterpriseTable;
  data_value: DataValueTable;
  data_value_audit: DataValueAuditTable;
  import_batch: ImportBatchTable;
  report: ReportTable;
  reminder: ReminderTable;
  validation_rule: ValidationRuleTable;
  outlier_review: OutlierReviewTable;
  aggregate_value: AggregateValueTable;
}
