// 领导小组审议: the contract shared by the API, the CLI and the web app. The plan (三(一)) requires that
// 重大决策部署、重大项目建设、财政资金使用 go to the leading group. An item is drafted by a unit, submitted,
// scheduled onto a meeting's agenda by the coordinator, decided at the meeting (recorded by a leader or
// the group's secretary), followed up as supervised tasks (交办) and implemented once they are all closed.
// Amounts are in 万元 (10k yuan), as in the project register.
import { z } from 'zod';
import { IsoDateSchema } from './supervision';

const rowVersion = z.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);
const amount = z.number().finite().min(0, 'must not be negative').max(1e9, 'too large');

export const REVIEW_TYPES = ['decision', 'project', 'funds'] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];
export const REVIEW_TYPE_LABELS: Record<ReviewType, { zh: string; en: string }> = {
  decision: { zh: '重大决策部署', en: 'Major decision' },
  project: { zh: '重大项目建设', en: 'Major project' },
  funds: { zh: '财政资金使用', en: 'Use of public funds' },
};

export const ITEM_STATUSES = ['draft', 'submitted', 'scheduled', 'decided', 'implemented'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  scheduled: { zh: '已列入议程', en: 'Scheduled' },
  decided: { zh: '已审议', en: 'Decided' },
  implemented: { zh: '已落实', en: 'Implemented' },
};

export const DECISIONS = ['approved', 'conditional', 'deferred', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, { zh: string; en: string }> = {
  approved: { zh: '通过', en: 'Approved' },
  conditional: { zh: '有条件通过', en: 'Approved with conditions' },
  deferred: { zh: '暂缓', en: 'Deferred' },
  rejected: { zh: '不通过', en: 'Rejected' },
};
/** Decisions that approve the item: it then carries an approved amount and follow-up tasks. */
export const APPROVING: readonly Decision[] = ['approved', 'conditional'];

export type Light = 'green' | 'yellow' | 'red';

// ---- inputs ------------------------------------------------------------------------------------
const itemFields = {
  type: z.enum(REVIEW_TYPES),
  title: text(200).min(1, 'required'),
  submittingOrgId: z.string().min(1),
  summary: text(8000).default(''),
  amount: amount.nullable().optional(),
  projectId: z.string().min(1).nullable().optional(),
  supervisionTaskId: z.string().min(1).nullable().optional(),
  industryCode: text(40).min(1).nullable().optional(),
  countyOrgId: z.string().min(1).nullable().optional(),
};
export const ItemCreateSchema = z.object({ ...itemFields, amendsItemId: z.string().min(1).nullable().optional() });
export type ItemCreateInput = z.infer<typeof ItemCreateSchema>;
export const ItemUpdateSchema = z.object({ rowVersion, ...itemFields }).partial({ type: true, title: true, submittingOrgId: true, summary: true });
export type ItemUpdateInput = z.infer<typeof ItemUpdateSchema>;
export const RowVersionSchema = z.object({ rowVersion });

export const MeetingCreateSchema = z.object({
  title: text(200).min(1, 'required'),
  heldOn: IsoDateSchema,
  place: text(200).nullable().optional(),
  /** The agenda in order; each item must be submitted (提交) and not on another open agenda. */
  agenda: z.array(z.object({ itemId: z.string().min(1), rowVersion, presenter: text(100).min(1, 'required') })).min(1, 'the agenda needs at least one item').max(50),
});
export type MeetingCreateInput = z.infer<typeof MeetingCreateSchema>;

export const AttendanceSchema = z.object({
  rowVersion,
  attendees: z.array(z.object({
    name: text(100).min(1, 'required'),
    userId: z.string().min(1).nullable().optional(),
    position: text(100).nullable().optional(),
    present: z.boolean(),
    note: text(200).nullable().optional(),
  })).min(1).max(100),
});
export type AttendanceInput = z.infer<typeof AttendanceSchema>;

export const DecisionSchema = z.object({
  rowVersion,
  itemId: z.string().min(1),
  decision: z.enum(DECISIONS),
  conditions: text(4000).nullable().optional(),
  note: text(4000).nullable().optional(),
}).refine((d) => d.decision !== 'conditional' || (d.conditions ?? '').length > 0, { path: ['conditions'], message: '有条件通过须写明条件 / conditions are required for a conditional approval' });
export type DecisionInput = z.infer<typeof DecisionSchema>;

export const FollowUpSchema = z.object({
  rowVersion,
  title: text(200).min(1, 'required'),
  content: text(4000).nullable().optional(),
  leadOrgId: z.string().min(1),
  startOn: IsoDateSchema,
  dueOn: IsoDateSchema,
});
export type FollowUpInput = z.infer<typeof FollowUpSchema>;

export const FundScheduleSchema = z.object({
  rowVersion,
  rows: z.array(z.object({ dueOn: IsoDateSchema, amount: amount.refine((x) => x > 0, 'must be positive') })).max(120),
});
export type FundScheduleInput = z.infer<typeof FundScheduleSchema>;

export const DisbursementSchema = z.object({
  rowVersion,
  paidOn: IsoDateSchema,
  amount: amount.refine((x) => x > 0, 'must be positive'),
  voucherRef: text(100).min(1, 'required'),
  note: text(500).nullable().optional(),
});
export type DisbursementInput = z.infer<typeof DisbursementSchema>;

export const ItemListQuerySchema = z.object({
  type: z.enum(REVIEW_TYPES).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  orgId: z.string().min(1).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ItemListQuery = z.infer<typeof ItemListQuerySchema>;

export const SecretarySchema = z.object({ userId: z.string().min(1), secretary: z.boolean() });

// ---- answers -----------------------------------------------------------------------------------
export interface Ref { id: string; code: string; name: string }
export interface FileRef { id: string; fileName: string; contentType: string; size: number; sha256: string; uploadedBy: string; uploadedAt: string }

export interface FollowUpTask {
  taskId: string;
  code: string;
  title: string;
  lead: Ref | null;
  dueOn: string;
  status: string;
  light: Light;
  percentDone: number;
}

export interface FundFigures {
  approved: number;
  scheduledToDate: number;
  scheduledTotal: number;
  paid: number;
  paidToDate: number;
  /** 资金支付率 = paid ÷ approved, percent; null without an approved amount. */
  paymentRate: number | null;
  /** Paid to date ÷ scheduled to date, percent; null when nothing is due yet. */
  scheduleRate: number | null;
  /** Paid to date below scheduled to date → red; null when nothing is due yet. */
  light: Light | null;
}

export interface ScheduleRow { id: string; dueOn: string; amount: number }
export interface Disbursement { id: string; paidOn: string; amount: number; voucherRef: string; note: string | null; recordedBy: string; recordedAt: string; evidence: FileRef[] }

export interface AgendaEntry {
  itemId: string;
  code: string;
  title: string;
  type: ReviewType;
  submittingOrg: Ref;
  amount: number | null;
  sort: number;
  presenter: string;
  decision: Decision | null;
  conditions: string | null;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface ReviewItem {
  id: string;
  code: string;
  type: ReviewType;
  title: string;
  submittingOrg: Ref;
  summary: string;
  amount: number | null;
  project: { id: string; name: string } | null;
  supervisionTask: { id: string; code: string; title: string } | null;
  industry: { code: string; name: string } | null;
  county: Ref | null;
  amendsItem: { id: string; code: string; title: string } | null;
  status: ItemStatus;
  decision: Decision | null;
  conditions: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  meeting: { id: string; title: string; heldOn: string } | null;
  createdBy: string;
  demo: boolean;
  rowVersion: number;
  updatedAt: string;
}

export interface ReviewItemDetail extends ReviewItem {
  attachments: FileRef[];
  followUps: FollowUpTask[];
  schedule: ScheduleRow[];
  disbursements: Disbursement[];
  funds: FundFigures;
  /** Agenda history: every meeting the item was on, with what was decided there. */
  meetings: { meetingId: string; title: string; heldOn: string; decision: Decision | null; conditions: string | null }[];
  history: { at: string; actor: string; action: string; detail: unknown }[];
  amendments: { id: string; code: string; title: string; status: ItemStatus }[];
}

export interface Attendee { name: string; userId: string | null; position: string | null; present: boolean; note: string | null }

export interface Meeting {
  id: string;
  code: string;
  title: string;
  heldOn: string;
  place: string | null;
  status: 'scheduled' | 'decided';
  agenda: AgendaEntry[];
  attendance: Attendee[];
  createdBy: string;
  demo: boolean;
  rowVersion: number;
  updatedAt: string;
}

export interface FundTotalRow { key: string; name: string; approved: number; scheduled: number; paid: number; paymentRate: number | null }
export interface FundsOverview {
  asOf: string;
  total: FundFigures;
  items: { id: string; code: string; title: string; type: ReviewType; figures: FundFigures }[];
  byIndustry: FundTotalRow[];
  byCounty: FundTotalRow[];
  byYear: FundTotalRow[];
}
