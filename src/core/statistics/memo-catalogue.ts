// One import reads the catalogue more than once: validation, the aggregate deltas and the rule checks each ask
// for the indicators, and each for the organisations the rows name. At a one-value data entry those repeated
// reads were a quarter of the write (≈ 0.7 of ≈ 3 ms, bench/data-entry.ts), all of it under the write lock.
// Within one import the answers are kept; an import writes values, never the catalogue.
import type { OrgInfo, StatisticsStore } from './ports';

type Only = { codes?: readonly string[]; ids?: readonly string[] };

/** What one import has read of the catalogue. */
export interface KeptCatalogue {
  reads: Map<string, Promise<unknown>>;
  orgAnswers: { only: Only | undefined; answer: Map<string, OrgInfo> }[];
}

export const keptCatalogue = (): KeptCatalogue => ({ reads: new Map(), orgAnswers: [] });

/**
 * `store` whose catalogue reads (indicators, data sets, rules, organisations) are each made once; `kept` may
 * be shared with a store of the same import after its commit.
 */
export function memoCatalogue(store: StatisticsStore, kept: KeptCatalogue = keptCatalogue()): StatisticsStore {
  const once = <R>(name: string, f: () => Promise<R>) => () => {
    let p = kept.reads.get(name) as Promise<R> | undefined;
    if (!p) kept.reads.set(name, (p = f()));
    return p;
  };
  const orgInfos = async (only?: Only): Promise<Map<string, OrgInfo>> => {
    for (const k of kept.orgAnswers) {
      const covered = coveredBy(k.answer, k.only, only);
      if (covered) return covered;
    }
    const answer = await store.orgInfos(only);
    kept.orgAnswers.push({ only, answer });
    return answer;
  };
  return {
    ...store,
    indicators: once('indicators', () => store.indicators()),
    datasets: once('datasets', () => store.datasets()),
    rules: once('rules', () => store.rules()),
    orgInfos,
  };
}

/**
 * The answer to `want` taken from an earlier answer, when that answer holds every organisation asked for: the
 * ones named and the city, as the store would have answered. Null when it does not.
 */
function coveredBy(answer: Map<string, OrgInfo>, had: Only | undefined, want: Only | undefined): Map<string, OrgInfo> | null {
  if (!want) return had ? null : answer;
  return pick(answer, want);
}

function pick(answer: Map<string, OrgInfo>, want: Only): Map<string, OrgInfo> | null {
  const codes = new Set(want.codes ?? []);
  const ids = new Set(want.ids ?? []);
  const out = new Map<string, OrgInfo>();
  const foundIds = new Set<string>();
  for (const [code, o] of answer) {
    if (o.kind === 'city' || codes.has(code) || ids.has(o.orgId)) out.set(code, o);
    if (ids.has(o.orgId)) foundIds.add(o.orgId);
  }
  for (const c of codes) if (!answer.has(c)) return null;
  return foundIds.size === ids.size ? out : null;
}
