// What the evaluation use-cases need from storage (src/db/repositories/evaluation.ts).
import type { EvaluationRun, EvaluationRunSummary, Scheme, SchemeInput } from '../../shared/evaluation';

export interface EvaluationStore {
  listSchemes(): Promise<Scheme[]>;
  getScheme(id: string): Promise<Scheme | null>;
  findSchemeByName(name: string): Promise<Scheme | null>;
  insertScheme(id: string, s: SchemeInput, demo: boolean, now: string): Promise<void>;
  /** false when the row is no longer at `rowVersion`. */
  updateScheme(id: string, s: SchemeInput, rowVersion: number, now: string): Promise<boolean>;
  deleteScheme(id: string, rowVersion: number): Promise<boolean>;
  insertRun(run: EvaluationRun): Promise<void>;
  listRuns(filter: { schemeId?: string }): Promise<EvaluationRunSummary[]>;
  getRun(id: string): Promise<EvaluationRun | null>;
  /** The latest run of a scheme for each of the periods. */
  latestRuns(schemeId: string, periods: string[]): Promise<EvaluationRun[]>;
}
