// 领导小组审议 funds of registry projects: for each project named by an approved review item, the approved
// amount, the amount paid, and the schedule and payments as monthly fund rows (source 领导小组审议 + code),
// which the project's funds light counts beside its own rows.
import type { ProjectReviewFunds } from '../../shared/registries';
import type { Db } from './versioned';

const month = (iso: string) => iso.slice(0, 4) + iso.slice(5, 7);

export async function reviewFundsOfProjects(db: Db, projectIds: string[]): Promise<Map<string, ProjectReviewFunds>> {
  const out = new Map<string, ProjectReviewFunds>();
  if (projectIds.length === 0) return out;
  const items: { id: string; code: string; title: string; project_id: string | null; amount: number | null }[] = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    items.push(...(await db.selectFrom('review_item').select(['id', 'code', 'title', 'project_id', 'amount'])
      .where('project_id', 'in', projectIds.slice(i, i + 500)).where('decision', 'in', ['approved', 'conditional']).orderBy('code').execute()));
  }
  if (items.length === 0) return out;
  const ids = items.map((i) => i.id);
  const [schedule, paid] = await Promise.all([
    db.selectFrom('review_fund_schedule').select(['item_id', 'due_on', 'amount']).where('item_id', 'in', ids).orderBy('due_on').execute(),
    db.selectFrom('review_disbursement').select(['item_id', 'paid_on', 'amount']).where('item_id', 'in', ids).orderBy('paid_on').execute(),
  ]);
  for (const it of items) {
    const f = out.get(it.project_id!) ?? { approved: 0, paid: 0, items: [], rows: [] };
    const source = `领导小组审议 ${it.code}`;
    f.approved += Number(it.amount ?? 0);
    f.items.push({ id: it.id, code: it.code, title: it.title });
    for (const s of schedule.filter((x) => x.item_id === it.id)) f.rows.push({ source, period: month(s.due_on), planned: Number(s.amount), disbursed: 0 });
    for (const p of paid.filter((x) => x.item_id === it.id)) {
      f.paid += Number(p.amount);
      f.rows.push({ source, period: month(p.paid_on), planned: 0, disbursed: Number(p.amount) });
    }
    out.set(it.project_id!, f);
  }
  return out;
}
