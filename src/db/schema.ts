// Row types of the database as Kysely sees them. Timestamps are written as ISO strings; PostgreSQL
// reads them back as Date, SQLite as string — the mappers normalise both (see mappers.ts).
import type { Generated } from 'kysely';
import type { RegistriesTables } from './schema-registries';
import type { StatisticsTables } from './schema-statistics';
import type { NotificationTables } from './schema-notifications';
import type { SupervisionTables } from './schema-supervision';
import type { EvaluationTables } from './schema-evaluation';
import type { PublicationTables } from './schema-publication';
import type { ReviewTables } from './schema-review';

type Timestamp = string | Date;
/** Flags are 0/1 integers on both databases (better-sqlite3 cannot bind booleans); mappers read them as booleans. */
type Bool = number;

export interface MetaTable {
  key: string;
  value: string;
}

export interface OrganizationTable {
  id: string;
  code: string;
  name: string;
  full_name: string | null;
  name_en: string | null;
  kind: string;
  parent_id: string | null;
  division_code: string | null;
  is_lead: Bool;
  sort: number;
  active: Bool;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: string | null;
  active: Bool;
  /** 单位负责人: receives escalations (migration 0007). */
  unit_head: Generated<number>;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Optional, for notifications by e-mail (migration 0006). */
  email: string | null;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface PlanTable {
  id: string;
  code: string;
  version: number;
  title: string;
  title_en: string;
  issuer: string;
  period_start: number;
  period_end: number;
  basis_json: string;
  status: string;
  lead_org_id: string | null;
  source: string | null;
  is_default: Bool;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanSectionTable {
  id: string;
  plan_id: string;
  parent_id: string | null;
  key: string;
  number: string;
  title: string;
  body: string | null;
  kind: string;
  sort: number;
}

export interface PlanIndustryTable {
  id: string;
  plan_id: string;
  code: string;
  name: string;
  name_en: string;
  sei_categories_json: string;
  section_id: string | null;
  sort: number;
}

export interface TargetTable {
  id: string;
  plan_id: string;
  code: string;
  name: string;
  name_en: string;
  indicator_code: string;
  comparator: string;
  value: number;
  value_max: number | null;
  unit: string;
  year: number;
  baseline_year: number | null;
  baseline_value: number | null;
  tolerance: number | null;
  direction: string;
  section_id: string | null;
  source_text: string;
  sort: number;
}

export interface TaskTable {
  id: string;
  plan_id: string;
  code: string;
  section_id: string;
  title: string;
  content: string;
  industry_id: string | null;
  lead_org_id: string | null;
  sort: number;
}

export interface TaskOrgTable {
  task_id: string;
  org_id: string;
  role: string;
}

export interface MeasureTable {
  id: string;
  plan_id: string;
  code: string;
  section_id: string;
  title: string;
  content: string;
  sort: number;
}

export interface PlanEntityTable {
  id: string;
  plan_id: string;
  kind: string;
  name: string;
  aliases_json: string;
  county_code: string | null;
  org_id: string | null;
  industry_id: string | null;
  note: string | null;
}

export interface PlanEntitySectionTable {
  entity_id: string;
  section_id: string;
}

export interface DivisionTable {
  code: string;
  name: string;
  type: string;
  status_after_2020: string;
  code_2020: string | null;
  name_2020: string | null;
  notes: string | null;
}

export interface IndustryClassTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
}

export interface SeiCategoryTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
}

export interface SeiMappingTable {
  id: string;
  industry_code: string;
  partial: Bool;
  sei_l1: string;
  sei_l2: string | null;
  sub_name: string | null;
  key_products: string | null;
}

export interface ReferenceSourceTable {
  dataset: string;
  source: string;
  caveats: string | null;
  rows: number;
  loaded_at: Timestamp;
}

export interface DB extends StatisticsTables, RegistriesTables, NotificationTables, SupervisionTables, EvaluationTables, PublicationTables, ReviewTables {
  meta: MetaTable;
  organization: OrganizationTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  plan: PlanTable;
  plan_section: PlanSectionTable;
  plan_industry: PlanIndustryTable;
  target: TargetTable;
  task: TaskTable;
  task_org: TaskOrgTable;
  measure: MeasureTable;
  plan_entity: PlanEntityTable;
  plan_entity_section: PlanEntitySectionTable;
  division: DivisionTable;
  industry_class: IndustryClassTable;
  sei_category: SeiCategoryTable;
  sei_mapping: SeiMappingTable;
  reference_source: ReferenceSourceTable;
}
