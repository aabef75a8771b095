// The contract for checking the evaluation maths from outside: `sei eval compute --input FILE --json` and
// POST /api/evaluation/compute take this object (rows = alternatives, columns = criteria, 1 benefit / −1 cost).
import { z } from 'zod';

export const EVAL_METHODS = ['normalize', 'entropy', 'ahp', 'topsis', 'entropy_topsis', 'gra', 'weighted_sum'] as const;
export type EvalMethod = (typeof EVAL_METHODS)[number];

export const EVAL_VARIANTS: Record<EvalMethod, readonly string[]> = {
  normalize: ['minmax', 'vector', 'zscore_population', 'zscore_sample'],
  entropy: ['raw', 'minmax'],
  ahp: ['eigenvector', 'column_mean'],
  topsis: ['vector', 'minmax'],
  entropy_topsis: [],
  gra: [],
  weighted_sum: [],
};

export const ComputeInputSchema = z.object({
  method: z.enum(EVAL_METHODS),
  variant: z.string().optional(),
  matrix: z.array(z.array(z.unknown())).optional(),
  types: z.array(z.unknown()).optional(),
  weights: z.array(z.unknown()).optional(),
  pairwise: z.array(z.array(z.union([z.number(), z.string()]))).optional(),
  rho: z.number().optional(),
}).strict();
export type ComputeInput = z.infer<typeof ComputeInputSchema>;

/** Output, as applicable to the method (snake_case as in the contract). */
export interface ComputeOutput {
  method: EvalMethod;
  variant?: string;
  normalized?: number[][];
  entropy?: number[];
  divergence?: number[];
  weights?: number[];
  lambda_max?: number;
  CI?: number;
  CR?: number;
  consistent?: boolean;
  d_plus?: number[];
  d_minus?: number[];
  closeness?: number[];
  grades?: number[];
  coefficients?: number[][];
  scores?: number[];
  rank?: number[];
}
