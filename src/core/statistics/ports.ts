// What the statistics use-cases need from storage (implemented in src/db/repositories/statistics-*.ts).
import type { Dataset, Enterprise, EnterprisePage, HistoryEntry, Indicator, IndicatorRanges, ReportState, ValidationRule, ValueAuditEntry, ValueStatus } from '../../shared/statistics';
import type { AggregateDelta, OrgDims } from './aggregates';
import type { DivisionRecord } from './divisions';

export type { Dataset };

export interface OrgInfo extends OrgDims {
  name: string;
  /** The county organisation an enterprise belongs to (a county's own id). */
  countyOrgId: string | null;
  active: boolean;
  demo: boolean;
  /** An enterprise's search key (name, full pinyin, initials, code; src/db/search-key.ts), for list searches. */
  searchKey?: string | null;
}

export interface ReportRecord extends ReportState {
  datasetCode: string;
  orgId: string;
  period: string;
}

export interface ExistingValue {
  value: number;
  status: ValueStatus;
  source: string;
  rowVersion: number;
  comment: string | null;
}

/** One value to write. What all values of one write share (status, source, reference) is in ValueAttributes. */
export interface ValueWrite {
  orgId: string;
  indicatorCode: string;
  period: string;
  year: number;
  /** null deletes the value. */
  value: number | null;
  comment: string | null;
  /** When given, the update only applies to this row version (else CONFLICT). */
  expectedRowVersion?: number;
}

/** The attributes every value of one write shares: kept once per write, not once per value (imports write millions). */
export interface ValueAttributes {
  status: ValueStatus;
  source: string;
  sourceUrl: string | null;
  sourceType: string | null;
  reliability: string | null;
}

/** A value-audit row to write: the entry as listed, keyed by organisation id; who and when come from WriteMeta. */
export type ValueAuditWrite = Omit<ValueAuditEntry, 'id' | 'orgCode' | 'actorName' | 'at'> & { orgId: string };

export interface WriteMeta {
  actorId: string | null;
  actorName: string;
  now: string;
  batchId: string | null;
}

export interface ImportBatchRecord {
  id: string;
  fileName: string | null;
  sha256: string | null;
  format: string;
  source: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface StoredValueRow {
  orgId: string;
  indicatorCode: string;
  period: string;
  value: number;
  status: ValueStatus;
  source: string;
  rowVersion: number;
  comment: string | null;
  sourceUrl: string | null;
  sourceType: string | null;
  reliability: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface ValueAuditRow extends ValueAuditWrite {
  id: string;
  actorName: string;
  at: string;
}

/** A stored aggregate row: the sums the deltas add up to. */
export type AggregateRow = AggregateDelta;

export interface EnterpriseFilter {
  q?: string;
  countyCode?: string;
  countyOrgId?: string;
  orgId?: string;
  planIndustryCode?: string;
  seiL1?: string;
  tier?: string;
  parkCode?: string;
  aboveScale?: boolean;
  highTech?: boolean;
  active?: boolean;
  limit: number;
  offset: number;
}

export interface EnterpriseRow {
  orgId: string;
  uscc: string;
  name: string;
  countyOrgId: string;
  parkCode: string | null;
  industryCode: string | null;
  seiL1: string | null;
  seiL2: string | null;
  seiPartial: boolean;
  seiConfirmed: boolean;
  planIndustryCode: string | null;
  tier: string;
  aboveScale: boolean;
  highTech: boolean;
  active: boolean;
  demo: boolean;
}

export interface StatisticsStore {
  indicators(): Promise<Indicator[]>;
  insertIndicator(i: Indicator, now: string): Promise<void>;
  /** Sets an indicator's plausibility ranges at the row version read; false when it changed meanwhile. */
  updateIndicatorRanges(code: string, ranges: IndicatorRanges, expectedRowVersion: number, now: string): Promise<boolean>;
  datasets(): Promise<Dataset[]>;
  /** Every organisation by code, with the dimensions enterprises aggregate into. */
  /**
   * Organisations by code. With `only`, just those codes or ids (and the city, which every info names): a
   * small write needs a few, and reading every enterprise per request grew with the directory.
   */
  orgInfos(only?: { codes?: readonly string[]; ids?: readonly string[] }): Promise<Map<string, OrgInfo>>;
  reports(filter: { datasetCode?: string; periods: string[]; orgIds?: string[] }): Promise<ReportRecord[]>;
  /** Stored values at the given indicator × period pairs (optionally only of some organisations), keyed org\u0001indicator\u0001period. */
  valuesAt(pairs: { indicatorCode: string; period: string }[], orgIds?: ReadonlySet<string>): Promise<Map<string, ExistingValue>>;
  /** Values of organisations for indicators within [fromPeriod, toPeriod] (string order). */
  valuesOf(filter: { orgIds?: string[]; indicatorCodes?: string[]; fromPeriod?: string; toPeriod?: string; periods?: string[] }): Promise<StoredValueRow[]>;
  /** Bulk upsert/delete plus value-audit rows. Writes with expectedRowVersion update only that version; returns how many of those missed. */
  writeValues(writes: readonly ValueWrite[], attributes: ValueAttributes, audits: ValueAuditWrite[], meta: WriteMeta): Promise<{ conflicts: number }>;
  setValueStatus(keys: { orgId: string; indicatorCode: string; period: string }[], status: ValueStatus, meta: WriteMeta): Promise<void>;
  applyAggregateDeltas(deltas: AggregateDelta[]): Promise<void>;
  aggregates(filter: { indicatorCodes: string[]; dimKind: string; dimKeys?: string[]; periods: string[] }): Promise<AggregateRow[]>;
  insertImportBatch(b: ImportBatchRecord, meta: WriteMeta): Promise<void>;
  /** Inserts (expectedRowVersion 0) or updates the report; false when the version did not match. */
  saveReport(r: ReportRecord, expectedRowVersion: number, now: string): Promise<boolean>;
  valueAudit(filter: { orgId?: string; indicatorCode?: string; period?: string; limit: number }): Promise<ValueAuditRow[]>;
  insertReminders(rows: { datasetCode: string; orgId: string; period: string; message: string }[], meta: WriteMeta): Promise<void>;
  reminders(filter: { datasetCode: string; period: string }): Promise<{ orgId: string; at: string; message: string; actorName: string }[]>;
  insertDataset(d: Omit<Dataset, 'rowVersion'>, now: string): Promise<void>;
  /** Updates names, deadline, expiry and replaces the indicator list, only at that row version (false otherwise). */
  updateDataset(d: Omit<Dataset, 'rowVersion'>, expectedRowVersion: number, now: string): Promise<boolean>;
  /** Deletes the data set, its indicator list and its reminders at that row version (false otherwise); values stay. */
  deleteDataset(code: string, expectedRowVersion: number): Promise<boolean>;
  /** How many reports (any status) exist for a data set. */
  datasetReportCount(code: string): Promise<number>;
  rules(): Promise<ValidationRule[]>;
  upsertRule(rule: ValidationRule, now: string): Promise<void>;
  outlierReviews(filter: { periods: string[]; indicatorCodes?: string[] }): Promise<{ orgId: string; indicatorCode: string; period: string; decision: string; value: number; note: string | null; actorName: string; at: string }[]>;
  saveOutlierReview(r: { orgId: string; indicatorCode: string; period: string; decision: string; value: number; note: string | null }, meta: WriteMeta): Promise<void>;
  seiCategoryNames(): Promise<Map<string, string>>;
  /** The county-level divisions with both vintages (reference table `division`). */
  divisions(): Promise<DivisionRecord[]>;
  /** code → name of the organisations of some kinds (city, county, zone). */
  orgNames(kinds: string[]): Promise<Map<string, string>>;
  /** Audit-log entries of one record (enterprise history). */
  history(entity: string, entityId: string): Promise<HistoryEntry[]>;
  enterprises: {
    /** A page in list order; the count stops after ENTERPRISE_COUNT_CAP matches (totalCapped). */
    list(filter: EnterpriseFilter): Promise<EnterprisePage>;
    get(orgIdOrUscc: string): Promise<Enterprise | null>;
    raw(orgId: string): Promise<EnterpriseRow | null>;
    insert(e: EnterpriseRow & { countyCode: string }, now: string): Promise<void>;
    /** Inserts many new enterprises in batched statements (the import path). */
    insertMany(rows: (EnterpriseRow & { countyCode: string })[], now: string): Promise<void>;
    /** Stored rows with their row versions, by organisation id (missing ids are left out). */
    rawMany(orgIds: string[]): Promise<Map<string, EnterpriseRow & { rowVersion: number }>>;
    update(e: EnterpriseRow, expectedRowVersion: number, now: string): Promise<boolean>;
    seiMapping(industryCode: string): Promise<{ seiL1: string; seiL2: string | null; partial: boolean }[]>;
    industryClassName(code: string): Promise<string | null>;
    /** Plan industries of the default plan with their SEI level-2 categories. */
    planIndustries(): Promise<{ code: string; name: string; seiCategories: string[] }[]>;
    /** How many enterprises are registered in a park (a park in use cannot be deleted). */
    countInPark(parkId: string): Promise<number>;
  };
}
