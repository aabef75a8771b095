// The light of a supervised task (督查亮灯), with the same bands as the targets' 序时进度:
//   timeElapsedPct = days(start → asOf) ÷ days(start → due) × 100, clamped to 0..100 (a task that starts and
//                    ends the same day is 100 % elapsed); lagPoints = timeElapsedPct − percentDone.
//   closed → 'closed' (no reasons); done (status done or percent ≥ 100) → 'green' ['done'];
//   otherwise reasons: overdue (asOf after due), lag (lag ≥ 10), missed_reports (≥ 1 periodic report past
//   its deadline and not submitted), due_soon (0–7 days to due and nothing reported this period);
//   red when overdue, lag > 30 or ≥ 2 missed reports; yellow when any reason holds; else green.
// Boundaries compare with 1e-9 slack. Pure: the caller passes the as-of date.
import type { LightInputParsed, LightReason, LightResult, TaskLight } from '../../shared/supervision';

export const LIGHT_EPSILON = 1e-9;
export const LAG_YELLOW = 10;
export const LAG_RED = 30;
export const DUE_SOON_DAYS = 7;
export const MISSED_RED = 2;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (UTC, so no daylight-saving hour can shift a count). */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date YYYY-MM-DD: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function timeElapsedPct(start: string, due: string, asOf: string): number {
  const span = daysBetween(start, due);
  if (span <= 0) return 100;
  return Math.min(100, Math.max(0, (daysBetween(start, asOf) / span) * 100));
}

export function taskLight(i: LightInputParsed): LightResult {
  const elapsed = timeElapsedPct(i.start, i.due, i.asOf);
  const lagPoints = elapsed - i.percentDone;
  if (i.status === 'closed') return { light: 'closed', reasons: [], timeElapsedPct: elapsed, lagPoints };
  if (i.status === 'done' || i.percentDone >= 100 - LIGHT_EPSILON) {
    return { light: 'green', reasons: ['done'], timeElapsedPct: elapsed, lagPoints };
  }
  const daysToDue = daysBetween(i.asOf, i.due);
  const overdue = daysToDue < 0;
  const reasons: LightReason[] = [];
  if (overdue) reasons.push('overdue');
  if (lagPoints >= LAG_YELLOW - LIGHT_EPSILON) reasons.push('lag');
  if (i.missedReports >= 1) reasons.push('missed_reports');
  if (daysToDue >= 0 && daysToDue <= DUE_SOON_DAYS && !i.reportedThisPeriod) reasons.push('due_soon');
  const red = overdue || lagPoints > LAG_RED + LIGHT_EPSILON || i.missedReports >= MISSED_RED;
  const light: TaskLight = red ? 'red' : reasons.length > 0 ? 'yellow' : 'green';
  return { light, reasons, timeElapsedPct: elapsed, lagPoints };
}
