// Which reminders the daily tick owes a task on a day (pure). A leaf task that is neither done nor closed
// is reminded
//   - `report_due`    when a period's report deadline is 0–3 days away and that report is not submitted;
//   - `report_missed` when a deadline has passed (at most 31 days ago) and the report is still not submitted
//                     (a returned report counts as not submitted, as in the light rule);
//   - `task_due`      when the task's due date is 0–7 days away.
// Each (task, unit, cause, period) is sent once: the caller drops keys it has already sent, so a re-run
// tick adds nothing. A unit is escalated to its head on every third reminder about a task (3rd, 6th, …).
import type { ReportingCycle } from '../../shared/supervision';
import { ESCALATE_EVERY, MISSED_LOOKBACK_DAYS, REPORT_DUE_NOTICE_DAYS, TASK_DUE_NOTICE_DAYS, type ReminderCause } from '../../shared/supervision-follow-up';
import { periodOf, periodsBetween, reportDeadline } from './report-periods';
import { daysBetween } from './task-light';

export interface RemindableTask {
  code: string;
  title: string;
  startOn: string;
  dueOn: string;
  reportingCycle: ReportingCycle;
  reportDeadlineDay: number;
  status: string;
}

export interface OwedReminder {
  cause: Exclude<ReminderCause, 'manual' | 'escalation'>;
  period: string;
  message: { zh: string; en: string };
}

export const periodLabel = (p: string): string => (p.includes('Q') ? `${p.slice(0, 4)}年第${p.slice(5)}季度` : `${p.slice(0, 4)}年${Number(p.slice(4))}月`);

export function owedReminders(t: RemindableTask, submitted: ReadonlySet<string>, asOf: string): OwedReminder[] {
  if (t.status === 'done' || t.status === 'closed') return [];
  const out: OwedReminder[] = [];
  for (const p of periodsBetween(t.startOn, t.dueOn, t.reportingCycle)) {
    if (submitted.has(p)) continue;
    const deadline = reportDeadline(p, t.reportDeadlineDay);
    const ahead = daysBetween(asOf, deadline);
    if (ahead >= 0 && ahead <= REPORT_DUE_NOTICE_DAYS) {
      out.push({ cause: 'report_due', period: p, message: {
        zh: `请于${deadline}前报送「${t.code} ${t.title}」${periodLabel(p)}进展情况。`,
        en: `Please report on ${t.code} "${t.title}" for ${p} by ${deadline}.`,
      } });
    } else if (ahead < 0 && -ahead <= MISSED_LOOKBACK_DAYS) {
      out.push({ cause: 'report_missed', period: p, message: {
        zh: `「${t.code} ${t.title}」${periodLabel(p)}进展情况应于${deadline}前报送，至今未报，请立即报送。`,
        en: `The ${p} report on ${t.code} "${t.title}" was due on ${deadline} and has not been submitted; please submit it now.`,
      } });
    }
  }
  const toDue = daysBetween(asOf, t.dueOn);
  if (toDue >= 0 && toDue <= TASK_DUE_NOTICE_DAYS) {
    out.push({ cause: 'task_due', period: periodOf(t.dueOn, t.reportingCycle), message: {
      zh: `「${t.code} ${t.title}」将于${t.dueOn}到期，请抓紧推进并按期申请销号。`,
      en: `${t.code} "${t.title}" is due on ${t.dueOn}; please complete it and ask for closure in time.`,
    } });
  }
  return out;
}

export const reminderKey = (taskId: string, orgId: string, cause: string, period: string | null): string => `${taskId}|${orgId}|${cause}|${period ?? ''}`;

/** The n-th reminder (1-based) about a task to a unit is escalated when n is a multiple of ESCALATE_EVERY. */
export const escalates = (n: number): boolean => n > 0 && n % ESCALATE_EVERY === 0;
