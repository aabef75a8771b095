// Funds of an approved item: the disbursement schedule (拨付计划, replaced as a whole by the coordinator)
// and the disbursements (拨付记录: date, amount, voucher reference) recorded by the coordinator or the
// item's unit. Only approved items carry funds; payments above the approved amount are refused.
import { newId } from '../ids';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { APPROVING, DisbursementSchema, FundScheduleSchema, type ReviewItem, type ReviewItemDetail } from '../../shared/review';
import { actorId, actorName, authorizeOnItem, ITEM_LABEL, loadItem, stale } from './common';
import { approvedAmount, decisionDay } from './funds';
import { itemDetail } from './get-item';

function approvedOrRefuse(item: ReviewItem): number {
  const approved = approvedAmount(item);
  if (!item.decision || !APPROVING.includes(item.decision) || approved <= 0) {
    throw new AppError('CONFLICT', { zh: `事项 ${item.code} 未获通过或没有核定金额，不能安排资金`, en: `item ${item.code} is not approved or has no approved amount; no funds to schedule or pay` }, [{ path: 'itemId', message: 'not approved' }]);
  }
  return approved;
}

const sum = (xs: { amount: number }[]) => Math.round(xs.reduce((s, x) => s + x.amount, 0) * 100) / 100;

export async function setFundSchedule(deps: Deps, actor: Actor | null, itemId: string, raw: unknown, now: Date): Promise<ReviewItemDetail> {
  if (actor) authorize(actor, 'update', 'review_fund');
  const input = parseInput(FundScheduleSchema, raw);
  return deps.store.transaction(async (tx) => {
    const item = await loadItem(tx, itemId);
    const approved = approvedOrRefuse(item);
    const total = sum(input.rows);
    if (total > approved + 1e-9) throw new AppError('VALIDATION', { zh: `拨付计划合计 ${total} 万元超过核定金额 ${approved} 万元`, en: `the schedule totals ${total}, above the approved ${approved} (10k yuan)` }, [{ path: 'rows', message: `total ${total} > approved ${approved}` }]);
    const before = (await tx.review.schedules([itemId])).get(itemId) ?? [];
    if (!(await tx.review.updateItem(itemId, input.rowVersion, {}, now.toISOString()))) throw stale(ITEM_LABEL, item.code);
    const rows = [...input.rows].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).map((r) => ({ id: newId(now.getTime()), dueOn: r.dueOn, amount: r.amount }));
    await tx.review.setSchedule(itemId, rows);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'fund-schedule', entity: 'review_item', entityId: itemId, before: { schedule: before.map(({ dueOn, amount }) => ({ dueOn, amount })) }, after: { schedule: rows.map(({ dueOn, amount }) => ({ dueOn, amount })) } });
    return itemDetail(tx, (await tx.review.getItem(itemId))!, now.toISOString().slice(0, 10));
  });
}

export async function recordDisbursement(deps: Deps, actor: Actor | null, itemId: string, raw: unknown, now: Date): Promise<ReviewItemDetail> {
  return deps.store.transaction(async (tx) => {
    const item = await loadItem(tx, itemId);
    authorizeOnItem(actor, 'create', 'review_fund', item);
    // Read after the scope check: another unit's caller is refused as such whatever it sent.
    const input = parseInput(DisbursementSchema, raw);
    const approved = approvedOrRefuse(item);
    const decidedOn = decisionDay(item);
    if (decidedOn && input.paidOn < decidedOn) {
      throw new AppError('VALIDATION', { zh: `拨付日期 ${input.paidOn} 早于审议日期 ${decidedOn}`, en: `payment date ${input.paidOn} is before the decision (${decidedOn})` }, [{ path: 'paidOn', message: 'before the decision' }]);
    }
    const paid = sum((await tx.review.disbursements([itemId])).get(itemId) ?? []);
    if (paid + input.amount > approved + 1e-9) {
      throw new AppError('VALIDATION', { zh: `累计拨付 ${paid + input.amount} 万元将超过核定金额 ${approved} 万元`, en: `paid would reach ${paid + input.amount}, above the approved ${approved} (10k yuan)` }, [{ path: 'amount', message: `paid ${paid} + ${input.amount} > approved ${approved}` }]);
    }
    if (!(await tx.review.updateItem(itemId, input.rowVersion, {}, now.toISOString()))) throw stale(ITEM_LABEL, item.code);
    const id = newId(now.getTime());
    await tx.review.insertDisbursement(itemId, { id, paidOn: input.paidOn, amount: input.amount, voucherRef: input.voucherRef, note: input.note ?? null, recordedBy: actorName(actor), recordedAt: now.toISOString() });
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'disbursement', entity: 'review_item', entityId: itemId, after: { disbursementId: id, paidOn: input.paidOn, amount: input.amount, voucherRef: input.voucherRef } });
    return itemDetail(tx, (await tx.review.getItem(itemId))!, now.toISOString().slice(0, 10));
  });
}
