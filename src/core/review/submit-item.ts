// 提交: the unit sends its draft to the leading group's office; it can then be put on an agenda.
import { parseInput } from '../parse-input';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { RowVersionSchema, type ReviewItem } from '../../shared/review';
import { actorId, actorName, authorizeOnItem, isDecided, ITEM_LABEL, loadItem, lockedDecided, stale, wrongState } from './common';

export async function submitItem(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<ReviewItem> {
  const { rowVersion } = parseInput(RowVersionSchema, raw);
  return deps.store.transaction(async (tx) => {
    const item = await loadItem(tx, id);
    authorizeOnItem(actor, 'update', 'review_item', item);
    if (isDecided(item.status)) throw lockedDecided(item);
    if (item.status !== 'draft') throw wrongState(item, ['draft'], { zh: '提交', en: 'submit' });
    if (!(await tx.review.updateItem(id, rowVersion, { status: 'submitted' }, now.toISOString()))) throw stale(ITEM_LABEL, item.code);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'submit', entity: 'review_item', entityId: id, before: { status: item.status }, after: { status: 'submitted' } });
    return loadItem(tx, id);
  });
}
