// The cockpit's write watermark: the newest audit row of the app and of the data values (both indexed on `at`, migration 0015).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CockpitStore } from '../../core/cockpit/ports';
import type { DB } from '../schema';

const iso = (v: unknown): string => (v == null ? '' : v instanceof Date ? v.toISOString() : String(v));

export function cockpitRepository(db: Kysely<DB> | Transaction<DB>): CockpitStore {
  return {
    async watermark() {
      const [a, v] = await Promise.all([
        db.selectFrom('audit_log').select('at').orderBy('at', 'desc').limit(1).executeTakeFirst(),
        // Prepared on PostgreSQL (pg-prepared.ts): planning it over every year partition cost more than running it.
        sql<{ at: unknown }>`/*prepare:sei_value_watermark*/ select max(at) as at from data_value_audit`.execute(db).then((r) => r.rows[0]),
      ]);
      return `${iso(a?.at)}|${iso(v?.at)}`;
    },
    async directoryWatermark() {
      // The same condition, as literal text, as the partial index of migration 0019: the planner uses a partial
      // index only when the query's condition is the index's (bound parameters would not match).
      const r = await db.selectFrom('audit_log').select('at')
        .where(sql<boolean>`entity not in ('data_value_batch', 'data_value', 'report', 'session')`)
        .orderBy('at', 'desc').limit(1).executeTakeFirst();
      return iso(r?.at);
    },
  };
}
