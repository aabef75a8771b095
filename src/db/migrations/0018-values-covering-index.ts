// The targets' figures read one period of one indicator at a time: who reported in it, and its sum by
// review status (src/db/repositories/city-status.ts). With org_id, status and value in the
// (indicator_code, period) index those reads are answered from the index alone, without a table lookup
// per value — at ten million values the difference between ≈ 20 ms and a few hundred per period, which is
// the difference between a computation that lets other requests through and one that holds them.
// Every read that used the old index uses its prefix.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('data_value_indicator_period').execute();
  await db.schema.createIndex('data_value_indicator_period').on('data_value').columns(['indicator_code', 'period', 'org_id', 'status', 'value']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('data_value_indicator_period').execute();
  await db.schema.createIndex('data_value_indicator_period').on('data_value').columns(['indicator_code', 'period']).execute();
}
