// Edits a draft or submitted item (its unit or the coordinator). Once scheduled the agenda holds it; once
// decided it is immutable (LOCKED) and changes go into a new item that amends it.
import { parseInput } from '../parse-input';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { ItemUpdateSchema, type ReviewItem } from '../../shared/review';
import { actorId, actorName, authorizeOnItem, isDecided, ITEM_LABEL, loadItem, lockedDecided, stale, wrongState } from './common';
import { checkItemLinks } from './item-links';

export async function updateItem(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<ReviewItem> {
  const input = parseInput(ItemUpdateSchema, raw);
  return deps.store.transaction(async (tx) => {
    const item = await loadItem(tx, id);
    authorizeOnItem(actor, 'update', 'review_item', item);
    if (isDecided(item.status)) throw lockedDecided(item);
    if (item.status !== 'draft' && item.status !== 'submitted') throw wrongState(item, ['draft', 'submitted'], { zh: '修改', en: 'edit' });
    const before = {
      type: item.type, title: item.title, submittingOrgId: item.submittingOrg.id, summary: item.summary, amount: item.amount, projectId: item.project?.id ?? null,
      supervisionTaskId: item.supervisionTask?.id ?? null, industryCode: item.industry?.code ?? null, countyOrgId: item.county?.id ?? null,
    };
    const { rowVersion, ...patch } = input;
    const merged = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as typeof before;
    // Moving the item to another unit needs the right on that unit too.
    if (merged.submittingOrgId !== before.submittingOrgId) authorizeOnItem(actor, 'update', 'review_item', { submittingOrg: { id: merged.submittingOrgId, code: '', name: '' } });
    const w = await checkItemLinks(tx, merged);
    if (!(await tx.review.updateItem(id, rowVersion, w, now.toISOString()))) throw stale(ITEM_LABEL, item.code);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'update', entity: 'review_item', entityId: id, before, after: w });
    return loadItem(tx, id);
  });
}
