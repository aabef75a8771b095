// Statistical confidentiality (统计法): one rule, used by every aggregate a role below statistician,
// coordinator or leader reads, and by the public page. A cell is primarily suppressed when fewer than
// MIN_CONTRIBUTORS enterprises make it up, or when one of them is more than DOMINANCE_SHARE of it
// (then the cell tells that enterprise's figure almost exactly). Complementary suppression: while the
// suppressed cells of one breakdown, taken together, would themselves fail the rule (the case of one
// suppressed cell, derivable as total − the rest, included), the next smallest visible cell is
// suppressed too. The total row of a breakdown is not a cell of it and stays.
import type { Actor } from '../policy';

export const MIN_CONTRIBUTORS = 3;
export const DOMINANCE_SHARE = 0.85;

export type SuppressionReason = 'few' | 'dominant' | 'complementary';

/** One cell of a breakdown as the rule needs it. */
export interface ConfidentialCell {
  key: string;
  /** How many enterprises contribute to the cell. */
  n: number;
  /** The cell's value (sum of the contributions). */
  value: number;
  /** The largest single contribution, as an absolute value. */
  largest: number;
  /** Sum of the contributions' absolute values (defaults to |value|); dominance is largest / absTotal. */
  absTotal?: number;
  /** The reader may see every enterprise behind this cell (its own enterprise, its own county): never suppressed, never a complement. */
  exempt?: boolean;
}

const absTotalOf = (c: ConfidentialCell) => c.absTotal ?? Math.abs(c.value);

/** Why a single cell must be suppressed on its own, or null. An empty cell (n = 0) has nothing to protect. */
export function primaryReason(c: Pick<ConfidentialCell, 'n' | 'value' | 'largest' | 'absTotal'>): 'few' | 'dominant' | null {
  if (c.n <= 0) return null;
  if (c.n < MIN_CONTRIBUTORS) return 'few';
  const total = c.absTotal ?? Math.abs(c.value);
  if (total > 0 && c.largest > DOMINANCE_SHARE * total) return 'dominant';
  return null;
}

/**
 * The cells of one breakdown to suppress, key → reason. Pure; the order of `cells` does not matter.
 * Exempt cells are never suppressed and never chosen as complements.
 */
export function suppressCells(cells: readonly ConfidentialCell[]): Map<string, SuppressionReason> {
  const out = new Map<string, SuppressionReason>();
  for (const c of cells) {
    if (c.exempt) continue;
    const r = primaryReason(c);
    if (r) out.set(c.key, r);
  }
  if (out.size === 0) return out;
  // Complements: smallest visible non-exempt, non-empty cells first (ties by key, so the answer is stable).
  const candidates = cells
    .filter((c) => !c.exempt && c.n > 0 && !out.has(c.key))
    .sort((a, b) => Math.abs(a.value) - Math.abs(b.value) || a.key.localeCompare(b.key));
  const union = (): ConfidentialCell => {
    const s = cells.filter((c) => out.has(c.key));
    return {
      key: '', n: s.reduce((a, c) => a + c.n, 0), value: s.reduce((a, c) => a + c.value, 0),
      largest: Math.max(0, ...s.map((c) => c.largest)), absTotal: s.reduce((a, c) => a + absTotalOf(c), 0),
    };
  };
  while (candidates.length && (out.size === 1 || primaryReason(union()))) out.set(candidates.shift()!.key, 'complementary');
  return out;
}

/**
 * Whether the actor may read single enterprises' figures (and so sees aggregates unsuppressed):
 * statisticians, coordinators and leaders, the administrator, and the system itself (no actor: the CLI).
 * Department, county and enterprise users get suppressed cells, except cells made only of what they may
 * read anyway (see `readsAllOf`). The public page has no actor role and must call `suppressCells` itself.
 */
export function seesEnterpriseFigures(actor: Actor | null): boolean {
  if (!actor) return true;
  return actor.role === 'statistician' || actor.role === 'coordinator' || actor.role === 'leader' || actor.role === 'admin';
}

/** Whether a restricted actor may read this enterprise's own figures: its own enterprise, or one in its county. */
export function readsEnterprise(actor: Actor, e: { orgId: string; countyOrgId: string | null }): boolean {
  if (!actor.orgId) return false;
  if (actor.role === 'enterprise') return e.orgId === actor.orgId;
  if (actor.role === 'county') return e.countyOrgId === actor.orgId;
  return false;
}
