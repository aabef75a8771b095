// What the use-cases need from the outside world. src/db implements Store; src/server implements Secrets.
import type { ErrorIssue } from '../shared/errors';
import type { Organization, PlanDetail, PlanSummary } from '../shared/plan';
import type { PlanFile } from '../shared/plan-file';
import type { Role } from '../shared/roles';
import type { RegistriesStore } from './registries/ports';
import type { StatisticsStore } from './statistics/ports';
import type { SupervisionStore } from './supervision/ports';
import type { FollowUpStore } from './supervision/follow-up-ports';
import type { TargetsStore } from './targets/ports';
import type { CockpitStore } from './cockpit/ports';
import type { Mailer, NotificationsStore } from './notifications/ports';
import type { AuditPage, AuditQuery, UserPatch } from './users/ports';
import type { EvaluationStore } from './evaluation/ports';
import type { PublicationStore } from './publication/ports';
import type { ReviewStore } from './review/ports';
import type { LoginGuardStore } from './auth/ports';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  orgCode: string | null;
  orgName: string | null;
  active: boolean;
  rowVersion: number;
  /** Optional address for notifications by e-mail. */
  email?: string | null;
}

export interface AuditInput {
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export interface Store {
  /** Runs fn in one database transaction; everything it writes lands together or not at all. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  users: {
    findByUsername(username: string): Promise<(UserRecord & { passwordHash: string }) | null>;
    findById(id: string): Promise<UserRecord | null>;
    list(): Promise<UserRecord[]>;
    insert(u: { id: string; username: string; displayName: string; passwordHash: string; role: Role; orgId: string | null; email?: string | null }, now: string): Promise<void>;
    updatePasswordHash(id: string, hash: string, now: string): Promise<void>;
    /** Applies the patch if the row still has `rowVersion`; false when someone changed it meanwhile. */
    update(id: string, patch: UserPatch, rowVersion: number, now: string): Promise<boolean>;
    countActiveAdmins(): Promise<number>;
    /** Ends every open session of the user; returns how many there were. */
    endSessions(userId: string): Promise<number>;
    countSessions(userId: string, now: Date): Promise<number>;
  };
  sessions: {
    insert(s: { id: string; userId: string; now: Date; ttlMs: number }): Promise<void>;
    findUser(sessionId: string, now: Date): Promise<UserRecord | null>;
    delete(sessionId: string): Promise<void>;
  };
  orgs: {
    list(filter?: { kind?: string }): Promise<Organization[]>;
    idsByCode(): Promise<Map<string, string>>;
  };
  plans: {
    list(): Promise<PlanSummary[]>;
    defaultId(): Promise<string | null>;
    detail(id: string): Promise<PlanDetail | null>;
    insert(file: PlanFile, orgIdByCode: ReadonlyMap<string, string>, opts: { isDefault: boolean; now: string }): Promise<string>;
    /** Sets the status if the row still has `rowVersion`; false when someone changed it meanwhile. */
    setStatus(id: string, status: string, rowVersion: number, now: string): Promise<boolean>;
  };
  reference: { seiCategoryCodes(): Promise<Set<string>> };
  audit: {
    write(e: AuditInput): Promise<void>;
    /** Many audit rows in batched statements (imports), each as write() would store it. */
    writeMany(entries: AuditInput[]): Promise<void>;
    /** The audit viewer's page: filters, newest first, with the total. */
    list(q: AuditQuery): Promise<AuditPage>;
  };
  /** Statistical monitoring: indicators, enterprises, data values, reports, aggregates (issue 3). */
  statistics: StatisticsStore;
  /** Targets of a plan and the city series behind them (issue 4). */
  targets: TargetsStore;
  /** Innovation platforms, parks/bases and major projects (issue 4). */
  registries: RegistriesStore;
  /** In-app notifications and their e-mail delivery (issue 14). */
  notifications: NotificationsStore;
  /** 督查督办: task tree, reports, closure, lights (issue 8). */
  supervision: SupervisionStore;
  /** 督查督办 follow-up: reminders (催办), accountability (问效), 通报 figures (issue 8). */
  supervisionFollowUp: FollowUpStore;
  /** 领导驾驶舱: the write watermark its kept answers are checked against (issue 12). */
  cockpit: CockpitStore;
  /** 评价考核: evaluation schemes and archived runs (issue 9). */
  evaluation: EvaluationStore;
  /** 公开发布: what the public page may serve (issue 12). */
  publication: PublicationStore;
  /** 领导小组审议: review items, meetings, decisions, follow-ups and funds (issue 11). */
  review: ReviewStore;
  /** Failed logins per user name, for the account lockout (issue 13). */
  loginGuard: LoginGuardStore;
}

export interface Secrets {
  hashPassword(plain: string): Promise<string>;
  verifyPassword(hash: string, plain: string): Promise<boolean>;
  /** Spends the time of a verify when the user does not exist. */
  dummyVerify(plain: string): Promise<boolean>;
  /** A new random session token and the id it is stored under (a hash, so a leaked table leaks no tokens). */
  newSessionToken(): { token: string; id: string };
  sessionIdOf(token: string): string;
}

export interface Deps {
  store: Store;
  secrets: Secrets;
  /** Sends notification e-mail; absent or null when SMTP_URL is unset. */
  mailer?: Mailer | null;
  /** Computes kept answers in another process (WORKERS=N: the cluster's kept process); absent: here. */
  kept?: KeptRemote;
}

/** A computation handed to another process. */
export interface KeptRemote {
  /** The answer `name` for `key`, computed elsewhere from `args` after the write `watermark` names; null when no other process can (compute it here). */
  compute(name: string, key: string, watermark: string, args: unknown): Promise<unknown | null>;
}

export type { ErrorIssue };
