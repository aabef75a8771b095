// 督查督办, the follow-up half: reminders (催办) and escalation, accountability records (问效) and the
// periodic 通报 ranking. The task tree, reports and lights are in ./supervision.ts.
import { z } from 'zod';
import { IsoDateSchema, PeriodSchema, type LightCounts, type OrgRef, type Reminder } from './supervision';

/** Why a reminder was sent. The daily tick sends each (task, unit, cause, period) once. */
export const REMINDER_CAUSES = ['manual', 'report_due', 'report_missed', 'task_due', 'escalation'] as const;
export type ReminderCause = (typeof REMINDER_CAUSES)[number];
export const REMINDER_CAUSE_LABELS: Record<ReminderCause, { zh: string; en: string }> = {
  manual: { zh: '人工催办', en: 'manual reminder' },
  report_due: { zh: '报送期限临近', en: 'report deadline near' },
  report_missed: { zh: '逾期未报', en: 'report deadline missed' },
  task_due: { zh: '任务即将到期', en: 'task due soon' },
  escalation: { zh: '升级督办', en: 'escalation' },
};

/** Days before a report deadline / a task's due date at which the tick reminds. */
export const REPORT_DUE_NOTICE_DAYS = 3;
export const TASK_DUE_NOTICE_DAYS = 7;
/** A missed deadline older than this is not reminded by the tick any more (a first tick on old data does not flood). */
export const MISSED_LOOKBACK_DAYS = 31;
/** Every third reminder to a unit about a task is escalated to the unit's head. */
export const ESCALATE_EVERY = 3;

export interface ReminderView extends Reminder {
  cause: ReminderCause;
}

export const RemindSchema = z.object({
  orgId: z.string().min(1).optional(),
  period: PeriodSchema.optional(),
  message: z.string().trim().max(1000).optional(),
});
export type RemindInput = z.infer<typeof RemindSchema>;

export const BulkRemindSchema = z.object({
  taskIds: z.array(z.string().min(1)).min(1, 'choose at least one task').max(500),
  message: z.string().trim().max(1000).optional(),
});
export type BulkRemindInput = z.infer<typeof BulkRemindSchema>;

export const ReminderQuerySchema = z.object({
  taskId: z.string().min(1).optional(),
  orgId: z.string().min(1).optional(),
  unread: z.enum(['1', '0', 'true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export interface RemindResult {
  sent: ReminderView[];
  escalations: ReminderView[];
  /** Tasks skipped (closed, or no unit to remind), with the reason. */
  skipped: { taskId: string; reason: { zh: string; en: string } }[];
}

export interface DueRemindersResult {
  asOf: string;
  sent: number;
  escalations: number;
  byCause: Record<ReminderCause, number>;
}

// ---- 问效 ---------------------------------------------------------------------------------------------
export const AccountabilityQuerySchema = z.object({
  taskId: z.string().min(1).optional(),
  orgId: z.string().min(1).optional(),
  status: z.enum(['open', 'rectified', 'closed']).optional(),
});

// ---- 通报 -----------------------------------------------------------------------------------------------
/** A period `2020Q4`, `202012`, a year `2020`, or a date range `2020-10-01..2020-12-31`. */
export const BulletinPeriodSchema = z.union([
  PeriodSchema,
  z.string().regex(/^\d{4}$/, 'a year YYYY'),
  z.string().regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, 'a date range YYYY-MM-DD..YYYY-MM-DD'),
]);

export const BulletinQuerySchema = z.object({
  period: BulletinPeriodSchema,
  planId: z.string().min(1).optional(),
  /** 文号, e.g. 邢战新办〔2021〕1号; default made from the period. */
  docNumber: z.string().trim().max(60).optional(),
  format: z.enum(['json', 'docx', 'xlsx']).default('json'),
});
export type BulletinQuery = z.infer<typeof BulletinQuerySchema>;
export const BulletinRangeSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema });

export interface BulletinRow {
  rank: number;
  org: OrgRef & { kind: string };
  /** Tasks whose reporting unit it is (the assigned unit, else the lead unit). */
  tasks: number;
  /** Lights on the period's last day (from the light history, else the current light). */
  counts: LightCounts;
  reportsDue: number;
  reportsOnTime: number;
  /** reportsOnTime ÷ reportsDue × 100; null when nothing was due. */
  onTimeRate: number | null;
  tasksDue: number;
  tasksClosed: number;
  /** tasksClosed ÷ tasksDue × 100; null when no task was due. */
  closureRate: number | null;
  redDays: number;
  /** 100 × (1 − redDays ÷ (tasks × days in the period)); null without tasks. */
  greenShare: number | null;
  score: number | null;
}

export interface Bulletin {
  period: string;
  label: { zh: string; en: string };
  from: string;
  to: string;
  /** The day the figures are cut at: `to`, or today when the period has not ended. */
  asOf: string;
  planId: string;
  planTitle: string;
  docNumber: string;
  title: string;
  demo: boolean;
  totals: { tasks: number; counts: LightCounts; reportsDue: number; reportsOnTime: number; onTimeRate: number | null; tasksDue: number; tasksClosed: number; closureRate: number | null; redDays: number };
  departments: BulletinRow[];
  counties: BulletinRow[];
}

/** Weights of the composite score (documented in docs/supervision.md). A rate that is null drops out and the others are re-weighted. */
export const BULLETIN_WEIGHTS = { onTimeRate: 0.4, closureRate: 0.4, greenShare: 0.2 } as const;
