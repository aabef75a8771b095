// Loads what validation needs (organisations, indicators, data sets, report statuses) in a few queries.
import { can, type Actor } from '../policy';
import { parsePeriod } from './periods';
import type { OrgInfo, StatisticsStore } from './ports';
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

export async function loadValidationContext(store: StatisticsStore, actor: Actor | null, rows: Pick<RawValueRow, 'period'>[], now: Date): Promise<ValidationContext> {
  const [orgs, indicators, datasets] = await Promise.all([store.orgInfos(), store.indicators(), store.datasets()]);
  const raw = new Set<unknown>();
  for (const r of rows) raw.add(r.period);
  const periods = new Set<string>();
  for (const x of raw) {
    const p = x instanceof Date ? `${x.getUTCFullYear()}${String(x.getUTCMonth() + 1).padStart(2, '0')}` : normalizePeriod(String(x ?? ''));
    if (p && parsePeriod(p)) periods.add(p);
  }
  const reports = await store.reports({ periods: [...periods] });
  return {
    orgs,
    indicators: new Map(indicators.map((i) => [i.code, i])),
    datasets,
    reports: new Map(reports.map((r) => [reportKey(r.datasetCode, r.orgId, r.period), r])),
    canWrite: (org) => canWriteValues(actor, org),
    now,
  };
}
