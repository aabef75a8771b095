// Evaluation schemes (评价方案) and runs (评价结果): shared zod schemas and API types (docs/evaluation.md).
import { z } from 'zod';

export const SUBJECT_KINDS = ['county', 'industry', 'department'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const WEIGHTINGS = ['ahp', 'entropy', 'fixed', 'combined'] as const;
export const SCORINGS = ['topsis', 'gra', 'weighted_sum'] as const;
export const MISSING_RULES = ['exclude', 'worst'] as const;
export type MissingRule = (typeof MISSING_RULES)[number];
/** Bumped whenever a formula changes; archived with every run. */
export const EVALUATION_VERSION = 'sei-eval-1';

const cell = z.union([z.number(), z.string()]);
const Pairwise = z.array(z.array(cell));

export const SchemeCriterionSchema = z.object({
  /** A criterion of the catalogue (src/core/evaluation/criteria.ts), e.g. `stat:SEI_REVENUE`. */
  source: z.string().min(1),
  /** 1 benefit (larger is better), −1 cost; defaults to the catalogue's direction. */
  direction: z.union([z.literal(1), z.literal(-1)]).optional(),
  /** Used by the fixed weighting (relative; normalised over all criteria). */
  weight: z.number().min(0).optional(),
});
export type SchemeCriterion = z.infer<typeof SchemeCriterionSchema>;

export const SchemeGroupSchema = z.object({
  key: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  /** Pairwise matrix over this group's criteria (AHP), in their order. */
  pairwise: Pairwise.optional(),
  criteria: z.array(SchemeCriterionSchema).min(1),
});
export type SchemeGroup = z.infer<typeof SchemeGroupSchema>;

export const SchemeDefinitionSchema = z.object({
  subjectKind: z.enum(SUBJECT_KINDS),
  groups: z.array(SchemeGroupSchema).min(1),
  /** Pairwise matrix over the groups (AHP). */
  pairwise: Pairwise.optional(),
  weighting: z.enum(WEIGHTINGS),
  ahpVariant: z.enum(['eigenvector', 'column_mean']).default('eigenvector'),
  /** combined: product w = a·e/Σ, or linear w = α·a + (1−α)·e (a = AHP, e = entropy). */
  combine: z.object({ mode: z.enum(['product', 'linear']), alpha: z.number().min(0).max(1).default(0.5) }).default({ mode: 'product', alpha: 0.5 }),
  scoring: z.enum(SCORINGS),
  topsisVariant: z.enum(['vector', 'minmax']).default('vector'),
  rho: z.number().gt(0).max(1).default(0.5),
  missing: z.enum(MISSING_RULES),
});
export type SchemeDefinition = z.infer<typeof SchemeDefinitionSchema>;

export const SchemeInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional().default(''),
  definition: SchemeDefinitionSchema,
});
export type SchemeInput = z.infer<typeof SchemeInputSchema>;
export const SchemeUpdateSchema = SchemeInputSchema.extend({ rowVersion: z.number().int().min(1) });

export interface Scheme extends SchemeInput {
  id: string;
  demo: boolean;
  rowVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface CriterionInfo {
  source: string;
  name: { zh: string; en: string };
  unit: string;
  direction: 1 | -1;
  subjects: SubjectKind[];
  /** Where the figure comes from, in words. */
  from: { zh: string; en: string };
}

export const RunInputSchema = z.object({ period: z.string().regex(/^\d{4}$/, 'a year such as 2020') });

/** What a run read, exactly as it was: with it and the scheme snapshot the run reproduces. */
export interface RunSnapshot {
  subjects: { key: string; name: string }[];
  criteria: { source: string; group: string; name: { zh: string; en: string }; unit: string; direction: 1 | -1 }[];
  /** subjects × criteria; null where the product holds no figure. */
  values: (number | null)[][];
  /** Per criterion: how the figure was read (for the record). */
  notes: string[];
}

export interface RunSubjectResult {
  key: string;
  name: string;
  /** Values after the missing-value rule (null when excluded). */
  values: (number | null)[];
  missing: string[];
  excluded: boolean;
  score: number | null;
  rank: number | null;
}

export interface RunResult {
  weights: { source: string; ahp: number | null; entropy: number | null; final: number }[];
  ahp: { group: string; CR: number; lambda_max: number; consistent: boolean }[];
  subjects: RunSubjectResult[];
  /** The stated missing-value rule and what it did. */
  missingNote: { zh: string; en: string };
}

export interface EvaluationRun {
  id: string;
  schemeId: string;
  schemeName: string;
  period: string;
  version: string;
  demo: boolean;
  createdAt: string;
  createdBy: string;
  scheme: SchemeInput;
  snapshot: RunSnapshot;
  result: RunResult;
}

export type EvaluationRunSummary = Pick<EvaluationRun, 'id' | 'schemeId' | 'schemeName' | 'period' | 'version' | 'demo' | 'createdAt' | 'createdBy'>;

export interface ReproduceResult {
  runId: string;
  identical: boolean;
  /** Subjects whose score or rank differ (empty when identical). */
  differences: { key: string; stored: number | null; recomputed: number | null }[];
}

export interface RunComparison {
  schemeId: string;
  /** The column keys in order: years (`?periods=`) or run ids (`?runs=`). */
  periods: string[];
  /** One per column: which run it shows. */
  columns: { key: string; runId: string; period: string; createdAt: string; createdBy: string }[];
  /** `byPeriod` is keyed by the column key. */
  rows: { key: string; name: string; byPeriod: Record<string, { score: number | null; rank: number | null }>; rankChange: number | null }[];
}
