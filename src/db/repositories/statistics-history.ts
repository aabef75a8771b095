import type { Kysely, Transaction } from 'kysely';
import { parseJson, toIso } from '../mappers';
import type { DB } from '../schema';

/** Audit-log entries of one record, newest first. */
export async function listAuditOf(db: Kysely<DB> | Transaction<DB>, entity: string, entityId: string) {
  const rows = await db.selectFrom('audit_log').select(['id', 'at', 'actor_name', 'action', 'before_json', 'after_json'])
    .where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('id', 'desc').limit(500).execute();
  return rows.map((r) => ({ id: r.id, at: toIso(r.at)!, actorName: r.actor_name, action: r.action, before: parseJson<unknown>(r.before_json, null), after: parseJson<unknown>(r.after_json, null) }));
}
