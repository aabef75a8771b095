// DATABASE_READ_URL: which reads go to the streaming replica. Only reads that feed dashboards and may lag
// the primary by the replication delay (typically milliseconds): the stored aggregates (aggregates API,
// dashboards, the target assessments' enterprise sums) and the city series behind the targets. Everything
// else — sessions, permission checks, anything inside a transaction, reads before a write — stays on the
// primary, so a user never acts on a stale row version.
import type { Kysely } from 'kysely';
import type { Store } from '../core/ports';
import { getCityAnnualSeries } from './repositories/city-series';
import { cityIndicatorSource, cityPeriods, cityMissingIn, cityStatusRows, cityValuesOf, enterpriseBounds } from './repositories/city-status';
import { aggregates } from './repositories/statistics-values';
import type { DB } from './schema';

export const REPLICA_READS = [
  'statistics.aggregates',
  'targets.cityAnnualSeries',
  'targets.citySource',
  'targets.cityStatusRows',
  'targets.cityPeriods',
  'targets.cityMissingIn',
  'targets.enterpriseBounds',
  'targets.cityValuesOf',
] as const;

/** The store with the REPLICA_READS answered by `read`; its transactions (and their stores) use the primary. */
export function withReplicaReads(store: Store, read: Kysely<DB>): Store {
  return {
    ...store,
    statistics: { ...store.statistics, aggregates: (f) => aggregates(read, f) },
    targets: {
      ...store.targets,
      cityAnnualSeries: (code) => getCityAnnualSeries(read, code),
      citySource: (code) => cityIndicatorSource(read, code),
      cityStatusRows: (code, periods, range) => cityStatusRows(read, code, periods, range),
      cityPeriods: (code) => cityPeriods(read, code),
      cityMissingIn: (code, period, previousYear, range) => cityMissingIn(read, code, period, previousYear, range),
      enterpriseBounds: (size) => enterpriseBounds(read, size),
      cityValuesOf: (code, ids, year) => cityValuesOf(read, code, ids, year),
    },
  };
}
