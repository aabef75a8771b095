// Targets & progress: the compute contract (snake_case, as the CLI and POST /api/progress/compute
// speak it) and the assessment the API returns for each target.
import { z } from 'zod';
import type { Target } from './plan';

export const PROGRESS_STATUSES = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, { zh: string; en: string }> = {
  target_achieved: { zh: '目标已实现', en: 'Target achieved' },
  substantial_progress: { zh: '进展顺利', en: 'Substantial progress' },
  moderate_progress: { zh: '有进展但需加快', en: 'Moderate progress' },
  limited_progress: { zh: '进展有限', en: 'Limited progress' },
  deterioration: { zh: '出现倒退', en: 'Deterioration' },
};

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const year = z.number().int().min(1900).max(2200);

export const ProgressComputeInputSchema = z.object({
  base_year: year,
  base_value: finite,
  current_year: year,
  current_value: finite,
  target_year: year,
  target_value: finite.nullable().optional(),
  desired_direction: z.enum(['increase', 'decrease']),
});
export type ProgressComputeInput = z.infer<typeof ProgressComputeInputSchema>;

export interface ProgressComputeOutput {
  cagr_observed: number;
  cagr_required: number | null;
  ratio_R: number | null;
  status: ProgressStatus;
  /** The value projected for target_year at the observed growth rate. */
  projection: number;
  projection_year: number;
  /** Whether the projected value satisfies the target (null without a target). */
  projection_meets_target: boolean | null;
  notes: string[];
}

export type Light = 'green' | 'yellow' | 'red';
export type Reliability = 'high' | 'medium' | 'low' | 'demo' | 'reported';

/** One figure behind an assessment, shown in the components table. */
export interface Component {
  key: string;
  label: { zh: string; en: string };
  value: number | string | boolean | null;
  unit?: string;
  /** How it is computed, e.g. "(y_t / y_0)^(1/(t − t0)) − 1". */
  formula?: string;
  /** The formula in Chinese words where `formula` uses English ones (the Chinese UI shows this). */
  formulaZh?: string;
  note?: { zh: string; en: string };
}

export interface ActualValue {
  value: number;
  /** The period it describes ("2019" for an annual value, the as-of date for a registry count). */
  period: string;
  /** Decimal year: 2019 for an annual value, e.g. 2019.5 for a count on 1 July 2019. */
  t: number;
  observedAt: string;
  demo: boolean;
  source: string;
  reliability: Reliability;
}

export interface SeriesPointDto {
  period: string;
  year: number;
  value: number;
  demo: boolean;
  source: string;
  reliability: Reliability;
}

export interface TargetAssessment {
  target: Target;
  planId: string;
  asOf: string;
  /** 'series' = city statistics (T1–T3); 'count' = counted from a registry (T4 platforms, T5 parks). */
  kind: 'series' | 'count';
  actual: ActualValue | null;
  baseline: { year: number; value: number; fromData: boolean; demo: boolean; reliability: Reliability | null } | null;
  attainment: { met: boolean; attainmentPct: number | null; gap: number; position?: string; band?: [number, number]; tolerance?: number; rule: { zh: string; en: string } } | null;
  schedule: { timeElapsedPct: number; progressPct: number; lagPoints: number; overdue: boolean; light: Light } | null;
  anticipated: { cagrObserved: number; cagrRequired: number | null; ratioR: number | null; status: ProgressStatus; basis: string; notes: string[] } | null;
  /** `final`: the plan period has ended and this is the value at the deadline, not a projection. */
  projection: { year: number; value: number; meetsTarget: boolean; final?: boolean } | null;
  components: Component[];
  /** Status shares, weakest status and reliability, missing reporters (issue 14). */
  quality: FigureQuality | null;
  /** Set once the as-of date is past the target year's end. */
  planEnded: PlanEnded | null;
  /** Why something could not be computed (no data, a single year …). */
  messages: { zh: string; en: string }[];
}

export interface TargetDetail extends TargetAssessment {
  series: SeriesPointDto[];
  projectionPoints: { year: number; value: number }[];
}

export const AsOfQuerySchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'asOf is not a calendar date')
    .optional(),
});

/** Review status of a figure's inputs, in three steps (see src/core/targets/figure-quality.ts). */
export type StatusGroup = 'approved' | 'submitted' | 'draft';

/** The share of a figure's value by review status (values hidden when a part would disclose one enterprise). */
export interface StatusShares {
  /** The stored period the figure is read from (e.g. 202012 for the 2020 year-to-date). */
  period: string;
  parts: { status: StatusGroup; value: number | null; n: number; pct: number | null }[];
  total: number;
  /** Reporters behind the figure. */
  n: number;
  weakest: StatusGroup | null;
  /** Summed from enterprise reports (true) or one city value (false). */
  fromEnterprises: boolean;
  suppressed: boolean;
}

/** Reporters of the previous year with no value in the figure's period. */
export interface MissingReporters {
  period: string;
  previousYear: number;
  n: number;
  /** Sum of their latest earlier values in the figure's year (null when hidden). */
  value: number | null;
  withEarlierValue: number;
  earlierPeriods: string[];
  suppressed: boolean;
}

/** How sure an assessment is: DESIGN.md "Every computed figure carries the weakest status … and how many reporters are missing". */
export interface FigureQuality {
  /** Computed on approved values only (the approved-only switch). */
  approvedOnly: boolean;
  /** The weakest review status of the inputs (null for a registry count, which has no review). */
  weakestStatus: StatusGroup | null;
  reliability: Reliability;
  demo: boolean;
  /** Shares of the actual by status; for a ratio those of the numerator (`of`). */
  shares: (StatusShares & { of: string }) | null;
  missing: (MissingReporters & { of: string }) | null;
  /** The target reads as met although some inputs are not approved. */
  metOnUnapproved: boolean;
}

/** After the target year: the plan period has ended and the projection is the value at the deadline. */
export interface PlanEnded {
  deadline: string;
  /** The value at the deadline (null when there is none). */
  value: number | null;
  met: boolean | null;
}

export const TargetsQuerySchema = z.object({
  asOf: AsOfQuerySchema.shape.asOf,
  approvedOnly: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
});

/** Units in English for messages the server writes (the web app translates units through i18n). */
export const UNIT_EN: Record<string, string> = { '亿元': 'CNY 100m', '万元': 'CNY 10k', '家': 'units', '个': 'units', '%': '%' };
