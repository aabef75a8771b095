// 审议决定: a leading-group member or the designated secretary records the decision on one agenda item.
// 通过 / 有条件通过 (with its conditions) / 不通过 settle the item (decided, immutable from then on);
// 暂缓 sends it back to submitted so a later meeting can take it up. When every agenda item has its
// decision the meeting is decided too.
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { DecisionSchema, DECISION_LABELS, type Meeting } from '../../shared/review';
import { actorId, actorName, authorizeDecision, ITEM_LABEL, loadItem, lockedDecided, isDecided, MEETING_LABEL, stale, wrongState } from './common';
import { getMeeting } from './get-meeting';

export async function recordDecision(deps: Deps, actor: Actor | null, meetingId: string, raw: unknown, now: Date): Promise<Meeting> {
  const input = parseInput(DecisionSchema, raw);
  await authorizeDecision(deps.store, actor);
  return deps.store.transaction(async (tx) => {
    const m = await getMeeting({ ...deps, store: tx }, actor, meetingId);
    const entry = m.agenda.find((a) => a.itemId === input.itemId);
    if (!entry) throw new AppError('VALIDATION', { zh: `事项不在本次会议议程中：${input.itemId}`, en: `the item is not on this meeting's agenda: ${input.itemId}` }, [{ path: 'itemId', message: 'not on the agenda' }]);
    const item = await loadItem(tx, input.itemId);
    if (isDecided(item.status)) throw lockedDecided(item);
    if (item.status !== 'scheduled' || item.meeting?.id !== meetingId || entry.decision) throw wrongState(item, ['scheduled'], { zh: '记录决定', en: 'record a decision' });
    const at = now.toISOString();
    if (!(await tx.review.touchMeeting(meetingId, input.rowVersion, at))) throw stale(MEETING_LABEL, m.code);
    const conditions = input.decision === 'conditional' ? input.conditions ?? null : null;
    await tx.review.decideAgenda(meetingId, item.id, { decision: input.decision, conditions, note: input.note ?? null, by: actorName(actor), at });
    const state = input.decision === 'deferred'
      ? { status: 'submitted' as const, meetingId: null }
      : { status: 'decided' as const, decision: input.decision, conditions, decidedBy: actorName(actor), decidedAt: at };
    // The item's own version is not asked for: the meeting's version guards the decision.
    if (!(await tx.review.updateItem(item.id, item.rowVersion, state, at))) throw stale(ITEM_LABEL, item.code);
    await tx.audit.write({
      actorId: actorId(actor), actorName: actorName(actor), action: 'decide', entity: 'review_item', entityId: item.id,
      before: { status: item.status }, after: { ...state, decision: input.decision, decisionLabel: DECISION_LABELS[input.decision].zh, conditions, note: input.note ?? null, meetingId, meeting: m.code },
    });
    const after = (await tx.review.getMeeting(meetingId))!;
    if (after.agenda.every((a) => a.decision)) {
      await tx.review.touchMeeting(meetingId, after.rowVersion, at, 'decided');
      await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'decided', entity: 'review_meeting', entityId: meetingId, before: { status: m.status }, after: { status: 'decided' } });
    }
    return (await tx.review.getMeeting(meetingId))!;
  });
}
