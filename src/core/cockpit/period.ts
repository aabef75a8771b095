// The cockpit's one period selector: a year, quarter or month, and what each part of the cockpit reads
// for it (the as-of date of the targets, the month of the reporting status).
import { AppError } from '../app-error';

export interface CockpitPeriod {
  period: string;
  year: number;
  /** The last day of the period: the targets and registries are assessed on it. */
  asOf: string;
  /** The last month of the period (the monthly report whose status is shown). */
  lastMonth: string;
}

export function cockpitPeriod(raw: string): CockpitPeriod {
  const m = /^(\d{4})(?:Q([1-4])|(0[1-9]|1[0-2]))?$/.exec(raw);
  if (!m) throw new AppError('VALIDATION', { zh: `期间格式有误：${raw}（应为 2020、2020Q4 或 202012）`, en: `invalid period "${raw}" (use 2020, 2020Q4 or 202012)` }, [{ path: 'period', message: 'invalid period' }]);
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) * 3 : m[3] ? Number(m[3]) : 12;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { period: raw, year, asOf: `${year}-${mm}-${String(last).padStart(2, '0')}`, lastMonth: `${year}${mm}` };
}

/** The period shown when none is asked: the plan's last year when today is past it, else the last full month. */
export function defaultPeriod(planEnd: number, today: string): string {
  const y = Number(today.slice(0, 4));
  if (y > planEnd) return String(planEnd);
  const m = Number(today.slice(5, 7)) - 1;
  return m === 0 ? `${y - 1}12` : `${y}${String(m).padStart(2, '0')}`;
}
