// Incremental aggregates (pure). Every stored value of an organisation contributes to one row per
// dimension it belongs to (city, county, park, plan industry, SEI category) and period:
//   value, n (1), matched_value / matched_prev / matched_n (when the same organisation also has the
//   same period a year earlier: 同口径), demo_n (1 for demo values).
// A write computes, for the keys it touches and the same periods a year later, the contribution
// before and after, and adds the difference to the aggregate rows — no scan of all values.
import type { Indicator } from '../../shared/statistics';
import { NO_KEY, PENDING_KEY } from '../../shared/statistics';
import { sameLastYear } from './periods';

export interface OrgDims {
  orgId: string;
  kind: string;
  code: string;
  cityCode: string | null;
  countyCode: string | null;
  parkCode: string | null;
  industryCode: string | null;
  seiL1: string | null;
  /** Counted as SEI: an SEI class, and for a `*` class confirmed. */
  seiCounted: boolean;
}

export interface StoredValue {
  value: number;
  /** 'demo' counts the value in demo_n; written values carry none unless the write's source is demo. */
  source?: string;
}

export interface AggregateDelta {
  indicatorCode: string;
  dimKind: string;
  dimKey: string;
  period: string;
  value: number;
  n: number;
  matchedValue: number;
  matchedPrev: number;
  matchedN: number;
  demoN: number;
}

export function dimsOf(org: OrgDims): [string, string][] {
  if (org.kind === 'city') return [['city', org.code]];
  if (org.kind === 'county' || org.kind === 'zone') return [['county', org.code]];
  if (org.kind !== 'enterprise') return [];
  // Every enterprise lands in one row of every dimension, so each breakdown adds up to the city total:
  // without a county, park, plan industry or SEI class it goes to 未分类 / 未入园 (NO_KEY), and an
  // enterprise of a partly-SEI (*) class not yet confirmed to 待确认 (PENDING_KEY).
  const d: [string, string][] = [];
  if (org.cityCode) d.push(['city', org.cityCode]);
  d.push(['county', org.countyCode ?? NO_KEY]);
  d.push(['park', org.parkCode ?? NO_KEY]);
  d.push(['industry', org.industryCode ?? NO_KEY]);
  d.push(['sei', org.seiL1 ? (org.seiCounted ? org.seiL1 : PENDING_KEY) : NO_KEY]);
  return d;
}

/** indicator code → the indicators a value of it contributes to, with their scale. */
export function contributionTargets(indicators: Iterable<Indicator>): Map<string, { code: string; scale: number; seiOnly: boolean }[]> {
  const out = new Map<string, { code: string; scale: number; seiOnly: boolean }[]>();
  const list = [...indicators];
  for (const i of list) {
    if (i.level === 'derived') continue;
    out.set(i.code, [{ code: i.code, scale: 1, seiOnly: false }]);
  }
  for (const i of list) {
    if (i.formula?.kind === 'sei_sum') out.get(i.formula.of)?.push({ code: i.code, scale: i.formula.scale, seiOnly: true });
  }
  return out;
}

type Bucket = { dimKind: string; dimKey: string; code: string; rows: (AggregateDelta | undefined)[] };
/** An indicator a value contributes to, with its scale (see contributionTargets). */
type Target = { code: string; scale: number; seiOnly: boolean };

type Sums = { period: string; value: number; n: number; matchedValue: number; matchedPrev: number; matchedN: number; demoN: number };
/** Organisations with the same dimensions share a group per target indicator: a value is added once to its group, and the group's sums go to each dimension bucket at the end. */
type Group = { buckets: Bucket[]; rows: (Sums | undefined)[] };

/** Accumulates deltas keyed by indicator|dim|key|period. */
export class DeltaAccumulator {
  /** prefix (indicator|dim|key) → period → row; nested maps avoid building a key string per value. */
  private readonly byPrefix = new Map<string, Bucket>();
  /** indicator + the organisation's dimensions → its group. */
  private readonly groupsByKey = new Map<string, Group>();
  /** Per organisation and target indicator: its group (computed once). */
  private readonly groupOf = new WeakMap<OrgDims, Map<string, Group>>();
  /** Period → small integer: rows are arrays indexed by it (one map lookup per add, not per bucket). */
  private readonly periodIds = new Map<string, number>();

  private lastOrg: OrgDims | undefined;
  private lastTargets: readonly Target[] | undefined;
  private lastGroups: Group[] = [];

  /** The group of each target for an organisation; the last answer is reused (changes come grouped by organisation and indicator). */
  private groupsFor(org: OrgDims, targets: readonly Target[]): Group[] {
    if (org === this.lastOrg && targets === this.lastTargets) return this.lastGroups;
    this.lastOrg = org;
    this.lastTargets = targets;
    this.lastGroups = targets.map((t) => this.groupFor(org, t.code));
    return this.lastGroups;
  }

  private groupFor(org: OrgDims, code: string): Group {
    let byCode = this.groupOf.get(org);
    if (!byCode) this.groupOf.set(org, (byCode = new Map()));
    let group = byCode.get(code);
    if (!group) {
      const dims = dimsOf(org);
      const key = `${code}\u0002${dims.map(([k, v]) => `${k}\u0001${v}`).join('\u0002')}`;
      group = this.groupsByKey.get(key);
      if (!group) {
        const buckets = dims.map(([dimKind, dimKey]) => {
          const prefix = `${code}\u0001${dimKind}\u0001${dimKey}`;
          let b = this.byPrefix.get(prefix);
          if (!b) this.byPrefix.set(prefix, (b = { dimKind, dimKey, code, rows: [] }));
          return b;
        });
        this.groupsByKey.set(key, (group = { buckets, rows: [] }));
      }
      byCode.set(code, group);
    }
    return group;
  }

  add(org: OrgDims, targets: readonly Target[], period: string, cur: StoredValue | undefined, prev: StoredValue | undefined, sign: 1 | -1): void {
    if (!cur) return;
    const demo = cur.source === 'demo' ? sign : 0;
    let pid = this.periodIds.get(period);
    if (pid === undefined) this.periodIds.set(period, (pid = this.periodIds.size));
    const groups = this.groupsFor(org, targets);
    for (let ti = 0; ti < targets.length; ti++) {
      const t = targets[ti]!;
      if (t.seiOnly && !(org.kind === 'enterprise' && org.seiCounted)) continue;
      const v = cur.value * t.scale * sign;
      const g = groups[ti]!;
      let r = g.rows[pid];
      if (r === undefined) {
        r = { period, value: 0, n: 0, matchedValue: 0, matchedPrev: 0, matchedN: 0, demoN: 0 };
        while (g.rows.length < pid) g.rows.push(undefined);
        g.rows[pid] = r;
      }
      r.value += v;
      r.n += sign;
      if (prev !== undefined) {
        r.matchedValue += v;
        r.matchedPrev += prev.value * t.scale * sign;
        r.matchedN += sign;
      }
      r.demoN += demo;
    }
  }

  /** Moves the groups' sums into their dimension buckets. */
  private flush(): void {
    for (const g of this.groupsByKey.values()) {
      for (let pid = 0; pid < g.rows.length; pid++) {
        const s = g.rows[pid];
        if (s === undefined) continue;
        for (const b of g.buckets) {
          let r = b.rows[pid];
          if (r === undefined) {
            r = { indicatorCode: b.code, dimKind: b.dimKind, dimKey: b.dimKey, period: s.period, value: 0, n: 0, matchedValue: 0, matchedPrev: 0, matchedN: 0, demoN: 0 };
            while (b.rows.length < pid) b.rows.push(undefined);
            b.rows[pid] = r;
          }
          r.value += s.value;
          r.n += s.n;
          r.matchedValue += s.matchedValue;
          r.matchedPrev += s.matchedPrev;
          r.matchedN += s.matchedN;
          r.demoN += s.demoN;
        }
      }
      g.rows = [];
    }
  }

  /** Rows whose every field nets to zero are dropped. */
  result(): AggregateDelta[] {
    this.flush();
    const out: AggregateDelta[] = [];
    for (const b of this.byPrefix.values()) {
      for (const r of b.rows) {
        if (r === undefined) continue;
        if (r.n !== 0 || r.matchedN !== 0 || r.demoN !== 0 || Math.abs(r.value) > 1e-12 || Math.abs(r.matchedValue) > 1e-12 || Math.abs(r.matchedPrev) > 1e-12) out.push(r);
      }
    }
    return out;
  }
}

/** 201903 → 201803, 2019Q1 → 2018Q1, 2019 → 2018 (string arithmetic; periods are validated before). */
const prevCache = new Map<string, string>();
const nextCache = new Map<string, string>();
const yearShift = (period: string, n: 1 | -1): string => {
  const cache = n === 1 ? nextCache : prevCache;
  let s = cache.get(period);
  if (s === undefined) {
    s = String(Number(period.slice(0, 4)) + n) + period.slice(4);
    if (cache.size > 10_000) cache.clear();
    cache.set(period, s);
  }
  return s;
};

export type ValueLookup = (orgId: string, indicatorCode: string, period: string) => StoredValue | undefined;

/**
 * Deltas for changed keys: for each changed (org, indicator, period) the contribution of that period and
 * of the same period one year later (whose 同口径 part depends on it), before minus after.
 */
export function deltasForChanges(
  changed: { orgId: string; indicatorCode: string; period: string }[],
  orgs: ReadonlyMap<string, OrgDims>,
  targets: ReadonlyMap<string, { code: string; scale: number; seiOnly: boolean }[]>,
  before: ValueLookup,
  after: ValueLookup,
  /** Whether (org, indicator, period) is itself among the changes (then it is handled as such). */
  isChanged: (orgId: string, indicatorCode: string, period: string) => boolean,
): AggregateDelta[] {
  const acc = new DeltaAccumulator();
  for (const c of changed) {
    const org = orgs.get(c.orgId);
    const t = targets.get(c.indicatorCode);
    if (!org || !t) continue;
    const prevP = yearShift(c.period, -1);
    const b = before(c.orgId, c.indicatorCode, c.period);
    if (b) acc.add(org, t, c.period, b, before(c.orgId, c.indicatorCode, prevP), -1);
    const a = after(c.orgId, c.indicatorCode, c.period);
    if (a) acc.add(org, t, c.period, a, after(c.orgId, c.indicatorCode, prevP), 1);
    // The same period a year later: its 同口径 part depends on this value (unless it changed too).
    const next = yearShift(c.period, 1);
    if (isChanged(c.orgId, c.indicatorCode, next)) continue;
    const nb = before(c.orgId, c.indicatorCode, next);
    const na = after(c.orgId, c.indicatorCode, next);
    if (nb) acc.add(org, t, next, nb, b, -1);
    if (na) acc.add(org, t, next, na, a, 1);
  }
  return acc.result();
}

/** Contributions of all given values of organisations (full rebuild, or moving an organisation between dimensions with sign −1/+1). */
export function contributionsOf(
  values: { orgId: string; indicatorCode: string; period: string; value: number; source: string }[],
  orgs: ReadonlyMap<string, OrgDims>,
  targets: ReadonlyMap<string, { code: string; scale: number; seiOnly: boolean }[]>,
  sign: 1 | -1,
  acc: DeltaAccumulator = new DeltaAccumulator(),
): DeltaAccumulator {
  const index = new Map<string, StoredValue>();
  for (const v of values) index.set(`${v.orgId}\u0001${v.indicatorCode}\u0001${v.period}`, v);
  for (const v of values) {
    const org = orgs.get(v.orgId);
    const t = targets.get(v.indicatorCode);
    if (!org || !t) continue;
    acc.add(org, t, v.period, v, index.get(`${v.orgId}\u0001${v.indicatorCode}\u0001${sameLastYear(v.period)}`), sign);
  }
  return acc;
}
