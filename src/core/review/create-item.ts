// A unit drafts a review item (草稿) in its own name; the coordinator may draft for any unit. An amendment
// names the decided item it changes (decided items themselves never change).
import { newId } from '../ids';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { ItemCreateSchema, type ReviewItem } from '../../shared/review';
import { actorId, actorName, isDecided, loadItem, nextCode } from './common';
import { checkItemLinks } from './item-links';

export async function createItem(deps: Deps, actor: Actor | null, raw: unknown, now: Date, opts: { demo?: boolean } = {}): Promise<ReviewItem> {
  const input = parseInput(ItemCreateSchema, raw);
  if (actor) authorize(actor, 'create', 'review_item', input.submittingOrgId);
  return deps.store.transaction(async (tx) => {
    const w = await checkItemLinks(tx, {
      type: input.type, title: input.title, submittingOrgId: input.submittingOrgId, summary: input.summary, amount: input.amount ?? null,
      projectId: input.projectId ?? null, supervisionTaskId: input.supervisionTaskId ?? null, industryCode: input.industryCode ?? null, countyOrgId: input.countyOrgId ?? null,
    });
    if (input.amendsItemId) {
      const base = await loadItem(tx, input.amendsItemId);
      if (!isDecided(base.status)) {
        throw new AppError('VALIDATION', { zh: `只能变更已审议的事项：${base.code}（${base.status}）`, en: `only a decided item can be amended: ${base.code} is ${base.status}` }, [{ path: 'amendsItemId', message: 'not decided' }]);
      }
    }
    const id = newId(now.getTime());
    const code = await nextCode(tx, 'review_item', `审议-${now.toISOString().slice(0, 4)}-`);
    await tx.review.insertItem({ ...w, id, code, amendsItemId: input.amendsItemId ?? null, createdBy: actorName(actor), demo: opts.demo ?? false }, now.toISOString());
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'create', entity: 'review_item', entityId: id, after: { code, ...w, amendsItemId: input.amendsItemId ?? null } });
    return loadItem(tx, id);
  });
}
