// One computation of the targets list reads the same things more than once (a ratio's numerator is also a
// target of its own; the periods behind a figure serve its shares and its missing reporters). Within one
// computation the answers are kept, so each is read once; the next computation starts afresh.
import type { TargetsStore } from './ports';

export function memoTargets(store: TargetsStore): TargetsStore {
  const kept = new Map<string, Promise<unknown>>();
  const memo = <A extends unknown[], R>(name: string, f: (...a: A) => Promise<R>) => (...a: A): Promise<R> => {
    const key = `${name}\u0001${JSON.stringify(a)}`;
    let p = kept.get(key) as Promise<R> | undefined;
    if (!p) kept.set(key, (p = f(...a)));
    return p;
  };
  return {
    ofPlan: memo('ofPlan', store.ofPlan),
    byId: memo('byId', store.byId),
    cityAnnualSeries: memo('cityAnnualSeries', store.cityAnnualSeries),
    citySource: memo('citySource', store.citySource),
    cityStatusRows: memo('cityStatusRows', store.cityStatusRows),
    cityPeriods: memo('cityPeriods', store.cityPeriods),
    cityMissingIn: memo('cityMissingIn', store.cityMissingIn),
    cityValuesOf: memo('cityValuesOf', store.cityValuesOf),
    enterpriseBounds: memo('enterpriseBounds', store.enterpriseBounds),
  };
}
