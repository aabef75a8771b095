// What the supervision use-cases need from the database (src/db/repositories/supervision*.ts) and from
// the outside world (the notify hook, filled once the notifications module lands).
import type {
  LightDayRecord, Assignment, ClosureStatus, EvidenceRef, LightResult, NodeKind, OrgRef, ProgressReport, ReportingCycle, TaskStatus, UnitRole,
} from '../../shared/supervision';

export interface StoredUnit extends OrgRef {
  role: UnitRole;
}

export interface ComputedFields {
  percentDone: number;
  light: LightResult;
  missedReports: number;
  reportedThisPeriod: boolean;
  lightAsOf: string;
}

export interface StoredNode extends ComputedFields {
  id: string;
  planId: string;
  parentId: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  content: string | null;
  sourceTaskCode: string | null;
  startOn: string;
  dueOn: string;
  proposed: boolean;
  reportingCycle: ReportingCycle;
  reportDeadlineDay: number;
  weight: number;
  status: TaskStatus;
  sort: number;
  demo: boolean;
  rowVersion: number;
  updatedAt: string;
  units: StoredUnit[];
  links: { kind: 'target' | 'project'; refId: string }[];
  assignment: Assignment | null;
}

export interface NodeWrite {
  title: string;
  content: string | null;
  startOn: string;
  dueOn: string;
  proposed: boolean;
  reportingCycle: ReportingCycle;
  reportDeadlineDay: number;
  weight: number;
  status: TaskStatus;
}

export interface NewNode extends NodeWrite {
  id: string;
  planId: string;
  parentId: string | null;
  kind: NodeKind;
  code: string;
  sourceTaskId: string | null;
  sourceSectionId: string | null;
  sort: number;
  demo: boolean;
}

/** A progress report as stored: the API's report without its evidence list. */
export type StoredReport = Omit<ProgressReport, 'evidence'>;

export type ReportPatch = Partial<Pick<StoredReport, 'percentDone' | 'progress' | 'problems' | 'nextSteps' | 'status' | 'returnReason' | 'submittedBy' | 'submittedAt' | 'reviewedBy' | 'reviewedAt'>>;

export interface StoredClosure {
  id: string;
  taskId: string;
  org: OrgRef | null;
  note: string;
  status: ClosureStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface EvidenceWrite {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  contentBase64: string;
  uploadedBy: string;
  uploadedAt: string;
}

export type EvidenceEntity = 'supervision_report' | 'supervision_closure';

/** A plan task with its units, as the plan file gave them (the tree is built from these). */
export interface PlanTaskSource {
  id: string;
  code: string;
  title: string;
  content: string;
  section: { id: string; key: string; number: string; title: string };
  units: { orgId: string; role: UnitRole }[];
}

export type LightDay = LightDayRecord;

export interface SupervisionStore {
  /** Every node of the plan with units, links and the active assignment, in tree order. */
  listNodes(planId: string): Promise<StoredNode[]>;
  getNode(id: string): Promise<StoredNode | null>;
  insertNode(n: NewNode, computed: ComputedFields, now: string): Promise<void>;
  /** False when the row's version is no longer `rowVersion`. */
  updateNode(id: string, rowVersion: number, patch: Partial<NodeWrite>, now: string): Promise<boolean>;
  /** Bumps the row version (a state change made elsewhere, e.g. an assignment); false when stale. */
  touchNode(id: string, rowVersion: number, now: string): Promise<boolean>;
  deleteNode(id: string, rowVersion: number): Promise<boolean>;
  setUnits(taskId: string, units: { orgId: string; role: UnitRole }[]): Promise<void>;
  setLinks(taskId: string, links: { kind: 'target' | 'project'; refId: string }[]): Promise<void>;
  /** Derived figures: no row-version bump (a recompute must not make people's edits stale). */
  setComputed(taskId: string, c: ComputedFields): Promise<void>;
  upsertLightDay(taskId: string, day: LightDay): Promise<void>;
  lightDays(taskId: string): Promise<LightDay[]>;
  /** Red-light days per task on or before `asOf` (for 问效 and 通报). */
  redDayCounts(planId: string, asOf: string): Promise<Map<string, number>>;
  maxCode(planId: string, prefix: string): Promise<string[]>;

  assign(a: { id: string; taskId: string; orgId: string; note: string | null; by: string; at: string }): Promise<void>;
  sign(assignmentId: string, by: string, at: string): Promise<void>;

  /** All reports of the plan's tasks (for roll-up, missed reports and the inbox). */
  listReports(planId: string): Promise<StoredReport[]>;
  /** Each task's report of the latest period (task, period, status), for the board. */
  lastReports(planId: string): Promise<{ taskId: string; period: string; status: StoredReport['status'] }[]>;
  reportsOfTask(taskId: string): Promise<StoredReport[]>;
  getReport(id: string): Promise<StoredReport | null>;
  insertReport(r: Omit<StoredReport, 'rowVersion' | 'updatedAt' | 'org'> & { orgId: string | null }, now: string): Promise<void>;
  updateReport(id: string, rowVersion: number, patch: ReportPatch, now: string): Promise<boolean>;

  listClosures(planId: string): Promise<StoredClosure[]>;
  closuresOfTask(taskId: string): Promise<StoredClosure[]>;
  getClosure(id: string): Promise<StoredClosure | null>;
  insertClosure(c: Omit<StoredClosure, 'org' | 'decidedBy' | 'decidedAt' | 'reason'> & { orgId: string | null }): Promise<void>;
  decideClosure(id: string, status: ClosureStatus, by: string, at: string, reason: string | null): Promise<void>;

  attachEvidence(entity: EvidenceEntity, entityId: string, f: EvidenceWrite, id: string): Promise<void>;
  evidenceOf(entity: EvidenceEntity, entityIds: string[]): Promise<Map<string, EvidenceRef[]>>;
  getEvidence(id: string): Promise<(EvidenceWrite & { id: string; entity: string; entityId: string }) | null>;

  /** Plan tasks with their units and sections, for building the tree. */
  planTaskSources(planId: string): Promise<PlanTaskSource[]>;
  planPeriod(planId: string): Promise<{ start: number; end: number } | null>;
  /** A counter that every write changing the board moves on (read before the data it guards). */
  generation(): Promise<number>;
}

/** A message to a unit (in-app / e-mail). The notifications module implements it; until then a no-op. */
export interface SupervisionNotify {
  (n: { orgId: string; subject: { zh: string; en: string }; body: { zh: string; en: string }; link: string | null }): Promise<void>;
}
