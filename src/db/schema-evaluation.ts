// Row types of the evaluation tables (migration 0008-evaluation).
import type { Generated } from 'kysely';

type Timestamp = string | Date;

export interface EvaluationSchemeTable {
  id: string;
  name: string;
  description: Generated<string>;
  subject_kind: string;
  definition_json: string;
  demo: Generated<number>;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvaluationRunTable {
  id: string;
  scheme_id: string;
  period: string;
  version: string;
  scheme_json: string;
  snapshot_json: string;
  result_json: string;
  demo: Generated<number>;
  created_by: string;
  created_at: Timestamp;
}

export interface EvaluationTables {
  evaluation_scheme: EvaluationSchemeTable;
  evaluation_run: EvaluationRunTable;
}
