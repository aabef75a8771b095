// Figures by enterprise size (tier: 龙头/骨干/专精特新/中小): no aggregate rows are kept for it, so the
// enterprises' own values are combined over the period as the aggregates combine them (constituents) and
// summed by tier, with the cells the confidentiality rule needs.
import { TIERS, TIER_LABELS, type Indicator } from '../../shared/statistics';
import { readsEnterprise, type ConfidentialCell } from '../confidentiality/suppression';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { enterpriseBase } from '../statistics/aggregate-cells';
import { constituents } from '../statistics/aggregate-queries';

export type SizeCell = ConfidentialCell & { absTotal: number };

export async function tierOf(deps: Deps): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const tier of TIERS) {
    const { items } = await deps.store.statistics.enterprises.list({ tier, limit: 1_000_000, offset: 0 });
    for (const e of items) out.set(e.orgId, tier);
  }
  return out;
}

export const tierName = (t: string) => TIER_LABELS[t as keyof typeof TIER_LABELS]?.zh ?? t;

/** Cells by tier for one indicator and period; null when the indicator is not made of enterprise figures. */
export async function sizeCells(deps: Deps, actor: Actor | null, ind: Indicator, inds: ReadonlyMap<string, Indicator>, period: string, tiers: ReadonlyMap<string, string>): Promise<SizeCell[] | null> {
  const base = enterpriseBase(ind, inds);
  const baseInd = base && inds.get(base.code);
  if (!base || !baseInd || ind.formula?.kind === 'ratio') return null;
  const c = constituents(baseInd, period);
  const st = deps.store.statistics;
  const [values, infos] = await Promise.all([st.valuesOf({ indicatorCodes: [base.code], periods: [c.direct, ...c.parts] }), st.orgInfos()]);
  const orgs = new Map([...infos.values()].map((o) => [o.orgId, o]));
  const byOrg = new Map<string, Map<string, number>>();
  for (const v of values) {
    let m = byOrg.get(v.orgId);
    if (!m) byOrg.set(v.orgId, (m = new Map()));
    m.set(v.period, v.value);
  }
  const cells = new Map<string, SizeCell>();
  for (const [orgId, m] of byOrg) {
    const org = orgs.get(orgId);
    const tier = tiers.get(orgId);
    if (!org || org.kind !== 'enterprise' || !tier || (base.seiOnly && !org.seiCounted)) continue;
    let v = m.get(c.direct);
    if (v === undefined) {
      const have = c.parts.map((p) => m.get(p)).filter((x): x is number => x !== undefined);
      if (!have.length || (c.combine === 'last' && m.get(c.parts[c.parts.length - 1]!) === undefined)) continue;
      v = c.combine === 'last' ? have[have.length - 1]! : have.reduce((a, b) => a + b, 0) / (c.combine === 'average' ? c.parts.length : 1);
    }
    v *= base.scale;
    let cell = cells.get(tier);
    if (!cell) cells.set(tier, (cell = { key: tier, n: 0, value: 0, largest: 0, absTotal: 0, exempt: true }));
    cell.n += 1;
    cell.value += v;
    cell.absTotal += Math.abs(v);
    cell.largest = Math.max(cell.largest, Math.abs(v));
    if (actor && !readsEnterprise(actor, { orgId, countyOrgId: org.countyOrgId })) cell.exempt = false;
  }
  return TIERS.filter((t) => cells.has(t)).map((t) => cells.get(t)!);
}
