// Row types of 领导小组审议 (migration 0009-review).
import type { Generated } from 'kysely';

type Timestamp = string | Date;

export interface ReviewMeetingTable {
  id: string;
  code: string;
  title: string;
  held_on: string;
  place: string | null;
  status: string;
  created_by: string;
  demo: number;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReviewItemTable {
  id: string;
  code: string;
  type: string;
  title: string;
  submitting_org_id: string;
  summary: string;
  amount: number | null;
  project_id: string | null;
  supervision_task_id: string | null;
  industry_code: string | null;
  county_org_id: string | null;
  amends_item_id: string | null;
  status: string;
  meeting_id: string | null;
  decision: string | null;
  conditions: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_by: string;
  demo: number;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReviewAgendaTable {
  meeting_id: string;
  item_id: string;
  sort: number;
  presenter: string;
  decision: string | null;
  conditions: string | null;
  note: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface ReviewAttendanceTable {
  meeting_id: string;
  sort: number;
  name: string;
  user_id: string | null;
  position: string | null;
  present: number;
  note: string | null;
}

export interface ReviewFollowupTable {
  item_id: string;
  task_id: string;
  created_at: Timestamp;
}

export interface ReviewFundScheduleTable {
  id: string;
  item_id: string;
  due_on: string;
  amount: number;
  sort: number;
}

export interface ReviewDisbursementTable {
  id: string;
  item_id: string;
  paid_on: string;
  amount: number;
  voucher_ref: string;
  note: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ReviewSecretaryTable {
  user_id: string;
  designated_by: string;
  designated_at: Timestamp;
}

export interface ReviewTables {
  review_meeting: ReviewMeetingTable;
  review_item: ReviewItemTable;
  review_agenda: ReviewAgendaTable;
  review_attendance: ReviewAttendanceTable;
  review_followup: ReviewFollowupTable;
  review_fund_schedule: ReviewFundScheduleTable;
  review_disbursement: ReviewDisbursementTable;
  review_secretary: ReviewSecretaryTable;
}
