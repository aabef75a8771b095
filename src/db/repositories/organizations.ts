import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../core/ids';
import type { Organization } from '../../shared/plan';
import { flag, toBool } from '../mappers';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewOrganization {
  code: string;
  name: string;
  fullName?: string | null;
  nameEn?: string | null;
  kind: Organization['kind'];
  parentCode?: string | null;
  divisionCode?: string | null;
  isLead?: boolean;
  active?: boolean;
  sort?: number;
}

export async function insertOrganizations(trx: Transaction<DB>, orgs: NewOrganization[], now: string): Promise<void> {
  const ids = await orgIdsByCode(trx);
  for (const o of orgs) {
    const id = newId();
    const parentId = o.parentCode ? ids.get(o.parentCode) : null;
    if (o.parentCode && !parentId) throw new Error(`parent organisation ${o.parentCode} of ${o.code} not found`);
    await trx
      .insertInto('organization')
      .values({
        id, code: o.code, name: o.name, full_name: o.fullName ?? null, name_en: o.nameEn ?? null, kind: o.kind,
        parent_id: parentId ?? null, division_code: o.divisionCode ?? null, is_lead: flag(o.isLead ?? false),
        sort: o.sort ?? 0, active: flag(o.active ?? true), created_at: now, updated_at: now,
      })
      .execute();
    ids.set(o.code, id);
  }
}

export async function orgIdsByCode(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organization').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function listOrganizations(db: Db, filter: { kind?: string; id?: string } = {}): Promise<Organization[]> {
  let q = db
    .selectFrom('organization as o')
    .leftJoin('organization as p', 'p.id', 'o.parent_id')
    .select([
      'o.id', 'o.code', 'o.name', 'o.full_name', 'o.name_en', 'o.kind', 'o.division_code', 'o.is_lead', 'o.active',
      'p.code as parent_code',
    ])
    .orderBy('o.sort')
    .orderBy('o.code');
  if (filter.kind) q = q.where('o.kind', '=', filter.kind);
  if (filter.id) q = q.where('o.id', '=', filter.id);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, fullName: r.full_name, nameEn: r.name_en,
    kind: r.kind as Organization['kind'], parentCode: r.parent_code, divisionCode: r.division_code,
    isLead: toBool(r.is_lead), active: toBool(r.active),
  }));
}
