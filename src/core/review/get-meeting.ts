// Meetings: the list (newest first) and one meeting with its agenda, attendance and decisions.
import { notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import type { Meeting } from '../../shared/review';
import { MEETING_LABEL } from './common';

export async function listMeetings(deps: Deps, actor: Actor | null): Promise<Meeting[]> {
  if (actor) authorize(actor, 'read', 'review_meeting');
  return deps.store.review.listMeetings();
}

export async function getMeeting(deps: Deps, actor: Actor | null, id: string): Promise<Meeting> {
  if (actor) authorize(actor, 'read', 'review_meeting');
  const m = await deps.store.review.getMeeting(id);
  if (!m) throw notFound(MEETING_LABEL, id);
  return m;
}
