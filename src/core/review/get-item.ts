// One item with its attachments, follow-up tasks (light, closure), funds, the meetings it was on, its
// amendments and its history (the audit rows of the item).
import { authorize, type Actor } from '../policy';
import type { Deps, Store } from '../ports';
import type { Light, ReviewItem, ReviewItemDetail } from '../../shared/review';
import { loadItem } from './common';
import { approvedAmount, fundFigures } from './funds';
import { settleImplemented } from './settle-implemented';

export async function followUpTasks(store: Store, ids: string[]): Promise<ReviewItemDetail['followUps']> {
  const nodes = await Promise.all(ids.map((id) => store.supervision.getNode(id)));
  return nodes.filter((n) => n !== null).map((n) => {
    const lead = n.units.find((u) => u.role === 'lead') ?? n.assignment?.org ?? null;
    return { taskId: n.id, code: n.code, title: n.title, lead: lead ? { id: lead.id, code: lead.code, name: lead.name } : null, dueOn: n.dueOn, status: n.status, light: n.light.light as Light, percentDone: n.percentDone };
  });
}

export async function itemDetail(store: Store, item: ReviewItem, asOf: string): Promise<ReviewItemDetail> {
  const [files, follow, schedules, pays, agenda, amendments, audit] = await Promise.all([
    store.review.filesOf('review_item', [item.id]), store.review.followUps([item.id]), store.review.schedules([item.id]), store.review.disbursements([item.id]),
    store.review.agendaOfItem(item.id), store.review.amendmentsOf(item.id), store.audit.list({ entity: 'review_item', entityId: item.id, limit: 200, offset: 0 }),
  ]);
  const disb = pays.get(item.id) ?? [];
  const evidence = await store.review.filesOf('review_disbursement', disb.map((d) => d.id));
  const schedule = schedules.get(item.id) ?? [];
  return {
    ...item,
    attachments: files.get(item.id) ?? [],
    followUps: await followUpTasks(store, follow.get(item.id) ?? []),
    schedule,
    disbursements: disb.map((d) => ({ ...d, evidence: evidence.get(d.id) ?? [] })),
    funds: fundFigures(approvedAmount(item), schedule, disb, asOf),
    meetings: agenda.map((a) => ({ meetingId: a.meetingId, title: a.meetingTitle, heldOn: a.heldOn, decision: a.decision, conditions: a.conditions })),
    history: audit.entries.map((e) => ({ at: e.at, actor: e.actorName, action: e.action, detail: e.after })).sort((a, b) => a.at.localeCompare(b.at)),
    amendments,
  };
}

export async function getItem(deps: Deps, actor: Actor | null, id: string, asOf: string, now: Date): Promise<ReviewItemDetail> {
  if (actor) authorize(actor, 'read', 'review_item');
  const [item] = await settleImplemented(deps.store, [await loadItem(deps.store, id)], now);
  return itemDetail(deps.store, item!, asOf);
}
