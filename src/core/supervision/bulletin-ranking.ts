// The 通报 ranking (pure). For a period [from, to] (cut at the as-of date: `end` = min(to, asOf)) every
// unit is ranked on the leaf tasks whose reporting unit it is (the assigned unit, else the lead unit):
//   reportsDue    = report periods of those tasks whose deadline falls in [from, end] and is not after
//                   the task's closure;
//   reportsOnTime = of those, the reports submitted (or accepted) on or before the deadline day;
//   onTimeRate    = reportsOnTime ÷ reportsDue × 100 (null when nothing was due);
//   tasksDue      = tasks due on or before `end`;  tasksClosed = of those, closed (销号) on or before `end`;
//   closureRate   = tasksClosed ÷ tasksDue × 100 (null when no task was due);
//   redDays       = recorded red-light days of the tasks in [from, end];
//   taskDays      = Σ days each task was open in [from, end] (from its start to `end` or the day before it closed);
//   greenShare    = 100 × (1 − redDays ÷ taskDays) (null when taskDays = 0);
//   score         = 0.4·onTimeRate + 0.4·closureRate + 0.2·greenShare, a null term dropped and the
//                   remaining weights re-scaled to 1 (null when all three are null).
// Rank: score descending (nulls last), equal scores share a rank (1, 1, 3); ties listed by unit code.
// Departments (kind department, leading_group, city) and counties (county, zone) are ranked separately.
import type { LightCounts, ReportingCycle } from '../../shared/supervision';
import { BULLETIN_WEIGHTS, type BulletinRow } from '../../shared/supervision-follow-up';
import { periodRange, periodsBetween, reportDeadline } from './report-periods';
import { dayNumber } from './task-light';

export interface RankTask {
  id: string;
  orgId: string;
  startOn: string;
  dueOn: string;
  reportingCycle: ReportingCycle;
  reportDeadlineDay: number;
  /** The day it was closed (销号), if on or before `end`. */
  closedOn: string | null;
}

export interface RankReport {
  status: string;
  /** The date (YYYY-MM-DD) of the latest submission. */
  submittedOn: string | null;
}

export interface RankInput {
  from: string;
  end: string;
  tasks: RankTask[];
  /** taskId → period → report */
  reports: Map<string, Map<string, RankReport>>;
  redDays: Map<string, number>;
  lights: Map<string, { light: string; lagPoints: number }>;
  currentLights: Map<string, string>;
  orgs: Map<string, { id: string; code: string; name: string; kind: string }>;
}

/** A bulletin period as a date range: `2020Q4`, `202012`, `2020` or `2020-10-01..2020-12-31`. */
export function bulletinRange(period: string): { from: string; to: string; label: { zh: string; en: string } } {
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (range) return { from: range[1], to: range[2], label: { zh: `${range[1]}至${range[2]}`, en: `${range[1]} to ${range[2]}` } };
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${period}-12-31`, label: { zh: `${period}年`, en: period } };
  const { from, to } = periodRange(period);
  const q = /Q(\d)$/.exec(period);
  const cn = ['一', '二', '三', '四'];
  const label = q ? { zh: `${period.slice(0, 4)}年第${cn[Number(q[1]) - 1]}季度`, en: period } : { zh: `${period.slice(0, 4)}年${Number(period.slice(4))}月`, en: period };
  return { from, to, label };
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const days = (a: string, b: string) => Math.max(0, dayNumber(b) - dayNumber(a) + 1);
const prevDay = (iso: string) => new Date((dayNumber(iso) - 1) * 86_400_000).toISOString().slice(0, 10);

export function compositeScore(parts: { onTimeRate: number | null; closureRate: number | null; greenShare: number | null }): number | null {
  let w = 0;
  let s = 0;
  for (const k of ['onTimeRate', 'closureRate', 'greenShare'] as const) {
    const v = parts[k];
    if (v === null) continue;
    w += BULLETIN_WEIGHTS[k];
    s += BULLETIN_WEIGHTS[k] * v;
  }
  return w > 0 ? s / w : null;
}

export function rankRows(input: RankInput): { departments: BulletinRow[]; counties: BulletinRow[] } {
  const { from, end } = input;
  const acc = new Map<string, Omit<BulletinRow, 'rank' | 'onTimeRate' | 'closureRate' | 'greenShare' | 'score'> & { taskDays: number }>();
  for (const t of input.tasks) {
    const org = input.orgs.get(t.orgId);
    if (!org) continue;
    const a = acc.get(t.orgId) ?? { org, tasks: 0, counts: { green: 0, yellow: 0, red: 0, closed: 0 } as LightCounts, reportsDue: 0, reportsOnTime: 0, tasksDue: 0, tasksClosed: 0, redDays: 0, taskDays: 0 };
    acc.set(t.orgId, a);
    a.tasks += 1;
    const light = (t.closedOn ? 'closed' : input.lights.get(t.id)?.light ?? input.currentLights.get(t.id) ?? 'green') as keyof LightCounts;
    a.counts[light] += 1;
    const reports = input.reports.get(t.id);
    for (const p of periodsBetween(t.startOn, t.dueOn, t.reportingCycle)) {
      const deadline = reportDeadline(p, t.reportDeadlineDay);
      if (deadline < from || deadline > end || (t.closedOn && t.closedOn < deadline)) continue;
      a.reportsDue += 1;
      const r = reports?.get(p);
      if (r && (r.status === 'submitted' || r.status === 'accepted') && r.submittedOn && r.submittedOn <= deadline) a.reportsOnTime += 1;
    }
    if (t.dueOn <= end) {
      a.tasksDue += 1;
      if (t.closedOn) a.tasksClosed += 1;
    }
    a.redDays += input.redDays.get(t.id) ?? 0;
    const openFrom = t.startOn > from ? t.startOn : from;
    const openTo = t.closedOn && t.closedOn <= end ? prevDay(t.closedOn) : end;
    a.taskDays += days(openFrom, openTo);
  }
  const rows: BulletinRow[] = [...acc.values()].map(({ taskDays, ...a }) => {
    const onTimeRate = a.reportsDue ? (a.reportsOnTime / a.reportsDue) * 100 : null;
    const closureRate = a.tasksDue ? (a.tasksClosed / a.tasksDue) * 100 : null;
    const greenShare = taskDays ? 100 * (1 - Math.min(a.redDays, taskDays) / taskDays) : null;
    const score = compositeScore({ onTimeRate, closureRate, greenShare });
    return { ...a, rank: 0, onTimeRate: round1(onTimeRate), closureRate: round1(closureRate), greenShare: round1(greenShare), score: round1(score) };
  });
  const isCounty = (kind: string) => kind === 'county' || kind === 'zone';
  return { departments: ranked(rows.filter((r) => !isCounty(r.org.kind))), counties: ranked(rows.filter((r) => isCounty(r.org.kind))) };
}

function ranked(rows: BulletinRow[]): BulletinRow[] {
  // Scores are compared as rounded to one decimal, as they are shown: equal on paper, equal rank.
  const key = (r: BulletinRow) => (r.score === null ? -Infinity : r.score);
  rows.sort((a, b) => key(b) - key(a) || (a.org.code < b.org.code ? -1 : a.org.code > b.org.code ? 1 : 0));
  rows.forEach((r, i) => { r.rank = i > 0 && key(rows[i - 1]) === key(r) ? rows[i - 1].rank : i + 1; });
  return rows;
}
