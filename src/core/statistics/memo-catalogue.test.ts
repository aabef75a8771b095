import { describe, expect, it } from 'vitest';
import { keptCatalogue, memoCatalogue } from './memo-catalogue';
import type { OrgInfo, StatisticsStore } from './ports';

const org = (code: string, orgId: string, kind = 'enterprise'): OrgInfo => ({
  orgId, code, name: code, kind, cityCode: 'CITY', countyCode: null, countyOrgId: null, parkCode: null, industryCode: null,
  seiL1: null, seiCounted: false, active: true, demo: false, searchKey: null,
} as OrgInfo);
const ALL = [org('CITY', 'c', 'city'), org('A', 'a'), org('B', 'b'), org('C', 'c2')];

/** A store answering orgInfos as the repository does (the city always included), counting its reads. */
function countingStore() {
  const calls: string[] = [];
  const store = {
    indicators: async () => { calls.push('indicators'); return []; },
    datasets: async () => { calls.push('datasets'); return []; },
    rules: async () => { calls.push('rules'); return []; },
    orgInfos: async (only?: { codes?: readonly string[]; ids?: readonly string[] }) => {
      calls.push(`orgInfos ${JSON.stringify(only ?? null)}`);
      return new Map(ALL.filter((o) => !only || o.kind === 'city' || only.codes?.includes(o.code) || only.ids?.includes(o.orgId)).map((o) => [o.code, o]));
    },
  } as unknown as StatisticsStore;
  return { store, calls };
}

describe('the catalogue kept through one import', () => {
  it('reads indicators, data sets and rules once, also across a store shared after the commit', async () => {
    const { store, calls } = countingStore();
    const kept = keptCatalogue();
    const inTx = memoCatalogue(store, kept);
    await Promise.all([inTx.indicators(), inTx.indicators(), inTx.datasets(), inTx.rules()]);
    await memoCatalogue(store, kept).indicators();
    expect(calls).toEqual(['indicators', 'datasets', 'rules']);
  });

  it('answers organisations from an earlier answer that holds them, as the store would', async () => {
    const { store, calls } = countingStore();
    const m = memoCatalogue(store);
    const byCode = await m.orgInfos({ codes: ['A', 'B'] });
    expect([...byCode.keys()].sort()).toEqual(['A', 'B', 'CITY']);
    const byId = await m.orgInfos({ ids: ['a'] });
    expect([...byId.keys()].sort()).toEqual(['A', 'CITY']);
    expect(calls).toHaveLength(1);
    // Not held: asked of the store.
    const other = await m.orgInfos({ ids: ['c2'] });
    expect([...other.keys()].sort()).toEqual(['C', 'CITY']);
    const unknown = await m.orgInfos({ codes: ['NOPE'] });
    expect([...unknown.keys()]).toEqual(['CITY']);
    expect(calls).toHaveLength(3);
    // Every organisation was never read: a request for all of them goes to the store.
    expect((await m.orgInfos()).size).toBe(4);
    expect(calls).toHaveLength(4);
    expect((await m.orgInfos({ ids: ['b', 'c2'] })).size).toBe(3);
    expect(calls).toHaveLength(4);
  });
});
