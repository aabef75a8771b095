// Writes validated values: diff against what is stored (unchanged values are not rewritten, so a
// re-import is idempotent), value audit, and the incremental aggregate deltas — inside the caller's
// transaction.
import type { ValueStatus } from '../../shared/statistics';
import { AppError } from '../app-error';
import { contributionTargets, deltasForChanges, type StoredValue } from './aggregates';
import { sameLastYear } from './periods';
import type { ExistingValue, StatisticsStore, ValueAttributes, ValueAuditWrite, ValueWrite, WriteMeta } from './ports';
import type { ValidValue } from './validate-values';

export interface WriteSummary {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface WriteOptions {
  source: string;
  status: ValueStatus;
  reason: string | null;
  meta: WriteMeta;
  /** Audit creations value by value too (form, API); file imports record creations in the import batch. */
  auditCreates: boolean;
  /** Row versions the writer read, by org\u0001indicator\u0001period (form edits); a mismatch is a CONFLICT. */
  expectedVersions?: ReadonlyMap<string, number | null>;
  dryRun?: boolean;
  reference?: { sourceUrl: string | null; sourceType: string | null; reliability: string | null };
  /**
   * Imports: a value whose number (and comment, when one is given) equals the stored one is left alone
   * whatever its status, source, reliability and URL — re-importing an export changes nothing. The form
   * rewrites an unchanged value of another status (a returned value saved again becomes a draft).
   */
  keepUnchanged?: boolean;
  /** Called after each written chunk (large imports show a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

const CHUNK = 50_000;

export const valueKey = (orgId: string, indicatorCode: string, period: string): string => `${orgId}\u0001${indicatorCode}\u0001${period}`;

function nextYearPeriod(period: string): string {
  return String(Number(period.slice(0, 4)) + 1) + period.slice(4);
}

/** Up to this many organisations a write reads their infos by id; beyond it, all in one query. */
const FEW_ORGS = 500;

export async function writeValues(store: StatisticsStore, values: ValidValue[], opts: WriteOptions): Promise<WriteSummary> {
  const summary: WriteSummary = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  if (!values.length) return summary;
  // Distinct (indicator, period) pairs first (a large file repeats them), then the same periods ± 1 year.
  const touched = new Map<string, Set<string>>();
  const orgIds = new Set<string>();
  for (const v of values) {
    orgIds.add(v.orgId);
    let ps = touched.get(v.indicatorCode);
    if (!ps) touched.set(v.indicatorCode, (ps = new Set()));
    ps.add(v.period);
  }
  const pairs: { indicatorCode: string; period: string }[] = [];
  for (const [indicatorCode, ps] of touched) {
    const all = new Set<string>();
    for (const p of ps) all.add(p).add(sameLastYear(p)).add(nextYearPeriod(p));
    for (const period of all) pairs.push({ indicatorCode, period });
  }
  const existing = await store.valuesAt(pairs, orgIds);

  const writes: ValueWrite[] = [];
  const audits: ValueAuditWrite[] = [];
  type Nested = Map<string, Map<string, Map<string, StoredValue | null>>>;
  const afterN: Nested = new Map();
  let so: string | undefined, si: string | undefined, sMap: Map<string, StoredValue | null> = new Map();
  const setAfter = (o: string, i: string, p: string, v: StoredValue | null) => {
    if (o !== so || i !== si) {
      let a = afterN.get(o);
      if (!a) afterN.set(o, (a = new Map()));
      let b = a.get(i);
      if (!b) a.set(i, (b = new Map()));
      so = o; si = i; sMap = b;
    }
    sMap.set(p, v);
  };
  const none = existing.size === 0;
  const attributes: ValueAttributes = {
    status: opts.status, source: opts.source,
    sourceUrl: opts.reference?.sourceUrl ?? null, sourceType: opts.reference?.sourceType ?? null, reliability: opts.reference?.reliability ?? null,
  };
  // What the aggregates see of a written value: its number and the write's source.
  const writtenDemo = opts.source === 'demo';
  const checkVersions = opts.expectedVersions !== undefined;
  for (const v of values) {
    const key = none && !checkVersions ? '' : valueKey(v.orgId, v.indicatorCode, v.period);
    const old = none ? undefined : existing.get(key);
    if (checkVersions && opts.expectedVersions!.has(key)) {
      const expected = opts.expectedVersions!.get(key) ?? null;
      if ((old?.rowVersion ?? null) !== expected) {
        throw new AppError('CONFLICT', {
          zh: `${v.indicatorCode} ${v.period} 已被他人修改（版本 ${old?.rowVersion ?? '无'}，您读取的是 ${expected ?? '无'}），请刷新后重试`,
          en: `${v.indicatorCode} ${v.period} was changed by someone else (version ${old?.rowVersion ?? 'none'}, you read ${expected ?? 'none'}); reload and retry`,
        });
      }
    }
    const sameComment = v.comment == null || v.comment === old?.comment;
    if (v.value == null) {
      if (!old) { summary.unchanged++; continue; }
      summary.deleted++;
      setAfter(v.orgId, v.indicatorCode, v.period, null);
      audits.push({ orgId: v.orgId, indicatorCode: v.indicatorCode, period: v.period, action: 'delete', oldValue: old.value, newValue: null, oldStatus: old.status, newStatus: null, reason: opts.reason, source: opts.source });
    } else if (old && old.value === v.value && sameComment && (opts.keepUnchanged || old.status === opts.status)) {
      summary.unchanged++;
      continue;
    } else if (old) {
      summary.updated++;
      audits.push({ orgId: v.orgId, indicatorCode: v.indicatorCode, period: v.period, action: 'update', oldValue: old.value, newValue: v.value, oldStatus: old.status, newStatus: opts.status, reason: opts.reason, source: opts.source });
    } else {
      summary.inserted++;
      if (opts.auditCreates) audits.push({ orgId: v.orgId, indicatorCode: v.indicatorCode, period: v.period, action: 'create', oldValue: null, newValue: v.value, oldStatus: null, newStatus: opts.status, reason: opts.reason, source: opts.source });
    }
    const expected = checkVersions ? opts.expectedVersions!.get(key) : undefined;
    // A new value is written as validated (no copy per value); a change keeps the stored comment unless a new one is given.
    const w: ValueWrite = !old
      ? v
      : { orgId: v.orgId, indicatorCode: v.indicatorCode, period: v.period, year: v.year, value: v.value, comment: v.comment ?? old.comment ?? null, ...(expected != null ? { expectedRowVersion: expected } : {}) };
    // The write itself is the value after the change (its value is what the aggregates need; source is the write's).
    if (w.value != null) setAfter(v.orgId, v.indicatorCode, v.period, writtenDemo ? { value: w.value, source: 'demo' } : (w as StoredValue));
    writes.push(w);
  }
  if (opts.dryRun || !writes.length) return summary;

  let conflicts = 0;
  for (let i = 0; i < writes.length; i += CHUNK) {
    conflicts += (await store.writeValues(writes.slice(i, i + CHUNK), attributes, i === 0 ? audits : [], opts.meta)).conflicts;
    opts.onProgress?.(Math.min(i + CHUNK, writes.length), writes.length);
  }
  if (conflicts) throw new AppError('CONFLICT');

  // A small write reads only its organisations (every enterprise per request grew with the directory).
  const orgsByCode = await store.orgInfos(orgIds.size <= FEW_ORGS ? { ids: [...orgIds] } : undefined);
  const orgs = new Map([...orgsByCode.values()].map((o) => [o.orgId, o]));
  const targets = contributionTargets(await store.indicators());
  // Nested maps (organisation → indicator → period): no key strings to build per lookup.
  const existingN: Nested = new Map();
  const nest = (k: string, v: ExistingValue) => {
    const [o, i, p] = k.split('\u0001') as [string, string, string];
    let a = existingN.get(o);
    if (!a) existingN.set(o, (a = new Map()));
    let b = a.get(i);
    if (!b) a.set(i, (b = new Map()));
    b.set(p, v);
  };
  for (const [k, v] of existing) nest(k, v);
  // The changes come grouped by organisation and indicator (file order): remember the last inner maps.
  let eo: string | undefined, ei: string | undefined, eMap: Map<string, StoredValue | null> | undefined;
  const existingOf = (o: string, i: string) => {
    if (o !== eo || i !== ei) { eo = o; ei = i; eMap = existingN.get(o)?.get(i); }
    return eMap;
  };
  let ao: string | undefined, ai: string | undefined, aMap: Map<string, StoredValue | null> | undefined;
  const afterOf = (o: string, i: string) => {
    if (o !== ao || i !== ai) { ao = o; ai = i; aMap = afterN.get(o)?.get(i); }
    return aMap;
  };
  const before = none ? (): StoredValue | undefined => undefined : (o: string, i: string, p: string): StoredValue | undefined => existingOf(o, i)?.get(p) ?? undefined;
  const afterLookup = (o: string, i: string, p: string): StoredValue | undefined => {
    const a = afterOf(o, i)?.get(p);
    if (a !== undefined) return a ?? undefined;
    return none ? undefined : existingOf(o, i)?.get(p) ?? undefined;
  };
  const isChanged = (o: string, i: string, p: string) => afterOf(o, i)?.has(p) ?? false;
  const deltas = deltasForChanges(writes, orgs, targets, before, afterLookup, isChanged);
  await store.applyAggregateDeltas(deltas);
  return summary;
}
