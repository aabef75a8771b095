// An item is implemented (已落实) when it has follow-up tasks and every one of them is closed (销号). Closure
// happens in 督查督办, which knows nothing of review items; so the item is settled whenever it is read
// (detail, list, the daily run) — the first read after the last closure moves it, with an audit row.
import type { Store } from '../ports';
import type { ReviewItem } from '../../shared/review';

export async function settleImplemented(store: Store, items: ReviewItem[], now: Date): Promise<ReviewItem[]> {
  const decided = items.filter((i) => i.status === 'decided');
  if (decided.length === 0) return items;
  const follow = await store.review.followUps(decided.map((i) => i.id));
  const ready: ReviewItem[] = [];
  for (const i of decided) {
    const ids = follow.get(i.id) ?? [];
    if (ids.length === 0) continue;
    const nodes = await Promise.all(ids.map((id) => store.supervision.getNode(id)));
    if (nodes.every((n) => n?.status === 'closed')) ready.push(i);
  }
  if (ready.length === 0) return items;
  const moved = new Map<string, ReviewItem>();
  await store.transaction(async (tx) => {
    for (const i of ready) {
      if (!(await tx.review.updateItem(i.id, i.rowVersion, { status: 'implemented' }, now.toISOString()))) continue; // someone else settled it
      await tx.audit.write({ actorId: null, actorName: 'system', action: 'implemented', entity: 'review_item', entityId: i.id, before: { status: 'decided' }, after: { status: 'implemented', reason: 'all follow-up tasks closed (销号)' } });
      moved.set(i.id, (await tx.review.getItem(i.id))!);
    }
  });
  return items.map((i) => moved.get(i.id) ?? i);
}
