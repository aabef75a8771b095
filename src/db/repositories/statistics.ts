// The StatisticsStore port over Kysely (see src/core/statistics/ports.ts).
import type { Kysely, Transaction } from 'kysely';
import type { StatisticsStore } from '../../core/statistics/ports';
import type { DB } from '../schema';
import * as ent from './enterprises';
import * as entBulk from './enterprises-bulk';
import * as cat from './statistics-catalogue';
import * as val from './statistics-values';
import { listAuditOf } from './statistics-history';

export function statisticsRepository(db: Kysely<DB> | Transaction<DB>): StatisticsStore {
  return {
    indicators: () => cat.listIndicators(db),
    insertIndicator: (i, now) => cat.insertIndicator(db, i, now),
    updateIndicatorRanges: (code, r, v, now) => cat.updateIndicatorRanges(db, code, r, v, now),
    datasets: () => cat.listDatasets(db),
    orgInfos: (only) => cat.orgInfos(db, only),
    reports: (f) => val.reports(db, f),
    valuesAt: (pairs, orgIds) => val.valuesAt(db, pairs, orgIds),
    valuesOf: (f) => val.valuesOf(db, f),
    writeValues: (w, attrs, a, m) => val.writeValues(db, w, attrs, a, m),
    setValueStatus: (k, s, m) => val.setValueStatus(db, k, s, m),
    applyAggregateDeltas: (d) => val.applyAggregateDeltas(db, d),
    aggregates: (f) => val.aggregates(db, f),
    insertImportBatch: (b, m) => val.insertImportBatch(db, b, m),
    saveReport: (r, v, now) => val.saveReport(db, r, v, now),
    valueAudit: (f) => val.valueAudit(db, f),
    insertReminders: (r, m) => val.insertReminders(db, r, m),
    reminders: (f) => val.listReminders(db, f),
    insertDataset: (d, now) => cat.insertDataset(db, d, now),
    updateDataset: (d, v, now) => cat.updateDataset(db, d, v, now),
    deleteDataset: (code, v) => cat.deleteDataset(db, code, v),
    datasetReportCount: (code) => cat.datasetReportCount(db, code),
    rules: () => cat.listRules(db),
    upsertRule: (r, now) => cat.upsertRule(db, r, now),
    outlierReviews: (f) => val.outlierReviews(db, f),
    saveOutlierReview: (r, m) => val.saveOutlierReview(db, r, m),
    history: (entity, id) => listAuditOf(db, entity, id),
    orgNames: async (kinds) => new Map((await db.selectFrom('organization').select(['code', 'name']).where('kind', 'in', kinds).execute()).map((r) => [r.code, r.name])),
    seiCategoryNames: async () => new Map((await db.selectFrom('sei_category').select(['code', 'name']).execute()).map((r) => [r.code, r.name])),
    divisions: async () => (await db.selectFrom('division').select(['code', 'name', 'status_after_2020', 'code_2020', 'name_2020', 'notes']).orderBy('code').execute())
      .map((r) => ({ code: r.code, name: r.name, status: r.status_after_2020, code2020: r.code_2020, name2020: r.name_2020, notes: r.notes })),
    enterprises: {
      list: (f) => ent.listEnterprises(db, f),
      get: (k) => ent.getEnterprise(db, k),
      raw: (id) => ent.rawEnterprise(db, id),
      insert: (e, now) => ent.insertEnterprise(db, e, now),
      insertMany: (rows, now) => entBulk.insertEnterprises(db, rows, now),
      rawMany: (ids) => entBulk.rawEnterprises(db, ids),
      update: (e, v, now) => ent.updateEnterprise(db, e, v, now),
      seiMapping: (c) => ent.seiMapping(db, c),
      industryClassName: (c) => ent.industryClassName(db, c),
      planIndustries: () => ent.defaultPlanIndustries(db),
      countInPark: (parkId) => ent.countInPark(db, parkId),
    },
  };
}
