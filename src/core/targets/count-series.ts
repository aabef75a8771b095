// Count targets are counted from the registries, not from statistics: which indicator counts what,
// and the year-end series of those counts (for the trend chart and the growth rate).
import { countParks, countPlatforms } from '../registries/count-registries';
import type { Store } from '../ports';
import type { AnnualValue } from './ports';
import { endOfYear } from './time-progress';

export const COUNT_INDICATORS: Record<string, 'platform' | 'park'> = {
  PLATFORMS_PROVINCIAL_PLUS: 'platform',
  SEI_PARKS: 'park',
};

const SOURCE = {
  platform: { zh: '创新平台登记（省级以上，有效）', en: 'innovation platform register' },
  park: { zh: '园区基地登记（已认定）', en: 'park register' },
} as const;

export interface CountSeries {
  series: AnnualValue[];
  countAsOf: { value: number; demo: boolean; source: string };
}

/** Year-end counts from `fromYear` up to the last year ended by `asOf`, and the count on `asOf` itself. */
export async function countSeries(store: Store, what: 'platform' | 'park', fromYear: number, asOf: string): Promise<CountSeries> {
  const records = what === 'platform' ? await store.registries.platforms.list() : await store.registries.parks.list();
  const count = (d: string) => (what === 'platform' ? countPlatforms(records as Parameters<typeof countPlatforms>[0], d) : countParks(records as Parameters<typeof countParks>[0], d));
  // A figure is demo when any record it counts carries demo data.
  const demo = records.some((r) => r.demo);
  const source = `${SOURCE[what].zh} / ${SOURCE[what].en}`;
  const reliability = demo ? ('demo' as const) : ('reported' as const);
  const series: AnnualValue[] = [];
  for (let y = fromYear; endOfYear(y) <= asOf; y++) {
    series.push({ period: String(y), year: y, value: count(endOfYear(y)), demo, source, reliability });
  }
  return { series, countAsOf: { value: count(asOf), demo, source } };
}
