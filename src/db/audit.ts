import type { Kysely, Transaction } from 'kysely';
import { newId } from '../core/ids';
import type { AuditPage, AuditQuery } from '../core/users/ports';
import type { DB } from './schema';

export interface AuditEntry {
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Every write calls this inside its own transaction, so the audit row lands or fails with the change. */
export async function writeAudit(db: Kysely<DB> | Transaction<DB>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: new Date().toISOString(),
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      ip: e.ip ?? null,
    })
    .execute();
}

export interface AuditRow {
  id: string;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export async function listAudit(
  db: Kysely<DB>,
  filter: { entity?: string; entityId?: string; limit?: number } = {},
): Promise<AuditRow[]> {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_name', 'action', 'entity', 'entity_id', 'before_json', 'after_json'])
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 200);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at instanceof Date ? r.at.toISOString() : r.at,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
  }));
}

/** The audit viewer's query: filters, newest first, one page with the total count. */
export async function queryAudit(db: Kysely<DB> | Transaction<DB>, q: AuditQuery): Promise<AuditPage> {
  let base = db.selectFrom('audit_log');
  if (q.entity) base = base.where('entity', '=', q.entity);
  if (q.entityId) base = base.where('entity_id', '=', q.entityId);
  if (q.actor) base = base.where('actor_name', '=', q.actor);
  if (q.action) base = base.where('action', '=', q.action);
  if (q.from) base = base.where('at', '>=', q.from);
  if (q.to) base = base.where('at', '<', q.to);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .select(['id', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'ip'])
    .orderBy('at', 'desc').orderBy('id', 'desc')
    .limit(q.limit).offset(q.offset)
    .execute();
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at instanceof Date ? r.at.toISOString() : r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json ? JSON.parse(r.before_json) : null,
      after: r.after_json ? JSON.parse(r.after_json) : null,
      ip: r.ip,
    })),
  };
}
