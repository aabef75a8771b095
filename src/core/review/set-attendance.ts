// 出席: the office or the secretary records who attended (members present or absent, with a note such as
// 请假). Replaces the list; a named user must exist.
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { AttendanceSchema, type Meeting } from '../../shared/review';
import { actorId, actorName, MEETING_LABEL, stale } from './common';
import { getMeeting } from './get-meeting';

export async function setAttendance(deps: Deps, actor: Actor | null, meetingId: string, raw: unknown, now: Date): Promise<Meeting> {
  if (actor) authorize(actor, 'update', 'review_meeting');
  const input = parseInput(AttendanceSchema, raw);
  return deps.store.transaction(async (tx) => {
    const m = await getMeeting({ ...deps, store: tx }, actor, meetingId);
    for (const [i, a] of input.attendees.entries()) {
      if (a.userId && !(await tx.users.findById(a.userId))) throw new AppError('VALIDATION', { zh: `第 ${i + 1} 位出席人员的用户不存在：${a.userId}`, en: `attendee ${i + 1}: user not found: ${a.userId}` }, [{ path: `attendees.${i}.userId`, message: 'unknown user' }]);
    }
    if (!(await tx.review.touchMeeting(meetingId, input.rowVersion, now.toISOString()))) throw stale(MEETING_LABEL, m.code);
    const attendees = input.attendees.map((a) => ({ name: a.name, userId: a.userId ?? null, position: a.position ?? null, present: a.present, note: a.note ?? null }));
    await tx.review.setAttendance(meetingId, attendees);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'attendance', entity: 'review_meeting', entityId: meetingId, before: { attendance: m.attendance }, after: { attendance: attendees } });
    return (await tx.review.getMeeting(meetingId))!;
  });
}
