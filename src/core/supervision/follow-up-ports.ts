// What reminders (催办), accountability (问效) and the 通报 need from the database
// (src/db/repositories/supervision-follow-up.ts) and from the outside world (the notify hook).
import type { Deps } from '../ports';
import type { AccountabilityKind, AccountabilityStatus, OrgRef, ReminderKind } from '../../shared/supervision';
import type { ReminderCause } from '../../shared/supervision-follow-up';

export interface StoredReminder {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  org: OrgRef;
  kind: ReminderKind;
  cause: ReminderCause;
  level: number;
  period: string | null;
  message: string;
  sentBy: string;
  sentAt: string;
  readAt: string | null;
  emailedAt: string | null;
}

export interface NewReminder {
  id: string;
  taskId: string;
  orgId: string;
  kind: ReminderKind;
  cause: ReminderCause;
  level: number;
  period: string | null;
  message: string;
  sentBy: string;
  sentAt: string;
  demo?: boolean;
}

export interface Person {
  id: string;
  username: string;
  displayName: string;
}

export interface StoredAccountability {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  org: OrgRef;
  kind: AccountabilityKind;
  reason: string;
  dueOn: string | null;
  status: AccountabilityStatus;
  redDays: number;
  redHistory: { from: string; to: string }[];
  resolution: string | null;
  createdBy: string;
  createdAt: string;
  resolvedAt: string | null;
  rowVersion: number;
}

export type AccountabilityPatch = Partial<Pick<StoredAccountability, 'status' | 'resolution' | 'dueOn' | 'resolvedAt'>>;

export interface FollowUpStore {
  insertReminder(r: NewReminder): Promise<void>;
  /** `taskId|orgId|cause|period` of every reminder of the plan's tasks sent by the tick (its idempotency keys). */
  reminderKeys(planId: string): Promise<Set<string>>;
  /** Reminders (kind 'reminder', any cause) sent to the unit about the task so far. */
  reminderCount(taskId: string, orgId: string): Promise<number>;
  listReminders(f: { taskId?: string; orgIds?: string[] | null; unread?: boolean; limit: number }): Promise<StoredReminder[]>;
  getReminder(id: string): Promise<StoredReminder | null>;
  markReminderRead(id: string, at: string): Promise<void>;
  setReminderEmailed(id: string, at: string): Promise<void>;

  /** Active users of a unit, those flagged 单位负责人 first. */
  orgUsers(orgId: string): Promise<(Person & { unitHead: boolean })[]>;
  coordinators(): Promise<Person[]>;
  setUnitHead(username: string, unitHead: boolean, now: string): Promise<(Person & { orgId: string | null; before: boolean }) | null>;
  orgRefs(): Promise<Map<string, OrgRef & { kind: string }>>;
  /** Whether the database holds demo data (meta 'demo'), so a 通报 says 演示数据. */
  isDemo(): Promise<boolean>;

  insertAccountability(a: Omit<StoredAccountability, 'taskCode' | 'taskTitle' | 'org' | 'rowVersion' | 'resolvedAt'> & { orgId: string; demo?: boolean }): Promise<void>;
  getAccountability(id: string): Promise<StoredAccountability | null>;
  listAccountability(f: { taskId?: string; orgIds?: string[] | null; status?: AccountabilityStatus }): Promise<StoredAccountability[]>;
  updateAccountability(id: string, rowVersion: number, patch: AccountabilityPatch, now: string): Promise<boolean>;
  deleteAccountability(id: string, rowVersion: number): Promise<boolean>;

  /** Recorded red days per task with day in [from, to]. */
  redDaysInRange(planId: string, from: string, to: string): Promise<Map<string, number>>;
  /** Each task's latest recorded light on or before `day`. */
  lightsOn(planId: string, day: string): Promise<Map<string, { light: string; lagPoints: number }>>;
}

/** One message about a reminder or escalation, to the unit's users (or, escalated, to its head). */
export interface ReminderNotice {
  reminderId: string;
  kind: ReminderKind;
  cause: ReminderCause;
  taskId: string;
  orgId: string;
  userIds: string[];
  subject: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string;
}

/**
 * Delivery to the users (in-app list, e-mail). The notifications module implements it; without it the
 * reminder rows themselves are the in-app record. `emailed: true` stamps the row's emailed_at.
 */
export type ReminderNotify = (n: ReminderNotice) => Promise<{ emailed: boolean } | void>;

export type FollowUpDeps = Deps & { notify?: ReminderNotify };
