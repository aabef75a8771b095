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
  projection: { year: number; value: number; meetsTarget: boolean } | null;
  components: Component[];
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
