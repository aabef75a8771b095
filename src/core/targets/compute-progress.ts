// The checkable form of the anticipated-progress maths: `sei progress compute` and
// POST /api/progress/compute. Input and output keys are snake_case per the published contract.
import { ProgressComputeInputSchema, type ProgressComputeOutput } from '../../shared/targets';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { anticipatedProgress, meetsDirectionalTarget } from './anticipated-progress';
import { projectValue } from './projection';

export function computeProgress(raw: unknown): ProgressComputeOutput {
  const i = parseInput(ProgressComputeInputSchema, raw);
  if (i.target_year < i.current_year) {
    throw new AppError('VALIDATION', { zh: 'target_year 不得早于 current_year', en: 'target_year must not be before current_year' }, [
      { path: 'target_year', message: 'target_year must not be before current_year' },
    ]);
  }
  const r = anticipatedProgress({
    baseYear: i.base_year, baseValue: i.base_value, currentYear: i.current_year, currentValue: i.current_value,
    targetYear: i.target_year, targetValue: i.target_value ?? null, direction: i.desired_direction,
  });
  const projection = projectValue({ year: i.current_year, value: i.current_value }, r.cagrObserved, i.target_year);
  return {
    cagr_observed: r.cagrObserved,
    cagr_required: r.cagrRequired,
    ratio_R: r.ratioR,
    status: r.status,
    projection,
    projection_year: i.target_year,
    projection_meets_target: i.target_value == null ? null : meetsDirectionalTarget(projection, i.target_value, i.desired_direction),
    notes: r.notes,
  };
}
