// Row counts of the tables an import or a data-value write touches: equal before and after a refused
// write proves it left nothing behind.
import { sql } from 'kysely';
import type { TestDatabase } from './databases';

export const WRITE_TABLES = ['enterprise', 'organization', 'data_value', 'data_value_audit', 'import_batch', 'report', 'aggregate_value', 'innovation_platform', 'park', 'project', 'project_investment', 'evidence_file', 'plan', 'task'] as const;

export async function countRows(database: Pick<TestDatabase, 'db'>, tables: readonly string[] = WRITE_TABLES): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(database.db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}
