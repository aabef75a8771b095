// The audit log viewer: filters by entity, entity id, actor, action and date range, newest first,
// one page with the total. Dates (YYYY-MM-DD) are days of China Standard Time (UTC+8, no DST), the
// users' own calendar; full ISO instants are taken as given.
import { z } from 'zod';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import type { AuditPage } from './ports';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const optionalText = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));

export const AuditLogQuery = z.object({
  entity: optionalText,
  entityId: optionalText,
  actor: optionalText,
  action: optionalText,
  from: optionalText,
  to: optionalText,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).optional(),
  /** Older callers' name for pageSize. */
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

function instant(v: string | undefined, field: 'from' | 'to'): string | undefined {
  if (!v) return undefined;
  if (DAY.test(v)) {
    const start = new Date(`${v}T00:00:00+08:00`);
    if (!Number.isNaN(start.getTime())) {
      // "to" a day includes that whole day.
      return (field === 'to' ? new Date(start.getTime() + 86_400_000) : start).toISOString();
    }
  }
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) {
    throw new AppError('VALIDATION', { zh: `日期格式不正确（${field}）：${v}，应为 YYYY-MM-DD`, en: `bad date in ${field}: ${v}; use YYYY-MM-DD` },
      [{ path: field, field, message: 'YYYY-MM-DD' }]);
  }
  return d.toISOString();
}

export async function listAuditLog(deps: Deps, actor: Actor, raw: unknown): Promise<AuditPage & { page: number; pageSize: number }> {
  authorize(actor, 'read', 'audit');
  const q = parseInput(AuditLogQuery, raw ?? {});
  const pageSize = q.pageSize ?? q.limit ?? 50;
  const page = await deps.store.audit.list({
    entity: q.entity, entityId: q.entityId, actor: q.actor, action: q.action,
    from: instant(q.from, 'from'), to: instant(q.to, 'to'),
    limit: pageSize, offset: (q.page - 1) * pageSize,
  });
  return { ...page, page: q.page, pageSize };
}
