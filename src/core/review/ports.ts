// What the review use-cases need from the database (src/db/repositories/review*.ts).
import type { EvidenceWrite } from '../supervision/ports';
import type { AgendaEntry, Attendee, Decision, Disbursement, FileRef, ItemListQuery, ItemStatus, Meeting, ReviewItem, ReviewType, ScheduleRow } from '../../shared/review';

export interface ItemWrite {
  type: ReviewType;
  title: string;
  submittingOrgId: string;
  summary: string;
  amount: number | null;
  projectId: string | null;
  supervisionTaskId: string | null;
  industryCode: string | null;
  countyOrgId: string | null;
}

export interface NewItem extends ItemWrite {
  id: string;
  code: string;
  amendsItemId: string | null;
  createdBy: string;
  demo: boolean;
}

export interface ItemState {
  status: ItemStatus;
  meetingId?: string | null;
  decision?: Decision | null;
  conditions?: string | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
}

export interface NewMeeting {
  id: string;
  code: string;
  title: string;
  heldOn: string;
  place: string | null;
  createdBy: string;
  demo: boolean;
  agenda: { itemId: string; sort: number; presenter: string }[];
}

export type ReviewFileEntity = 'review_item' | 'review_disbursement';

export interface ProjectFacts { id: string; name: string; countyOrgId: string | null; industryCode: string | null }

export interface ReviewStore {
  listItems(q: ItemListQuery): Promise<ReviewItem[]>;
  getItem(id: string): Promise<ReviewItem | null>;
  /** The codes already used that start with `prefix` (to number the next one). */
  codesLike(table: 'review_item' | 'review_meeting', prefix: string): Promise<string[]>;
  insertItem(n: NewItem, now: string): Promise<void>;
  /** Applies the patch if the row still has `rowVersion`; false when it changed meanwhile. */
  updateItem(id: string, rowVersion: number, patch: Partial<ItemWrite> & Partial<ItemState>, now: string): Promise<boolean>;
  amendmentsOf(id: string): Promise<{ id: string; code: string; title: string; status: ItemStatus }[]>;

  listMeetings(): Promise<Meeting[]>;
  getMeeting(id: string): Promise<Meeting | null>;
  insertMeeting(m: NewMeeting, now: string): Promise<void>;
  /** Bumps the meeting's version (and sets its status); false when stale. */
  touchMeeting(id: string, rowVersion: number, now: string, status?: Meeting['status']): Promise<boolean>;
  setAttendance(meetingId: string, attendees: Attendee[]): Promise<void>;
  decideAgenda(meetingId: string, itemId: string, d: { decision: Decision; conditions: string | null; note: string | null; by: string; at: string }): Promise<void>;
  agendaOfItem(itemId: string): Promise<(AgendaEntry & { meetingId: string; meetingTitle: string; heldOn: string })[]>;

  addFollowUp(itemId: string, taskId: string, at: string): Promise<void>;
  followUps(itemIds: string[]): Promise<Map<string, string[]>>;

  setSchedule(itemId: string, rows: ScheduleRow[]): Promise<void>;
  schedules(itemIds: string[] | null): Promise<Map<string, ScheduleRow[]>>;
  insertDisbursement(itemId: string, d: Omit<Disbursement, 'evidence'>): Promise<void>;
  disbursements(itemIds: string[] | null): Promise<Map<string, Omit<Disbursement, 'evidence'>[]>>;
  getDisbursement(id: string): Promise<(Omit<Disbursement, 'evidence'> & { itemId: string }) | null>;

  isSecretary(userId: string): Promise<boolean>;
  setSecretary(userId: string, on: boolean, by: string, at: string): Promise<void>;

  attachFile(entity: ReviewFileEntity, entityId: string, f: EvidenceWrite, id: string): Promise<void>;
  filesOf(entity: ReviewFileEntity, ids: string[]): Promise<Map<string, FileRef[]>>;
  getFile(id: string): Promise<(EvidenceWrite & { id: string; entity: ReviewFileEntity; entityId: string }) | null>;

  project(id: string): Promise<ProjectFacts | null>;
  industryName(code: string): Promise<string | null>;
}
