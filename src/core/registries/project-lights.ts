// Project lights as Chinese key-project supervision systems set them (重点项目"红黄绿灯"):
//  start    — green when started in or before the planned month (or not yet due); yellow when not started
//             by the end of the planned month (1–2 months late); red when 3 or more months late.
//  progress — 序时进度 of the year's investment plan: expected = plan × months elapsed ÷ 12, done = the
//             year's completed investment up to the as-of month; lag = expected% − done% in points,
//             green < 10, yellow 10–30, red > 30 (the bands of time-progress.ts).
//  funds    — cumulative disbursed below cumulative planned up to the as-of month → red, else green.
//  milestones — the most overdue milestone due by the as-of date and not done, in months as for start:
//             green when none is overdue, yellow 1–2 months, red 3 or more (a milestone done late is done).
// A light is null when its inputs are missing (no planned start, no annual plan, no fund rows, no
// milestone due yet).
import type { ProjectInput, ProjectLights } from '../../shared/registries';
import { lagLight } from '../targets/time-progress';

const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(-2)) - 1;
/** YYYY-MM of a YYYY-MM-DD date. */
const monthOf = (date: string): string => date.slice(0, 7);
const periodToMonth = (p: string): string => `${p.slice(0, 4)}-${p.slice(4, 6)}`;

export const START_YELLOW_MONTHS = 1;
export const START_RED_MONTHS = 3;

export function startLight(plannedStart: string | null, actualStart: string | null, asOf: string): { light: ProjectLights['start']; lateMonths: number | null } {
  if (!plannedStart) return { light: null, lateMonths: null };
  const reference = actualStart ?? monthOf(asOf);
  const late = monthIndex(reference) - monthIndex(plannedStart);
  if (late >= START_RED_MONTHS) return { light: 'red', lateMonths: late };
  if (late >= START_YELLOW_MONTHS) return { light: 'yellow', lateMonths: late };
  return { light: 'green', lateMonths: Math.max(0, late) };
}

type LightInput = Pick<ProjectInput, 'plannedStart' | 'actualStart' | 'annualPlans' | 'investments' | 'funds'> & Partial<Pick<ProjectInput, 'milestones'>>;

/** Months a milestone is overdue on the as-of date (a month counts once its day has passed). */
const monthsLate = (plannedOn: string, asOf: string): number =>
  monthIndex(monthOf(asOf)) - monthIndex(monthOf(plannedOn)) - (asOf.slice(8, 10) < plannedOn.slice(8, 10) ? 1 : 0);

export function milestonesLight(milestones: ProjectInput['milestones'], asOf: string): { light: ProjectLights['milestones']; overdue: number; lateMonths: number | null } {
  const due = milestones.filter((m) => m.plannedOn <= asOf);
  if (!due.length) return { light: null, overdue: 0, lateMonths: null };
  const open = due.filter((m) => !m.doneOn || m.doneOn > asOf);
  if (!open.length) return { light: 'green', overdue: 0, lateMonths: 0 };
  const late = Math.max(...open.map((m) => monthsLate(m.plannedOn, asOf)));
  return { light: late >= START_RED_MONTHS ? 'red' : late >= START_YELLOW_MONTHS ? 'yellow' : 'green', overdue: open.length, lateMonths: Math.max(0, late) };
}

export function projectLights(p: LightInput, asOf: string): ProjectLights {
  const start = startLight(p.plannedStart, p.actualStart, asOf);
  const asOfMonth = monthOf(asOf);
  const year = Number(asOf.slice(0, 4));
  const monthsElapsed = Number(asOf.slice(5, 7));
  const plan = p.annualPlans.find((a) => a.year === year)?.planned ?? null;
  const doneThisYear = p.investments
    .filter((i) => i.period.startsWith(String(year)) && periodToMonth(i.period) <= asOfMonth)
    .reduce((s, i) => s + i.amount, 0);
  let progress: ProjectLights['progress'] = null;
  let expectedPct: number | null = null;
  let donePct: number | null = null;
  let lagPoints: number | null = null;
  if (plan != null && plan > 0) {
    expectedPct = (monthsElapsed / 12) * 100;
    donePct = (doneThisYear / plan) * 100;
    lagPoints = expectedPct - donePct;
    progress = lagLight(lagPoints);
  }
  const dueFunds = p.funds.filter((f) => periodToMonth(f.period) <= asOfMonth);
  const fundsPlanned = dueFunds.reduce((s, f) => s + f.planned, 0);
  const fundsDisbursed = dueFunds.reduce((s, f) => s + f.disbursed, 0);
  const funds: ProjectLights['funds'] = dueFunds.length === 0 ? null : fundsDisbursed + 1e-9 < fundsPlanned ? 'red' : 'green';
  const milestones = milestonesLight(p.milestones ?? [], asOf);
  return {
    start: start.light, progress, funds, milestones: milestones.light, startLateMonths: start.lateMonths,
    milestonesOverdue: milestones.overdue, milestoneLateMonths: milestones.lateMonths, annualPlanned: plan, doneThisYear,
    expectedPct, donePct, lagPoints, fundsPlanned, fundsDisbursed,
  };
}
