// The cells behind an aggregate, enterprise by enterprise, for the confidentiality rule: how many
// enterprises make up each dimension key of a period, the largest one, and whether the reader may see
// all of them anyway. Only computed for readers the rule applies to (the stored aggregate rows carry
// sums, not the largest contribution).
import type { DimKind, Indicator } from '../../shared/statistics';
import { readsEnterprise, suppressCells, type ConfidentialCell, type SuppressionReason } from '../confidentiality/suppression';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { dimsOf } from './aggregates';
import { constituents } from './aggregate-queries';

type Cell = ConfidentialCell & { absTotal: number };

/** The enterprise-level indicator an indicator sums, with its scale; null when it is not made of enterprise figures. */
export function enterpriseBase(ind: Indicator, inds: ReadonlyMap<string, Indicator>): { code: string; scale: number; seiOnly: boolean } | null {
  if (ind.formula?.kind === 'sei_sum') return { code: ind.formula.of, scale: ind.formula.scale, seiOnly: true };
  if (ind.formula?.kind === 'ratio') { const num = inds.get(ind.formula.numerator); return num ? enterpriseBase(num, inds) : null; }
  if (ind.formula || ind.level !== 'enterprise') return null;
  return { code: ind.code, scale: 1, seiOnly: false };
}

/**
 * Per period, the cells of every key of the dimension (keys passed through `mapKey`, e.g. to a division
 * vintage), built from the enterprises' own values combined over the period as the aggregates are.
 */
export async function enterpriseCells(
  deps: Deps, actor: Actor, ind: Indicator, inds: ReadonlyMap<string, Indicator>, dim: DimKind, periods: string[], mapKey: (key: string) => string,
): Promise<Map<string, Cell[]>> {
  const out = new Map<string, Cell[]>();
  const base = enterpriseBase(ind, inds);
  const baseInd = base && inds.get(base.code);
  if (!base || !baseInd) return out;
  const st = deps.store.statistics;
  const parts = new Map(periods.map((p) => [p, constituents(baseInd, p)]));
  const needed = new Set<string>();
  for (const c of parts.values()) { needed.add(c.direct); for (const x of c.parts) needed.add(x); }
  const [values, infos] = await Promise.all([st.valuesOf({ indicatorCodes: [base.code], periods: [...needed] }), st.orgInfos()]);
  const orgs = new Map([...infos.values()].filter((o) => o.kind === 'enterprise').map((o) => [o.orgId, o]));
  const byOrg = new Map<string, Map<string, number>>();
  for (const v of values) {
    if (!orgs.has(v.orgId)) continue;
    let m = byOrg.get(v.orgId);
    if (!m) byOrg.set(v.orgId, (m = new Map()));
    m.set(v.period, v.value);
  }
  for (const period of periods) {
    const c = parts.get(period)!;
    const cells = new Map<string, Cell>();
    for (const [orgId, m] of byOrg) {
      const org = orgs.get(orgId)!;
      if (base.seiOnly && !org.seiCounted) continue;
      let v = m.get(c.direct);
      if (v === undefined) {
        const have = c.parts.map((p) => m.get(p)).filter((x): x is number => x !== undefined);
        if (!have.length || (c.combine === 'last' && m.get(c.parts[c.parts.length - 1]!) === undefined)) continue;
        v = c.combine === 'last' ? have[have.length - 1]! : have.reduce((a, b) => a + b, 0) / (c.combine === 'average' ? c.parts.length : 1);
      }
      v *= base.scale;
      const raw = dimsOf(org).find(([k]) => k === dim)?.[1];
      if (raw === undefined) continue;
      const key = mapKey(raw);
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { key, n: 0, value: 0, largest: 0, absTotal: 0, exempt: true }));
      cell.n += 1;
      cell.value += v;
      cell.absTotal += Math.abs(v);
      cell.largest = Math.max(cell.largest, Math.abs(v));
      if (!readsEnterprise(actor, { orgId, countyOrgId: org.countyOrgId })) cell.exempt = false;
    }
    out.set(period, [...cells.values()]);
  }
  return out;
}

/** Per period, the suppressed keys of the breakdown and why. */
export function suppressionByPeriod(cells: Map<string, ConfidentialCell[]>): Map<string, Map<string, SuppressionReason>> {
  return new Map([...cells].map(([p, cs]) => [p, suppressCells(cs)]));
}
