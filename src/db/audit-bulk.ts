// Audit rows of an import, written in batched statements: one row per changed record, exactly as
// writeAudit() stores it, in the import's transaction.
import type { Kysely, Transaction } from 'kysely';
import { newId } from '../core/ids';
import type { AuditEntry } from './audit';
import { bulkInsert } from './repositories/bulk';
import type { DB } from './schema';

const COLUMNS = ['id', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'ip'];

export async function writeAuditMany(db: Kysely<DB> | Transaction<DB>, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = new Date().toISOString();
  const rows = entries.map((e) => [
    newId(), at, e.actorId, e.actorName, e.action, e.entity, e.entityId,
    e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after), e.ip ?? null,
  ]);
  await bulkInsert(db, { table: 'audit_log', columns: COLUMNS }, rows);
}
