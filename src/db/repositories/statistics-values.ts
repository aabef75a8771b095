// Data values, their audit, import batches, reports, reminders, outlier reviews and aggregates.
import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../core/ids';
import type { AggregateDelta } from '../../core/statistics/aggregates';
import type {
  AggregateRow, ExistingValue, ImportBatchRecord, ReportRecord, StoredValueRow, ValueAttributes, ValueAuditRow, ValueAuditWrite, ValueWrite, WriteMeta,
} from '../../core/statistics/ports';
import type { ValueStatus } from '../../shared/statistics';
import { toIso } from '../mappers';
import type { DB } from '../schema';
import { bulkInsert, isSqlite, pgUnnestInsert, sqliteColumnsInsert } from './bulk';

type Db = Kysely<DB> | Transaction<DB>;
const K = (o: string, i: string, p: string) => `${o}\u0001${i}\u0001${p}`;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function valuesAt(db: Db, pairs: { indicatorCode: string; period: string }[], orgIds?: ReadonlySet<string>): Promise<Map<string, ExistingValue>> {
  const byIndicator = new Map<string, string[]>();
  for (const p of pairs) {
    const list = byIndicator.get(p.indicatorCode) ?? [];
    list.push(p.period);
    byIndicator.set(p.indicatorCode, list);
  }
  const out = new Map<string, ExistingValue>();
  const orgList = orgIds && orgIds.size <= 500 ? [...orgIds] : null;
  for (const [code, periods] of byIndicator) {
    for (const ps of chunks([...new Set(periods)], 500)) {
      let q = db.selectFrom('data_value')
        .select(['org_id', 'period', 'value', 'status', 'source', 'row_version', 'comment'])
        .where('indicator_code', '=', code).where('period', 'in', ps);
      if (orgList) q = q.where('org_id', 'in', orgList);
      for (const r of await q.execute()) {
        if (orgIds && !orgIds.has(r.org_id)) continue;
        out.set(K(r.org_id, code, r.period), { value: Number(r.value), status: r.status as ValueStatus, source: r.source, rowVersion: Number(r.row_version), comment: r.comment });
      }
    }
  }
  return out;
}

export async function valuesOf(db: Db, f: { orgIds?: string[]; indicatorCodes?: string[]; fromPeriod?: string; toPeriod?: string; periods?: string[] }): Promise<StoredValueRow[]> {
  const run = async (orgIds: string[] | undefined) => {
    let q = db.selectFrom('data_value').select(['org_id', 'indicator_code', 'period', 'value', 'status', 'source', 'row_version', 'comment', 'source_url', 'source_type', 'reliability', 'updated_by', 'updated_at']);
    if (orgIds) q = q.where('org_id', 'in', orgIds);
    if (f.indicatorCodes) q = q.where('indicator_code', 'in', f.indicatorCodes);
    if (f.periods) q = q.where('period', 'in', f.periods);
    if (f.fromPeriod) q = q.where('period', '>=', f.fromPeriod);
    if (f.toPeriod) q = q.where('period', '<=', f.toPeriod);
    return q.orderBy('org_id').orderBy('indicator_code').orderBy('period').execute();
  };
  const rows = f.orgIds ? (await Promise.all(chunks(f.orgIds, 500).map(run))).flat() : await run(undefined);
  return rows.map((r) => ({
    orgId: r.org_id, indicatorCode: r.indicator_code, period: r.period, value: Number(r.value), status: r.status as ValueStatus,
    source: r.source, rowVersion: Number(r.row_version), comment: r.comment, sourceUrl: r.source_url, sourceType: r.source_type,
    reliability: r.reliability, updatedBy: r.updated_by, updatedAt: toIso(r.updated_at)!,
  }));
}

const VALUE_COLUMNS = ['org_id', 'indicator_code', 'period', 'year', 'value', 'status', 'source', 'batch_id', 'comment', 'source_url', 'source_type', 'reliability', 'row_version', 'updated_by', 'updated_at'];
const VALUE_UPSERT = {
  table: 'data_value',
  columns: VALUE_COLUMNS,
  onConflict: {
    target: ['org_id', 'indicator_code', 'period'],
    set: 'value = excluded.value, status = excluded.status, source = excluded.source, batch_id = excluded.batch_id, comment = excluded.comment, source_url = excluded.source_url, source_type = excluded.source_type, reliability = excluded.reliability, row_version = data_value.row_version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
  },
};
const AUDIT_COLUMNS = ['id', 'org_id', 'indicator_code', 'period', 'action', 'old_value', 'new_value', 'old_status', 'new_status', 'reason', 'source', 'batch_id', 'actor_id', 'actor_name', 'at'];

/** A full row to store outside an import (demo data, seeds, benchmarks): the value with its own attributes. */
export type ValueRowInput = ValueWrite & Pick<ValueAttributes, 'status' | 'source'> & Partial<Pick<ValueAttributes, 'sourceUrl' | 'sourceType' | 'reliability'>>;

export const valueRow = (w: ValueRowInput, meta: WriteMeta): unknown[] => [
  w.orgId, w.indicatorCode, w.period, w.year, w.value, w.status, w.source, meta.batchId, w.comment, w.sourceUrl ?? null,
  w.sourceType ?? null, w.reliability ?? null, 1, meta.actorName, meta.now,
];

/** Plain insert of new values (no conflict handling) — demo data and the benchmark baseline comparison. */
export async function insertValueRows(db: Db, rows: unknown[][]): Promise<void> {
  if (isSqlite(db)) return bulkInsert(db, { table: 'data_value', columns: VALUE_COLUMNS }, rows);
  const types = ['text', 'text', 'text', 'int4', 'float8', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int4', 'text', 'timestamptz'];
  await pgUnnestInsert(db, { table: 'data_value', arrays: VALUE_COLUMNS.map((column, i) => ({ column, type: types[i]! })), constants: [] }, VALUE_COLUMNS.map((_, c) => rows.map((r) => r[c])));
}

export async function writeValues(db: Db, writes: readonly ValueWrite[], attrs: ValueAttributes, audits: ValueAuditWrite[], meta: WriteMeta): Promise<{ conflicts: number }> {
  let conflicts = 0;
  const sqlite = isSqlite(db);
  // Versioned updates and deletes one by one (form edits: few); plain upserts in bulk — column by column on
  // SQLite (see sqliteColumnsInsert), unnest() on PostgreSQL.
  const n = writes.length;
  const orgIds: string[] = [], codes: string[] = [], periods: string[] = [], years: number[] = [], values: number[] = [], comments: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const w = writes[i]!;
    if (w.value == null) {
      let q = db.deleteFrom('data_value').where('org_id', '=', w.orgId).where('indicator_code', '=', w.indicatorCode).where('period', '=', w.period);
      if (w.expectedRowVersion != null) q = q.where('row_version', '=', w.expectedRowVersion);
      const r = await q.executeTakeFirst();
      if (w.expectedRowVersion != null && Number(r.numDeletedRows) !== 1) conflicts++;
    } else if (w.expectedRowVersion != null) {
      const r = await db.updateTable('data_value')
        .set((eb) => ({ value: w.value!, status: attrs.status, source: attrs.source, batch_id: meta.batchId, comment: w.comment, updated_by: meta.actorName, updated_at: meta.now, row_version: eb('row_version', '+', 1) }))
        .where('org_id', '=', w.orgId).where('indicator_code', '=', w.indicatorCode).where('period', '=', w.period)
        .where('row_version', '=', w.expectedRowVersion)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) conflicts++;
    } else {
      orgIds.push(w.orgId); codes.push(w.indicatorCode); periods.push(w.period); years.push(w.year); values.push(w.value); comments.push(w.comment);
    }
  }
  if (sqlite) {
    // Column order as VALUE_COLUMNS.
    await sqliteColumnsInsert(db, VALUE_UPSERT, orgIds.length, [
      { each: orgIds }, { each: codes }, { each: periods }, { each: years }, { each: values }, { all: attrs.status }, { all: attrs.source }, { all: meta.batchId },
      comments.every((c) => c === null) ? { all: null } : { each: comments }, { all: attrs.sourceUrl }, { all: attrs.sourceType }, { all: attrs.reliability },
      { all: 1 }, { all: meta.actorName }, { all: meta.now },
    ]);
  } else if (orgIds.length) {
    await pgUnnestInsert(db, {
      table: 'data_value',
      arrays: [{ column: 'org_id', type: 'text' }, { column: 'indicator_code', type: 'text' }, { column: 'period', type: 'text' }, { column: 'value', type: 'float8' }, { column: 'comment', type: 'text' }],
      constants: [
        { column: 'status', value: attrs.status, type: 'text' }, { column: 'source', value: attrs.source, type: 'text' }, { column: 'batch_id', value: meta.batchId, type: 'text' },
        { column: 'source_url', value: attrs.sourceUrl, type: 'text' }, { column: 'source_type', value: attrs.sourceType, type: 'text' },
        { column: 'reliability', value: attrs.reliability, type: 'text' }, { column: 'row_version', value: 1, type: 'int4' },
        { column: 'updated_by', value: meta.actorName, type: 'text' }, { column: 'updated_at', value: meta.now, type: 'timestamptz' },
      ],
      computed: [{ column: 'year', expr: 'substr(u.period, 1, 4)::int' }],
      onConflict: VALUE_UPSERT.onConflict,
    }, [orgIds, codes, periods, values, comments]);
  }
  await bulkInsert(db, { table: 'data_value_audit', columns: AUDIT_COLUMNS }, audits.map((a) => [
    newId(), a.orgId, a.indicatorCode, a.period, a.action, a.oldValue, a.newValue, a.oldStatus, a.newStatus, a.reason, a.source, meta.batchId, meta.actorId, meta.actorName, meta.now,
  ]));
  return { conflicts };
}

export async function setValueStatus(db: Db, keys: { orgId: string; indicatorCode: string; period: string }[], status: ValueStatus, meta: WriteMeta): Promise<void> {
  const audits: unknown[][] = [];
  for (const k of keys) {
    const old = await db.selectFrom('data_value').select(['status', 'value']).where('org_id', '=', k.orgId).where('indicator_code', '=', k.indicatorCode).where('period', '=', k.period).executeTakeFirst();
    if (!old || old.status === status) continue;
    await db.updateTable('data_value').set((eb) => ({ status, updated_by: meta.actorName, updated_at: meta.now, row_version: eb('row_version', '+', 1) }))
      .where('org_id', '=', k.orgId).where('indicator_code', '=', k.indicatorCode).where('period', '=', k.period).execute();
    audits.push([newId(), k.orgId, k.indicatorCode, k.period, 'status', Number(old.value), Number(old.value), old.status, status, null, null, meta.batchId, meta.actorId, meta.actorName, meta.now]);
  }
  await bulkInsert(db, { table: 'data_value_audit', columns: AUDIT_COLUMNS }, audits);
}

const AGG_COLUMNS = ['indicator_code', 'dim_kind', 'dim_key', 'period', 'value', 'n', 'matched_value', 'matched_prev', 'matched_n', 'demo_n'];
const AGG_UPSERT = {
  table: 'aggregate_value',
  columns: AGG_COLUMNS,
  onConflict: {
    target: ['indicator_code', 'dim_kind', 'dim_key', 'period'],
    set: 'value = aggregate_value.value + excluded.value, n = aggregate_value.n + excluded.n, matched_value = aggregate_value.matched_value + excluded.matched_value, matched_prev = aggregate_value.matched_prev + excluded.matched_prev, matched_n = aggregate_value.matched_n + excluded.matched_n, demo_n = aggregate_value.demo_n + excluded.demo_n',
  },
};

export async function applyAggregateDeltas(db: Db, deltas: AggregateDelta[]): Promise<void> {
  if (isSqlite(db)) {
    await bulkInsert(db, AGG_UPSERT, deltas.map((d) => [d.indicatorCode, d.dimKind, d.dimKey, d.period, d.value, d.n, d.matchedValue, d.matchedPrev, d.matchedN, d.demoN]));
    return;
  }
  const types = ['text', 'text', 'text', 'text', 'float8', 'int4', 'float8', 'float8', 'int4', 'int4'];
  await pgUnnestInsert(db, { table: 'aggregate_value', arrays: AGG_COLUMNS.map((column, i) => ({ column, type: types[i]! })), constants: [], onConflict: AGG_UPSERT.onConflict },
    [deltas.map((d) => d.indicatorCode), deltas.map((d) => d.dimKind), deltas.map((d) => d.dimKey), deltas.map((d) => d.period), deltas.map((d) => d.value), deltas.map((d) => d.n), deltas.map((d) => d.matchedValue), deltas.map((d) => d.matchedPrev), deltas.map((d) => d.matchedN), deltas.map((d) => d.demoN)]);
}

export async function aggregates(db: Db, f: { indicatorCodes: string[]; dimKind: string; dimKeys?: string[]; periods: string[] }): Promise<AggregateRow[]> {
  if (!f.indicatorCodes.length || !f.periods.length) return [];
  let q = db.selectFrom('aggregate_value').select(['indicator_code', 'dim_kind', 'dim_key', 'period', 'value', 'n', 'matched_value', 'matched_prev', 'matched_n', 'demo_n'])
    .where('indicator_code', 'in', f.indicatorCodes).where('dim_kind', '=', f.dimKind).where('period', 'in', f.periods);
  if (f.dimKeys) q = q.where('dim_key', 'in', f.dimKeys);
  return (await q.execute()).map((r) => ({
    indicatorCode: r.indicator_code, dimKind: r.dim_kind, dimKey: r.dim_key, period: r.period, value: Number(r.value), n: Number(r.n),
    matchedValue: Number(r.matched_value), matchedPrev: Number(r.matched_prev), matchedN: Number(r.matched_n), demoN: Number(r.demo_n),
  }));
}

export async function insertImportBatch(db: Db, b: ImportBatchRecord, meta: WriteMeta): Promise<void> {
  await db.insertInto('import_batch').values({
    id: b.id, file_name: b.fileName, sha256: b.sha256, format: b.format, source: b.source, rows: b.rows, inserted: b.inserted,
    updated: b.updated, unchanged: b.unchanged, actor_id: meta.actorId, actor_name: meta.actorName, at: meta.now,
  }).execute();
}

export async function valueAudit(db: Db, f: { orgId?: string; indicatorCode?: string; period?: string; limit: number }): Promise<ValueAuditRow[]> {
  let q = db.selectFrom('data_value_audit').select(['id', 'org_id', 'indicator_code', 'period', 'action', 'old_value', 'new_value', 'old_status', 'new_status', 'reason', 'source', 'actor_name', 'at'])
    .orderBy('id', 'desc').limit(f.limit);
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  if (f.indicatorCode) q = q.where('indicator_code', '=', f.indicatorCode);
  if (f.period) q = q.where('period', '=', f.period);
  return (await q.execute()).map((r) => ({
    id: r.id, orgId: r.org_id, indicatorCode: r.indicator_code, period: r.period, action: r.action as ValueAuditRow['action'],
    oldValue: r.old_value == null ? null : Number(r.old_value), newValue: r.new_value == null ? null : Number(r.new_value),
    oldStatus: r.old_status, newStatus: r.new_status, reason: r.reason, source: r.source, actorName: r.actor_name, at: toIso(r.at)!,
  }));
}

const reportColumns = ['dataset_code', 'org_id', 'period', 'status', 'submitted_at', 'submitted_by', 'reviewed_at', 'reviewed_by', 'approved_at', 'approved_by', 'returned_reason', 'row_version'] as const;

export async function reports(db: Db, f: { datasetCode?: string; periods: string[]; orgIds?: string[] }): Promise<ReportRecord[]> {
  if (!f.periods.length) return [];
  const out: ReportRecord[] = [];
  for (const ps of chunks(f.periods, 500)) {
    let q = db.selectFrom('report').select(reportColumns).where('period', 'in', ps);
    if (f.datasetCode) q = q.where('dataset_code', '=', f.datasetCode);
    if (f.orgIds) q = q.where('org_id', 'in', f.orgIds);
    for (const r of await q.execute()) {
      out.push({
        datasetCode: r.dataset_code, orgId: r.org_id, period: r.period, status: r.status as ValueStatus, submittedAt: toIso(r.submitted_at),
        submittedBy: r.submitted_by, reviewedAt: toIso(r.reviewed_at), reviewedBy: r.reviewed_by, approvedAt: toIso(r.approved_at),
        approvedBy: r.approved_by, returnedReason: r.returned_reason, rowVersion: Number(r.row_version),
      });
    }
  }
  return out;
}

export async function saveReport(db: Db, r: ReportRecord, expected: number, now: string): Promise<boolean> {
  const row = {
    status: r.status, submitted_at: r.submittedAt, submitted_by: r.submittedBy, reviewed_at: r.reviewedAt, reviewed_by: r.reviewedBy,
    approved_at: r.approvedAt, approved_by: r.approvedBy, returned_reason: r.returnedReason, updated_at: now,
  };
  if (expected === 0) {
    const res = await db.insertInto('report').values({ dataset_code: r.datasetCode, org_id: r.orgId, period: r.period, ...row })
      .onConflict((oc) => oc.columns(['org_id', 'dataset_code', 'period']).doNothing()).executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const res = await db.updateTable('report').set((eb) => ({ ...row, row_version: eb('row_version', '+', 1) }))
    .where('dataset_code', '=', r.datasetCode).where('org_id', '=', r.orgId).where('period', '=', r.period).where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertReminders(db: Db, rows: { datasetCode: string; orgId: string; period: string; message: string }[], meta: WriteMeta): Promise<void> {
  await bulkInsert(db, { table: 'reminder', columns: ['id', 'dataset_code', 'org_id', 'period', 'message', 'actor_id', 'actor_name', 'at'] },
    rows.map((r) => [newId(), r.datasetCode, r.orgId, r.period, r.message, meta.actorId, meta.actorName, meta.now]));
}

export async function listReminders(db: Db, f: { datasetCode: string; period: string }) {
  const rows = await db.selectFrom('reminder').select(['org_id', 'at', 'message', 'actor_name']).where('dataset_code', '=', f.datasetCode).where('period', '=', f.period).orderBy('at').execute();
  return rows.map((r) => ({ orgId: r.org_id, at: toIso(r.at)!, message: r.message, actorName: r.actor_name }));
}

export async function outlierReviews(db: Db, f: { periods: string[]; indicatorCodes?: string[] }) {
  if (!f.periods.length) return [];
  let q = db.selectFrom('outlier_review').select(['org_id', 'indicator_code', 'period', 'decision', 'value', 'note', 'actor_name', 'at']).where('period', 'in', f.periods);
  if (f.indicatorCodes) q = q.where('indicator_code', 'in', f.indicatorCodes);
  return (await q.execute()).map((r) => ({ orgId: r.org_id, indicatorCode: r.indicator_code, period: r.period, decision: r.decision, value: Number(r.value), note: r.note, actorName: r.actor_name, at: toIso(r.at)! }));
}

export async function saveOutlierReview(db: Db, r: { orgId: string; indicatorCode: string; period: string; decision: string; value: number; note: string | null }, meta: WriteMeta): Promise<void> {
  const row = { decision: r.decision, value: r.value, note: r.note, actor_name: meta.actorName, at: meta.now };
  await db.insertInto('outlier_review').values({ org_id: r.orgId, indicator_code: r.indicatorCode, period: r.period, ...row })
    .onConflict((oc) => oc.columns(['org_id', 'indicator_code', 'period']).doUpdateSet(row)).execute();
}
