// 督查督办 (task supervision): the contract shared by the API, the CLI and the web app.
// The task tree is special action (专项行动) → task (任务) → sub-task (子任务) → milestone (节点);
// units are the lead unit (牵头单位), responsible units (责任单位) and counties (县市区). A task is
// assigned (交办) to one unit, which signs for it (签收); it reports progress per period (monthly or
// quarterly, due on a deadline day of the following month), the coordinator accepts or returns each
// report, and the lead unit asks for closure (销号) which the coordinator verifies.
// Periods use the statistics convention: a month `201903`, a quarter `2019Q1`.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'not a calendar date');
export const IsoDateSchema = isoDate;
const rowVersion = z.number().int().min(1);
const percent = z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100');
const text = (max: number) => z.string().trim().max(max);
export const PeriodSchema = z.string().regex(/^(\d{4}(0[1-9]|1[0-2])|\d{4}Q[1-4])$/, 'must be a month YYYYMM or a quarter YYYYQn');

// ---- enums -------------------------------------------------------------------------------------
export const NODE_KINDS = ['special_action', 'task', 'subtask', 'milestone'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const NODE_KIND_LABELS: Record<NodeKind, { zh: string; en: string }> = {
  special_action: { zh: '专项行动', en: 'Special action' },
  task: { zh: '任务', en: 'Task' },
  subtask: { zh: '子任务', en: 'Sub-task' },
  milestone: { zh: '节点', en: 'Milestone' },
};
/** Which kind a child of each kind is. */
export const CHILD_KINDS: Record<NodeKind, readonly NodeKind[]> = {
  special_action: ['task'],
  task: ['subtask', 'milestone'],
  subtask: ['subtask', 'milestone'],
  milestone: [],
};

export const REPORTING_CYCLES = ['monthly', 'quarterly'] as const;
export type ReportingCycle = (typeof REPORTING_CYCLES)[number];

/** A node's own state; `closed` (销号) is read-only until reopened. */
export const TASK_STATUSES = ['in_progress', 'done', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const UNIT_ROLES = ['lead', 'responsible', 'county'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const CLOSURE_STATUSES = ['requested', 'closed', 'returned', 'reopened'] as const;
export type ClosureStatus = (typeof CLOSURE_STATUSES)[number];

export const LIGHTS = ['green', 'yellow', 'red', 'closed'] as const;
export type TaskLight = (typeof LIGHTS)[number];
export const LIGHT_REASONS = ['done', 'overdue', 'lag', 'missed_reports', 'due_soon'] as const;
export type LightReason = (typeof LIGHT_REASONS)[number];
export const LIGHT_REASON_LABELS: Record<LightReason, { zh: string; en: string }> = {
  done: { zh: '已完成', en: 'done' },
  overdue: { zh: '已超期', en: 'overdue' },
  lag: { zh: '滞后序时进度', en: 'behind schedule' },
  missed_reports: { zh: '逾期未报', en: 'missed reports' },
  due_soon: { zh: '即将到期且本期未报', en: 'due soon, not reported this period' },
};

export const ACCOUNTABILITY_KINDS = ['interview', 'notice', 'rectify'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];
export const ACCOUNTABILITY_KIND_LABELS: Record<AccountabilityKind, { zh: string; en: string }> = {
  interview: { zh: '约谈', en: 'Admonishing talk' },
  notice: { zh: '通报批评', en: 'Public criticism' },
  rectify: { zh: '限期整改', en: 'Rectification by a deadline' },
};
export const ACCOUNTABILITY_STATUSES = ['open', 'rectified', 'closed'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];

/** 催办 (a reminder) and 升级 (escalation to the unit's superior / the leading group). */
export const REMINDER_KINDS = ['reminder', 'escalation'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

// ---- the light rule (CLI `sei supervision light`, POST /api/supervision/light) -----------------
export const LightInputSchema = z
  .object({
    start: isoDate,
    due: isoDate,
    asOf: isoDate,
    percentDone: percent,
    status: z.enum(['in_progress', 'done', 'closed']),
    missedReports: z.number().int().min(0).default(0),
    reportedThisPeriod: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.due < v.start) ctx.addIssue({ code: 'custom', path: ['due'], message: 'due must not be before start' });
  });
export type LightInput = z.input<typeof LightInputSchema>;
export type LightInputParsed = z.output<typeof LightInputSchema>;

export interface LightResult {
  light: TaskLight;
  reasons: LightReason[];
  timeElapsedPct: number;
  lagPoints: number;
}

// ---- the tree -----------------------------------------------------------------------------------
export interface OrgRef {
  id: string;
  code: string;
  name: string;
}

export interface Assignment {
  id: string;
  org: OrgRef;
  assignedBy: string;
  assignedAt: string;
  note: string | null;
  signedBy: string | null;
  signedAt: string | null;
}

export interface TaskLinks {
  targets: { id: string; code: string; name: string }[];
  projects: { id: string; name: string }[];
}

export interface SupervisionNode {
  id: string;
  planId: string;
  parentId: string | null;
  kind: NodeKind;
  code: string;
  title: string;
  content: string | null;
  /** The plan task it came from (code), if any. */
  sourceTaskCode: string | null;
  lead: OrgRef | null;
  responsible: OrgRef[];
  counties: OrgRef[];
  startOn: string;
  dueOn: string;
  /** Dates proposed from the plan period, not yet confirmed by the coordinator. */
  proposed: boolean;
  reportingCycle: ReportingCycle;
  /** Reports for a period are due on this day of the month after the period ends. */
  reportDeadlineDay: number;
  weight: number;
  links: TaskLinks;
  /** Leaf: latest accepted report; parent: children rolled up by weight. */
  percentDone: number;
  status: TaskStatus;
  assignment: Assignment | null;
  light: LightResult & { asOf: string; missedReports: number; reportedThisPeriod: boolean };
  childCount: number;
  demo: boolean;
  rowVersion: number;
  updatedAt: string;
}

/** A node with its children (GET /api/supervision/tree). */
export interface SupervisionTreeNode extends SupervisionNode {
  children: SupervisionTreeNode[];
}

const orgIds = z.array(z.string().min(1)).max(50);

export const NodeCreateSchema = z
  .object({
    parentId: z.string().min(1),
    kind: z.enum(['task', 'subtask', 'milestone']),
    code: text(40).min(1).optional(),
    title: text(200).min(1, 'required'),
    content: text(4000).nullable().optional(),
    leadOrgId: z.string().min(1).nullable().optional(),
    responsibleOrgIds: orgIds.optional(),
    countyOrgIds: orgIds.optional(),
    startOn: isoDate.optional(),
    dueOn: isoDate.optional(),
    reportingCycle: z.enum(REPORTING_CYCLES).optional(),
    reportDeadlineDay: z.number().int().min(1).max(28).optional(),
    weight: z.number().min(0).max(1000).optional(),
    targetIds: z.array(z.string().min(1)).max(50).optional(),
    projectIds: z.array(z.string().min(1)).max(50).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.startOn && v.dueOn && v.dueOn < v.startOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'due must not be before start' });
  });
export type NodeCreateInput = z.infer<typeof NodeCreateSchema>;

/** Edits name the version read; `confirm: true` confirms proposed dates (the coordinator). */
export const NodeUpdateSchema = z
  .object({
    rowVersion,
    title: text(200).min(1).optional(),
    content: text(4000).nullable().optional(),
    leadOrgId: z.string().min(1).nullable().optional(),
    responsibleOrgIds: orgIds.optional(),
    countyOrgIds: orgIds.optional(),
    startOn: isoDate.optional(),
    dueOn: isoDate.optional(),
    confirmDates: z.boolean().optional(),
    reportingCycle: z.enum(REPORTING_CYCLES).optional(),
    reportDeadlineDay: z.number().int().min(1).max(28).optional(),
    weight: z.number().min(0).max(1000).optional(),
    status: z.enum(['in_progress', 'done']).optional(),
    targetIds: z.array(z.string().min(1)).max(50).optional(),
    projectIds: z.array(z.string().min(1)).max(50).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.startOn && v.dueOn && v.dueOn < v.startOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'due must not be before start' });
  });
export type NodeUpdateInput = z.infer<typeof NodeUpdateSchema>;

export const AssignSchema = z.object({ rowVersion, orgId: z.string().min(1), note: text(1000).nullable().optional() });
export type AssignInput = z.infer<typeof AssignSchema>;
export const SignSchema = z.object({ rowVersion });
export type SignInput = z.infer<typeof SignSchema>;

export const TreeQuerySchema = z.object({
  planId: z.string().min(1).optional(),
  asOf: isoDate.optional(),
});

// ---- progress reports ---------------------------------------------------------------------------
export interface EvidenceRef {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ProgressReport {
  id: string;
  taskId: string;
  period: string;
  org: OrgRef | null;
  percentDone: number;
  /** 进展情况 */
  progress: string;
  /** 存在问题 */
  problems: string;
  /** 下步打算 */
  nextSteps: string;
  status: ReportStatus;
  returnReason: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  evidence: EvidenceRef[];
  rowVersion: number;
  updatedAt: string;
}

export const ReportDraftSchema = z.object({
  period: PeriodSchema,
  percentDone: percent,
  progress: text(4000).default(''),
  problems: text(4000).default(''),
  nextSteps: text(4000).default(''),
  /** true: save and submit in one step. */
  submit: z.boolean().optional(),
});
export type ReportDraftInput = z.infer<typeof ReportDraftSchema>;

export const ReportUpdateSchema = z.object({
  rowVersion,
  percentDone: percent.optional(),
  progress: text(4000).optional(),
  problems: text(4000).optional(),
  nextSteps: text(4000).optional(),
  submit: z.boolean().optional(),
});
export type ReportUpdateInput = z.infer<typeof ReportUpdateSchema>;

export const ReviewSchema = z
  .object({ rowVersion, decision: z.enum(['accept', 'return']), reason: text(1000).optional() })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a return needs a reason' });
  });
export type ReviewInput = z.infer<typeof ReviewSchema>;

/** Evidence: at most 10 MB; PDF, JPEG, PNG, DOCX/XLSX (zip), DOC/XLS (OLE), checked by content. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES = ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'doc', 'xls'] as const;

// ---- closure (销号) ------------------------------------------------------------------------------
export interface ClosureRequest {
  id: string;
  taskId: string;
  org: OrgRef | null;
  note: string;
  status: ClosureStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The reason of a return, or of a reopening. */
  reason: string | null;
  evidence: EvidenceRef[];
}

export const ClosureRequestSchema = z.object({ rowVersion, note: text(2000).min(1, 'required') });
export const ClosureDecisionSchema = z
  .object({ rowVersion, decision: z.enum(['close', 'return']), reason: text(1000).optional() })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a return needs a reason' });
  });
export const ReopenSchema = z.object({ rowVersion, reason: text(1000).min(1, 'required') });
export type ClosureRequestInput = z.infer<typeof ClosureRequestSchema>;
export type ClosureDecisionInput = z.infer<typeof ClosureDecisionSchema>;
export type ReopenInput = z.infer<typeof ReopenSchema>;

// ---- accountability (问效) -----------------------------------------------------------------------
export interface AccountabilityRecord {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  org: OrgRef;
  kind: AccountabilityKind;
  reason: string;
  dueOn: string | null;
  status: AccountabilityStatus;
  /** Red-light days of the task up to the record's creation (from the light history). */
  redDays: number;
  redHistory: { from: string; to: string }[];
  resolution: string | null;
  createdBy: string;
  createdAt: string;
  resolvedAt: string | null;
  rowVersion: number;
}

export const AccountabilityCreateSchema = z.object({
  taskId: z.string().min(1),
  orgId: z.string().min(1),
  kind: z.enum(ACCOUNTABILITY_KINDS),
  reason: text(2000).min(1, 'required'),
  dueOn: isoDate.nullable().optional(),
});
export const AccountabilityUpdateSchema = z.object({
  rowVersion,
  status: z.enum(ACCOUNTABILITY_STATUSES).optional(),
  resolution: text(2000).nullable().optional(),
  dueOn: isoDate.nullable().optional(),
});
export type AccountabilityCreateInput = z.infer<typeof AccountabilityCreateSchema>;
export type AccountabilityUpdateInput = z.infer<typeof AccountabilityUpdateSchema>;

// ---- reminders / escalation (催办) ---------------------------------------------------------------
export interface Reminder {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  org: OrgRef;
  kind: ReminderKind;
  level: number;
  period: string | null;
  message: string;
  sentBy: string;
  sentAt: string;
  readAt: string | null;
  emailedAt: string | null;
}

export const ReminderCreateSchema = z.object({
  taskId: z.string().min(1),
  orgId: z.string().min(1).optional(),
  period: PeriodSchema.optional(),
  message: text(1000).min(1, 'required'),
});
export type ReminderCreateInput = z.infer<typeof ReminderCreateSchema>;

// ---- light history ----------------------------------------------------------------------------
/** One recorded daily light of a task (the daily run and every recompute write it). */
export interface LightDayRecord {
  day: string;
  light: string;
  percentDone: number;
  timeElapsedPct: number;
  lagPoints: number;
  reasons: string[];
}
export interface LightHistory {
  taskId: string;
  /** Oldest first. */
  days: LightDayRecord[];
}

// ---- board, inbox, ranking ----------------------------------------------------------------------
/** Tasks per board page: a plan of 71 tasks fits on one; 10,000 are paged, never cut without saying so. */
export const BOARD_DEFAULT_LIMIT = 500;
export const BOARD_MAX_LIMIT = 2000;
export const BoardQuerySchema = z.object({
  planId: z.string().min(1).optional(),
  asOf: isoDate.optional(),
  light: z.enum(LIGHTS).optional(),
  orgId: z.string().min(1).optional(),
  specialActionId: z.string().min(1).optional(),
  /** A county: tasks naming it among their counties or assigned to it. */
  countyId: z.string().min(1).optional(),
  q: z.string().max(100).optional(),
  /** Paging over the matching tasks (in board order); counts always cover all of them. */
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(BOARD_MAX_LIMIT).default(BOARD_DEFAULT_LIMIT),
});
export type BoardQuery = z.input<typeof BoardQuerySchema>;

export type LightCounts = Record<TaskLight, number>;

export interface BoardTaskRow {
  id: string;
  code: string;
  title: string;
  kind: NodeKind;
  lead: OrgRef | null;
  responsible: OrgRef[];
  counties: OrgRef[];
  assignment: Assignment | null;
  startOn: string;
  dueOn: string;
  proposed: boolean;
  percentDone: number;
  status: TaskStatus;
  light: LightResult;
  missedReports: number;
  /** Latest report's period and status, if any. */
  lastReport: { period: string; status: ReportStatus } | null;
  pendingClosure: boolean;
  rowVersion: number;
}

export interface BoardRow {
  specialAction: { id: string; code: string; title: string; percentDone: number; light: LightResult };
  counts: LightCounts;
  tasks: BoardTaskRow[];
}

export interface Board {
  asOf: string;
  planId: string;
  /** Lights of every matching task (all pages). */
  counts: LightCounts;
  /** Every special action with matching tasks; `tasks` holds those of this page, `counts` all of them. */
  rows: BoardRow[];
  /** Every special action of the plan, for the filter (whatever is filtered). */
  specialActions: { id: string; code: string; title: string }[];
  /** Matching tasks in all, and the page shown. */
  total: number;
  offset: number;
  limit: number;
}

export const INBOX_KINDS = ['sign', 'report_due', 'review_report', 'verify_closure', 'reminder'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export interface InboxItem {
  kind: InboxKind;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  /** The report period (report_due, review_report, reminder). */
  period: string | null;
  /** When it is due (a report deadline, the task's due date, an accountability due date). */
  dueOn: string | null;
  reportId: string | null;
  closureId: string | null;
  reminderId: string | null;
  /** When it arrived (assigned, submitted, requested, sent). */
  at: string | null;
  rowVersion: number | null;
}

export interface Inbox {
  asOf: string;
  items: InboxItem[];
  counts: Record<InboxKind, number>;
}

/** 通报 ranking of responsible units (S2 fills the scoring). */
export interface RankingRow {
  rank: number;
  org: OrgRef & { kind: string };
  tasks: number;
  counts: LightCounts;
  redDays: number;
  reportsDue: number;
  reportsOnTime: number;
  onTimeRate: number;
  averageLag: number;
  score: number;
}

export interface Ranking {
  asOf: string;
  period: string | null;
  rows: RankingRow[];
}

export interface TickResult {
  asOf: string;
  tasks: number;
  changed: number;
  counts: LightCounts;
}
