// One published indicator's city or county figures on the public page. Served only when that exact item
// (indicator, dimension, period) is published. Computed for the public reader, so every cell goes through
// the confidentiality rule (src/core/confidentiality/suppression.ts): a cell from fewer than 3 enterprises
// or with one enterprise above 85 % is suppressed, and complementary suppression leaves no suppressed
// cell derivable as the total minus the visible cells. A suppressed cell is null with its reason (never 0,
// never its year-on-year rate, which with last year's figure would give the value back).
import { PublicAggregateQuerySchema, type PublicAggregate, type PublicCell } from '../../shared/publication';
import type { AggregateResultRow } from '../../shared/statistics';
import { DOMINANCE_SHARE, MIN_CONTRIBUTORS } from '../confidentiality/suppression';
import { parseInput } from '../parse-input';
import type { Deps } from '../ports';
import { getAggregates } from '../statistics/aggregate-queries';
import { PUBLIC_READER } from './common';
import { notPublished } from './public-targets';

const cell = (r: AggregateResultRow): PublicCell => {
  const suppressed = r.confidential?.reason ?? null;
  return { key: r.key, name: r.name, value: suppressed ? null : r.value, yoy: suppressed ? null : r.yoy, suppressed };
};

export async function publicAggregate(deps: Deps, raw: unknown): Promise<PublicAggregate> {
  const q = parseInput(PublicAggregateQuerySchema, raw);
  if (!(await deps.store.publication.find({ kind: 'aggregate', indicatorCode: q.indicator, dim: q.dim, period: q.period }))) throw notPublished();
  const a = await getAggregates(deps, PUBLIC_READER, { indicator: q.indicator, dim: q.dim, period: q.period });
  return {
    indicator: { code: a.indicator.code, name: a.indicator.name, unit: a.indicator.unit }, dim: q.dim, period: a.period,
    rows: a.rows.map(cell),
    total: a.total ? cell(a.total) : null,
    rule: { minContributors: MIN_CONTRIBUTORS, dominanceShare: DOMINANCE_SHARE },
  };
}
