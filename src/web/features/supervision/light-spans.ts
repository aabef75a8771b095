// Spans of one light colour in a task's recorded daily lights (the drawer's 亮灯记录).
import type { LightDayRecord } from '../../../shared/supervision';

export interface Span { from: string; to: string; days: number; light: string; last: LightDayRecord }

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Consecutive days of one light make a span; a gap in the record starts a new one. */
export function lightSpans(days: LightDayRecord[]): Span[] {
  const out: Span[] = [];
  for (const d of days) {
    const cur = out[out.length - 1];
    if (cur && cur.light === d.light && nextDay(cur.to) === d.day) {
      cur.to = d.day;
      cur.days += 1;
      cur.last = d;
    } else out.push({ from: d.day, to: d.day, days: 1, light: d.light, last: d });
  }
  return out.reverse();
}
