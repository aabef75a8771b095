// Red-light days of a task from its light history (one row per recorded day): how many, and the runs of
// consecutive red days as {from, to}. Days the tick did not record count as nothing (not red). Pure.
import { dayNumber } from './task-light';

export function redHistory(days: { day: string; light: string }[], upTo: string): { redDays: number; runs: { from: string; to: string }[] } {
  const red = days.filter((d) => d.light === 'red' && d.day <= upTo).map((d) => d.day).sort();
  const runs: { from: string; to: string }[] = [];
  for (const day of red) {
    const last = runs[runs.length - 1];
    if (last && dayNumber(day) - dayNumber(last.to) === 1) last.to = day;
    else if (!last || last.to !== day) runs.push({ from: day, to: day });
  }
  return { redDays: new Set(red).size, runs };
}
