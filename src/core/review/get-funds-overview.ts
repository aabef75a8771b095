// The funds overview: every approved item's figures and the totals by industry, county and year.
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { APPROVING, type FundsOverview } from '../../shared/review';
import { decisionDay, fundTotals, type FundInput } from './funds';

export async function getFundsOverview(deps: Deps, actor: Actor | null, asOf: string): Promise<FundsOverview> {
  if (actor) authorize(actor, 'read', 'review_fund');
  const items = (await deps.store.review.listItems({})).filter((i) => i.decision && APPROVING.includes(i.decision) && (i.amount ?? 0) > 0);
  const ids = items.map((i) => i.id);
  const [schedules, pays] = await Promise.all([deps.store.review.schedules(ids), deps.store.review.disbursements(ids)]);
  const inputs: FundInput[] = items.map((i) => ({
    id: i.id, amount: i.amount, decision: i.decision, decidedAt: decisionDay(i), industry: i.industry, county: i.county,
    schedule: schedules.get(i.id) ?? [], paid: pays.get(i.id) ?? [],
  }));
  const t = fundTotals(inputs, asOf);
  return {
    asOf, total: t.total, byIndustry: t.byIndustry, byCounty: t.byCounty, byYear: t.byYear,
    items: items.map((i) => ({ id: i.id, code: i.code, title: i.title, type: i.type, figures: t.figures.get(i.id)! })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}
