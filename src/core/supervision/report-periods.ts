// Reporting periods of a task: monthly (`201903`) or quarterly (`2019Q1`). A period's report is due on the
// task's deadline day of the month after the period ends (March → 5 April; Q1 → 5 April). Pure.
import type { ReportingCycle } from '../../shared/supervision';
import { dayNumber } from './task-light';

const pad = (n: number) => String(n).padStart(2, '0');

/** The period containing the date. */
export function periodOf(iso: string, cycle: ReportingCycle): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return cycle === 'monthly' ? `${y}${pad(m)}` : `${y}Q${Math.ceil(m / 3)}`;
}

/** First and last day of a period. */
export function periodRange(period: string): { from: string; to: string } {
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  const y = Number(period.slice(0, 4));
  const [m1, m2] = q ? [(Number(q[2]) - 1) * 3 + 1, Number(q[2]) * 3] : [Number(period.slice(4, 6)), Number(period.slice(4, 6))];
  const last = new Date(Date.UTC(y, m2, 0)).getUTCDate();
  return { from: `${y}-${pad(m1)}-01`, to: `${y}-${pad(m2)}-${pad(last)}` };
}

/** The deadline of a period's report: `deadlineDay` of the month after the period ends. */
export function reportDeadline(period: string, deadlineDay: number): string {
  const { to } = periodRange(period);
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7));
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${ny}-${pad(nm)}-${pad(deadlineDay)}`;
}

/** The periods a task reports on: every period overlapping start..due. */
export function periodsBetween(start: string, due: string, cycle: ReportingCycle): string[] {
  const out: string[] = [];
  let p = periodOf(start, cycle);
  const last = periodOf(due, cycle);
  for (let guard = 0; guard < 2000; guard++) {
    out.push(p);
    if (p === last) break;
    const { to } = periodRange(p);
    const next = new Date((dayNumber(to) + 1) * 86_400_000).toISOString().slice(0, 10);
    p = periodOf(next, cycle);
  }
  return out;
}

/** Periods whose deadline is before the as-of date and whose report is not submitted (nor accepted). */
export function missedPeriods(
  t: { startOn: string; dueOn: string; reportingCycle: ReportingCycle; reportDeadlineDay: number },
  submitted: ReadonlySet<string>,
  asOf: string,
): string[] {
  return periodsBetween(t.startOn, t.dueOn, t.reportingCycle).filter((p) => reportDeadline(p, t.reportDeadlineDay) < asOf && !submitted.has(p));
}
