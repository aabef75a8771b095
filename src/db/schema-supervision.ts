// Row types of 督查督办 (migration 0007-supervision).
import type { Generated } from 'kysely';

type Timestamp = string | Date;

export interface SupervisionTaskTable {
  id: string;
  plan_id: string;
  parent_id: string | null;
  kind: string;
  code: string;
  title: string;
  content: string | null;
  source_task_id: string | null;
  source_section_id: string | null;
  start_on: string;
  due_on: string;
  proposed: number;
  reporting_cycle: string;
  report_deadline_day: number;
  weight: number;
  percent_done: number;
  status: string;
  light: string;
  light_reasons_json: string;
  time_elapsed_pct: number;
  lag_points: number;
  missed_reports: number;
  reported_this_period: number;
  light_as_of: string;
  sort: number;
  demo: number;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SupervisionTaskUnitTable {
  task_id: string;
  org_id: string;
  role: string;
}

export interface SupervisionTaskLinkTable {
  task_id: string;
  kind: string;
  ref_id: string;
}

export interface SupervisionAssignmentTable {
  id: string;
  task_id: string;
  org_id: string;
  note: string | null;
  assigned_by: string;
  assigned_at: Timestamp;
  signed_by: string | null;
  signed_at: Timestamp | null;
  superseded_at: Timestamp | null;
}

export interface SupervisionReportTable {
  id: string;
  task_id: string;
  period: string;
  org_id: string | null;
  percent_done: number;
  progress_text: string;
  problems_text: string;
  next_steps_text: string;
  status: string;
  return_reason: string | null;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  demo: number;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SupervisionClosureTable {
  id: string;
  task_id: string;
  org_id: string | null;
  note: string;
  status: string;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
}

export interface SupervisionLightDayTable {
  task_id: string;
  day: string;
  light: string;
  reasons_json: string;
  percent_done: number;
  time_elapsed_pct: number;
  lag_points: number;
}

export interface SupervisionAccountabilityTable {
  id: string;
  task_id: string;
  org_id: string;
  kind: string;
  reason: string;
  due_on: string | null;
  status: string;
  red_days: number;
  red_history_json: string;
  resolution: string | null;
  created_by: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  demo: number;
  row_version: Generated<number>;
  updated_at: Timestamp;
}

export interface SupervisionReminderTable {
  id: string;
  task_id: string;
  org_id: string;
  kind: string;
  level: number;
  period: string | null;
  message: string;
  sent_by: string;
  sent_at: Timestamp;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
  demo: number;
  cause: Generated<string>;
}

export interface SupervisionBulletinTable {
  id: string;
  plan_id: string;
  period: string;
  as_of: string;
  title: string;
  rows_json: string;
  published_by: string;
  published_at: Timestamp;
}

export interface SupervisionTables {
  supervision_task: SupervisionTaskTable;
  supervision_task_unit: SupervisionTaskUnitTable;
  supervision_task_link: SupervisionTaskLinkTable;
  supervision_assignment: SupervisionAssignmentTable;
  supervision_report: SupervisionReportTable;
  supervision_closure: SupervisionClosureTable;
  supervision_light_day: SupervisionLightDayTable;
  supervision_accountability: SupervisionAccountabilityTable;
  supervision_reminder: SupervisionReminderTable;
  supervision_bulletin: SupervisionBulletinTable;
}
