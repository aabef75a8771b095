// The items list with filters (type, status, unit, year, words in code/title/summary/unit).
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { ItemListQuerySchema, type ReviewItem } from '../../shared/review';
import { settleImplemented } from './settle-implemented';

export async function listItems(deps: Deps, actor: Actor | null, raw: unknown, now: Date): Promise<ReviewItem[]> {
  if (actor) authorize(actor, 'read', 'review_item');
  const q = parseInput(ItemListQuerySchema, raw ?? {});
  const { status, ...rest } = q;
  // Settle first, then filter by status, so an item just implemented is listed as such.
  let items = await settleImplemented(deps.store, await deps.store.review.listItems(rest), now);
  if (status) items = items.filter((i) => i.status === status);
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    items = items.filter((i) => {
      const hay = [i.code, i.title, i.summary, i.submittingOrg.name, i.project?.name ?? '', i.industry?.name ?? ''].join(' ').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }
  return items;
}
