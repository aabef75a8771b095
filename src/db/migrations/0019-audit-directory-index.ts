// Kept enterprise pages (src/core/statistics/enterprise-list-cache.ts) depend on the directory — enterprises,
// organisations, parks, classifications — not on statistics. Their watermark is the newest audit row of any
// other kind than data writes, report steps and logins; this partial index makes it one index step however
// many data writes came after the last directory change (DIRECTORY_AUDIT_FILTER must stay the same text).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`create index audit_log_directory_at on audit_log (at) where entity not in ('data_value_batch', 'data_value', 'report', 'session')`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('audit_log_directory_at').execute();
}
