// Row types of the registries (migration 0003-registries).
import type { Generated } from 'kysely';

type Timestamp = string | Date;

export interface InnovationPlatformTable {
  id: string;
  name: string;
  type: string;
  level: string;
  previous_level: string | null;
  upgraded_on: string | null;
  host_org: string;
  industry_code: string | null;
  county_org_id: string | null;
  recognised_on: string;
  revoked_on: string | null;
  evidence_file: string | null;
  note: string | null;
  demo: number;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ParkTable {
  id: string;
  name: string;
  type: string;
  county_org_id: string | null;
  lead_industries_json: string;
  status: string | null;
  recognised_on: string | null;
  note: string | null;
  source: string;
  plan_entity_id: string | null;
  demo: number;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectTable {
  id: string;
  name: string;
  owner: string | null;
  industry_code: string | null;
  county_org_id: string | null;
  task_code: string | null;
  total_investment: number | null;
  stage: string | null;
  planned_start: string | null;
  actual_start: string | null;
  planned_end: string | null;
  note: string | null;
  source: string;
  plan_entity_id: string | null;
  demo: number;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectAnnualPlanTable {
  project_id: string;
  year: number;
  planned: number;
}

export interface ProjectInvestmentTable {
  project_id: string;
  period: string;
  amount: number;
}

export interface ProjectMilestoneTable {
  id: string;
  project_id: string;
  name: string;
  planned_on: string;
  done_on: string | null;
  sort: number;
}

export interface ProjectFundTable {
  id: string;
  project_id: string;
  source: string;
  period: string;
  planned: number;
  disbursed: number;
  sort: number;
}

export interface EvidenceFileTable {
  id: string;
  entity: string;
  entity_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content_base64: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface RegistriesTables {
  evidence_file: EvidenceFileTable;
  innovation_platform: InnovationPlatformTable;
  park: ParkTable;
  project: ProjectTable;
  project_annual_plan: ProjectAnnualPlanTable;
  project_investment: ProjectInvestmentTable;
  project_milestone: ProjectMilestoneTable;
  project_fund: ProjectFundTable;
}
