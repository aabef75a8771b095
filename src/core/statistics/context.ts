// Loads what validation needs (organisations, indicators, data sets, report statuses) in a few queries.
import { can, type Actor } from '../policy';
import { parsePeriod } from './periods';
import type { OrgInfo, ReportRecord, StatisticsStore } from './ports';
import { reportKey, type RawValueRow, type ValidationContext } from './validate-values';
import { normalizePeriod } from './periods';

/** The organisation whose ownership a role's 'own' scope is checked against: a county's for county users. */
export function ownerOf(actor: Actor, org: OrgInfo): string | null {
  return actor.role === 'county' ? org.countyOrgId : org.orgId;
}

export function canWriteValues(actor: Actor | null, org: OrgInfo): boolean {
  return !actor || can(actor, 'update', 'datavalue', ownerOf(actor, org));
}

export function canReadValues(actor: Actor | null, org: OrgInfo): boolean {
  return !actor || can(actor, 'read', 'datavalue', ownerOf(actor, org));
}

/** A validation context whose report statuses can be extended as further periods turn up (chunked imports). */
export interface LoadedContext extends ValidationContext {
  reports: Map<string, ReportRecord>;
  /** Periods whose report statuses are in `reports`. */
  reportPeriods: Set<string>;
}

/**
 * `orgCodes`: the organisation codes the rows name, when they are known and few (a form, an API call): only
 * those are read. Without it every organisation is (a file, read in chunks).
 */
export async function loadValidationContext(store: StatisticsStore, actor: Actor | null, rows: readonly Pick<RawValueRow, 'period'>[], now: Date, orgCodes?: readonly string[]): Promise<LoadedContext> {
  const [orgs, indicators, datasets] = await Promise.all([store.orgInfos(orgCodes ? { codes: orgCodes } : undefined), store.indicators(), store.datasets()]);
  const ctx: LoadedContext = {
    orgs,
    indicators: new Map(indicators.map((i) => [i.code, i])),
    datasets,
    reports: new Map(),
    reportPeriods: new Set(),
    canWrite: (org) => canWriteValues(actor, org),
    now,
  };
  await loadReportsFor(store, ctx, rows);
  return ctx;
}

/** Adds the report statuses of the periods these rows name that are not loaded yet. */
export async function loadReportsFor(store: StatisticsStore, ctx: LoadedContext, rows: readonly Pick<RawValueRow, 'period'>[]): Promise<void> {
  const raw = new Set<unknown>();
  for (const r of rows) raw.add(r.period);
  const periods = new Set<string>();
  for (const x of raw) {
    const p = x instanceof Date ? `${x.getUTCFullYear()}${String(x.getUTCMonth() + 1).padStart(2, '0')}` : normalizePeriod(String(x ?? ''));
    if (p && parsePeriod(p) && !ctx.reportPeriods.has(p)) periods.add(p);
  }
  if (!periods.size) return;
  for (const r of await store.reports({ periods: [...periods] })) ctx.reports.set(reportKey(r.datasetCode, r.orgId, r.period), r);
  for (const p of periods) ctx.reportPeriods.add(p);
}
