import { describe, expect, it } from 'vitest';
import { BUILTIN_INDICATORS } from './catalogue';
import { contributionTargets, contributionsOf, deltasForChanges, dimsOf, type AggregateDelta, type OrgDims, type StoredValue } from './aggregates';

const org = (orgId: string, county: string, sei: boolean): OrgDims => ({
  orgId, kind: 'enterprise', code: orgId, cityCode: '130500', countyCode: county, parkCode: null, industryCode: 'new-materials', seiL1: '3', seiCounted: sei,
});
const orgs = new Map([org('a', '130528', true), org('b', '130528', false), org('c', '130582', true)].map((o) => [o.orgId, o]));
const targets = contributionTargets(BUILTIN_INDICATORS);
type V = { orgId: string; indicatorCode: string; period: string; value: number; source: string };
const key = (d: Pick<AggregateDelta, 'indicatorCode' | 'dimKind' | 'dimKey' | 'period'>) => `${d.indicatorCode}|${d.dimKind}|${d.dimKey}|${d.period}`;

function apply(table: Map<string, AggregateDelta>, deltas: AggregateDelta[]) {
  for (const d of deltas) {
    const r = table.get(key(d)) ?? { ...d, value: 0, n: 0, matchedValue: 0, matchedPrev: 0, matchedN: 0, demoN: 0 };
    r.value += d.value; r.n += d.n; r.matchedValue += d.matchedValue; r.matchedPrev += d.matchedPrev; r.matchedN += d.matchedN; r.demoN += d.demoN;
    table.set(key(d), r);
  }
}
const round = (x: number) => Math.round(x * 1e6) / 1e6 + 0; // + 0 turns −0 into 0
const nonZero = (t: Map<string, AggregateDelta>) =>
  new Map([...t].filter(([, r]) => r.n || r.matchedN || Math.abs(r.value) > 1e-9).map(([k, r]) => [k, { v: round(r.value), n: r.n, mv: round(r.matchedValue), mp: round(r.matchedPrev), mn: r.matchedN }]));

describe('incremental aggregates', () => {
  it('puts enterprises in their dimensions; SEI sums only for counted ones', () => {
    expect(dimsOf(orgs.get('a')!)).toEqual([['city', '130500'], ['county', '130528'], ['park', '_none'], ['industry', 'new-materials'], ['sei', '3']]);
    // An unconfirmed partly-SEI enterprise is in the 待确认 row of the SEI dimension, so it still adds up.
    expect(dimsOf(orgs.get('b')!)).toEqual([['city', '130500'], ['county', '130528'], ['park', '_none'], ['industry', 'new-materials'], ['sei', '_pending']]);
    expect(dimsOf({ ...orgs.get('a')!, countyCode: null, industryCode: null, seiL1: null })).toEqual([['city', '130500'], ['county', '_none'], ['park', '_none'], ['industry', '_none'], ['sei', '_none']]);
    expect(targets.get('REVENUE')!.map((t) => t.code)).toEqual(['REVENUE', 'SEI_REVENUE']);
  });

  it('a sequence of inserts, updates and deletes ends where a full rebuild does (同口径 included)', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const stored = new Map<string, V>();
    const table = new Map<string, AggregateDelta>();
    const periods = ['201812', '201912', '202012', '201906', '202006'];
    for (let step = 0; step < 300; step++) {
      const changes: V[] = [];
      const deletes = new Set<string>();
      for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) {
        const v: V = { orgId: ['a', 'b', 'c'][Math.floor(rnd() * 3)]!, indicatorCode: rnd() < 0.5 ? 'REVENUE' : 'VALUE_ADDED', period: periods[Math.floor(rnd() * periods.length)]!, value: Math.round(rnd() * 1000), source: rnd() < 0.3 ? 'demo' : 'file' };
        const k2 = `${v.orgId}|${v.indicatorCode}|${v.period}`;
        if (changes.some((c) => `${c.orgId}|${c.indicatorCode}|${c.period}` === k2)) continue;
        if (rnd() < 0.2 && stored.has(k2)) deletes.add(k2);
        changes.push(v);
      }
      const before = new Map(stored);
      for (const c of changes) {
        const k2 = `${c.orgId}|${c.indicatorCode}|${c.period}`;
        if (deletes.has(k2)) stored.delete(k2);
        else stored.set(k2, c);
      }
      const look = (m: Map<string, V>) => (o: string, i: string, p: string): StoredValue | undefined => m.get(`${o}|${i}|${p}`);
      const changedKeys = new Set(changes.map((c) => `${c.orgId}|${c.indicatorCode}|${c.period}`));
      apply(table, deltasForChanges(changes, orgs, targets, look(before), look(stored), (o, i, p) => changedKeys.has(`${o}|${i}|${p}`)));
    }
    const full = new Map<string, AggregateDelta>();
    apply(full, contributionsOf([...stored.values()], orgs, targets, 1).result());
    expect(nonZero(table)).toEqual(nonZero(full));
    expect(full.size).toBeGreaterThan(20);
  });
});
