// 安排会议: only the coordinator (the group's office) schedules a meeting and builds its agenda from
// submitted items, in the order given, each with its presenter. All-or-nothing: one item not submitted (or
// changed since it was read) refuses the whole meeting.
import { newId } from '../ids';
import { AppError, notFound } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { ITEM_STATUS_LABELS, MeetingCreateSchema, type Meeting } from '../../shared/review';
import { actorId, actorName, ITEM_LABEL, MEETING_LABEL, nextCode, stale } from './common';

export async function scheduleMeeting(deps: Deps, actor: Actor | null, raw: unknown, now: Date, opts: { demo?: boolean } = {}): Promise<Meeting> {
  if (actor) authorize(actor, 'create', 'review_meeting');
  const input = parseInput(MeetingCreateSchema, raw);
  const ids = input.agenda.map((a) => a.itemId);
  const dup = ids.find((x, i) => ids.indexOf(x) !== i);
  if (dup) throw new AppError('VALIDATION', { zh: `议程中事项重复：${dup}`, en: `an item is twice on the agenda: ${dup}` }, [{ path: 'agenda', message: 'duplicate item' }]);
  return deps.store.transaction(async (tx) => {
    const notReady: { path: string; message: string }[] = [];
    const items = [];
    for (const [i, a] of input.agenda.entries()) {
      const item = await tx.review.getItem(a.itemId);
      if (!item) throw notFound(ITEM_LABEL, a.itemId);
      if (item.status !== 'submitted') notReady.push({ path: `agenda.${i}.itemId`, message: `${item.code} is ${item.status} (${ITEM_STATUS_LABELS[item.status].zh}), must be submitted` });
      items.push(item);
    }
    if (notReady.length) {
      throw new AppError('CONFLICT', {
        zh: `只能将已提交的事项列入议程：${notReady.map((n) => n.message.split(' ')[0]).join('、')} 未提交或已在议程中`,
        en: `only submitted items can go on an agenda: ${notReady.map((n) => n.message).join('; ')}`,
      }, notReady);
    }
    const id = newId(now.getTime());
    const code = await nextCode(tx, 'review_meeting', `会议-${input.heldOn.slice(0, 4)}-`);
    const at = now.toISOString();
    await tx.review.insertMeeting({
      id, code, title: input.title, heldOn: input.heldOn, place: input.place ?? null, createdBy: actorName(actor), demo: opts.demo ?? false,
      agenda: input.agenda.map((a, i) => ({ itemId: a.itemId, sort: i + 1, presenter: a.presenter })),
    }, at);
    for (const [i, a] of input.agenda.entries()) {
      if (!(await tx.review.updateItem(a.itemId, a.rowVersion, { status: 'scheduled', meetingId: id }, at))) throw stale(ITEM_LABEL, items[i]!.code);
      await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'schedule', entity: 'review_item', entityId: a.itemId, before: { status: 'submitted' }, after: { status: 'scheduled', meetingId: id, meeting: code, order: i + 1, presenter: a.presenter } });
    }
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'create', entity: 'review_meeting', entityId: id, after: { code, title: input.title, heldOn: input.heldOn, agenda: input.agenda.map((a) => ({ itemId: a.itemId, presenter: a.presenter })) } });
    const m = await tx.review.getMeeting(id);
    if (!m) throw notFound(MEETING_LABEL, id);
    return m;
  });
}
