// 领导小组审议: disbursement schedules, disbursements, files (evidence_file rows of entity review_*) and the
// facts of linked projects and industries.
import type { ReviewFileEntity, ReviewStore } from '../../core/review/ports';
import type { FileRef } from '../../shared/review';
import { toIso } from '../mappers';
import type { Db } from './versioned';

type FundsPart = Pick<ReviewStore, 'setSchedule' | 'schedules' | 'insertDisbursement' | 'disbursements' | 'getDisbursement' | 'attachFile' | 'filesOf' | 'getFile' | 'project' | 'industryName'>;

export const reviewFundsRepository = (db: Db): FundsPart => ({
  setSchedule: async (itemId, rows) => {
    await db.deleteFrom('review_fund_schedule').where('item_id', '=', itemId).execute();
    if (rows.length) await db.insertInto('review_fund_schedule').values(rows.map((r, i) => ({ id: r.id, item_id: itemId, due_on: r.dueOn, amount: r.amount, sort: i + 1 }))).execute();
  },
  schedules: async (itemIds) => {
    let q = db.selectFrom('review_fund_schedule').select(['id', 'item_id', 'due_on', 'amount']);
    if (itemIds) {
      if (itemIds.length === 0) return new Map();
      q = q.where('item_id', 'in', itemIds);
    }
    const out = new Map<string, { id: string; dueOn: string; amount: number }[]>();
    for (const r of await q.orderBy('due_on').orderBy('sort').execute()) out.set(r.item_id, [...(out.get(r.item_id) ?? []), { id: r.id, dueOn: r.due_on, amount: Number(r.amount) }]);
    return out;
  },
  insertDisbursement: async (itemId, d) => {
    await db.insertInto('review_disbursement').values({ id: d.id, item_id: itemId, paid_on: d.paidOn, amount: d.amount, voucher_ref: d.voucherRef, note: d.note, recorded_by: d.recordedBy, recorded_at: d.recordedAt }).execute();
  },
  disbursements: async (itemIds) => {
    let q = db.selectFrom('review_disbursement').select(['id', 'item_id', 'paid_on', 'amount', 'voucher_ref', 'note', 'recorded_by', 'recorded_at']);
    if (itemIds) {
      if (itemIds.length === 0) return new Map();
      q = q.where('item_id', 'in', itemIds);
    }
    const out = new Map<string, { id: string; paidOn: string; amount: number; voucherRef: string; note: string | null; recordedBy: string; recordedAt: string }[]>();
    for (const r of await q.orderBy('paid_on').orderBy('id').execute()) {
      out.set(r.item_id, [...(out.get(r.item_id) ?? []), { id: r.id, paidOn: r.paid_on, amount: Number(r.amount), voucherRef: r.voucher_ref, note: r.note, recordedBy: r.recorded_by, recordedAt: toIso(r.recorded_at) ?? '' }]);
    }
    return out;
  },
  getDisbursement: async (id) => {
    const r = await db.selectFrom('review_disbursement').select(['id', 'item_id', 'paid_on', 'amount', 'voucher_ref', 'note', 'recorded_by', 'recorded_at']).where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, itemId: r.item_id, paidOn: r.paid_on, amount: Number(r.amount), voucherRef: r.voucher_ref, note: r.note, recordedBy: r.recorded_by, recordedAt: toIso(r.recorded_at) ?? '' } : null;
  },
  attachFile: async (entity, entityId, f, id) => {
    await db.insertInto('evidence_file').values({
      id, entity, entity_id: entityId, file_name: f.fileName, content_type: f.contentType, size: f.size, sha256: f.sha256,
      content_base64: f.contentBase64, uploaded_by: f.uploadedBy, uploaded_at: f.uploadedAt,
    }).execute();
  },
  filesOf: async (entity, ids) => {
    const out = new Map<string, FileRef[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('evidence_file').select(['id', 'entity_id', 'file_name', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'])
        .where('entity', '=', entity).where('entity_id', 'in', ids.slice(i, i + 500)).orderBy('id').execute();
      for (const r of rows) {
        out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), { id: r.id, fileName: r.file_name, contentType: r.content_type, size: Number(r.size), sha256: r.sha256, uploadedBy: r.uploaded_by, uploadedAt: toIso(r.uploaded_at) ?? '' }]);
      }
    }
    return out;
  },
  getFile: async (id) => {
    const r = await db.selectFrom('evidence_file').select(['id', 'entity', 'entity_id', 'file_name', 'content_type', 'size', 'sha256', 'content_base64', 'uploaded_by', 'uploaded_at'])
      .where('id', '=', id).where('entity', 'in', ['review_item', 'review_disbursement']).executeTakeFirst();
    return r ? {
      id: r.id, entity: r.entity as ReviewFileEntity, entityId: r.entity_id, fileName: r.file_name, contentType: r.content_type, size: Number(r.size), sha256: r.sha256,
      contentBase64: r.content_base64, uploadedBy: r.uploaded_by, uploadedAt: toIso(r.uploaded_at) ?? '',
    } : null;
  },
  project: async (id) => {
    const r = await db.selectFrom('project').select(['id', 'name', 'county_org_id', 'industry_code']).where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, name: r.name, countyOrgId: r.county_org_id, industryCode: r.industry_code } : null;
  },
  industryName: async (code) => (await db.selectFrom('plan_industry').select('name').where('code', '=', code).executeTakeFirst())?.name ?? null,
});
