// 资金支付率: the funds figures of approved items, pure. Approved = the amount of an item approved (通过 /
// 有条件通过); scheduled and paid count up to the as-of day; 支付率 = paid ÷ approved; the light compares paid
// with the schedule due by then (paid below scheduled → red, else green; nothing due yet → none). Totals by
// industry and county add the items' figures; a year's row adds what was approved (decision date),
// scheduled (due date) and paid (payment date) in that year, its rate being paid ÷ scheduled of the year.
import { APPROVING, type Decision, type FundFigures, type FundTotalRow, type ScheduleRow } from '../../shared/review';

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (a: number, b: number): number | null => (b > 0 ? round((a / b) * 100, 1) : null);

export interface FundInput {
  id: string;
  amount: number | null;
  decision: Decision | null;
  decidedAt: string | null;
  industry: { code: string; name: string } | null;
  county: { id: string; name: string } | null;
  schedule: ScheduleRow[];
  paid: { paidOn: string; amount: number }[];
}

/** The day the group decided: the meeting's date (the record may be typed in later). */
export const decisionDay = (i: { meeting: { heldOn: string } | null; decidedAt: string | null }): string | null => i.meeting?.heldOn ?? i.decidedAt?.slice(0, 10) ?? null;

export const approvedAmount = (i: Pick<FundInput, 'amount' | 'decision'>): number => (i.decision && APPROVING.includes(i.decision) ? i.amount ?? 0 : 0);

export function fundFigures(approved: number, schedule: { dueOn: string; amount: number }[], paid: { paidOn: string; amount: number }[], asOf: string): FundFigures {
  const scheduledToDate = round(schedule.filter((s) => s.dueOn <= asOf).reduce((s, x) => s + x.amount, 0));
  const scheduledTotal = round(schedule.reduce((s, x) => s + x.amount, 0));
  const paidAll = round(paid.reduce((s, x) => s + x.amount, 0));
  const paidToDate = round(paid.filter((p) => p.paidOn <= asOf).reduce((s, x) => s + x.amount, 0));
  return {
    approved: round(approved), scheduledToDate, scheduledTotal, paid: paidAll, paidToDate,
    paymentRate: pct(paidToDate, approved), scheduleRate: pct(paidToDate, scheduledToDate),
    light: scheduledToDate <= 0 ? null : paidToDate + 1e-9 < scheduledToDate ? 'red' : 'green',
  };
}

export function sumFigures(fs: FundFigures[]): FundFigures {
  const add = (k: 'approved' | 'scheduledToDate' | 'scheduledTotal' | 'paid' | 'paidToDate') => round(fs.reduce((s, f) => s + f[k], 0));
  const approved = add('approved');
  const scheduledToDate = add('scheduledToDate');
  const paidToDate = add('paidToDate');
  return {
    approved, scheduledToDate, scheduledTotal: add('scheduledTotal'), paid: add('paid'), paidToDate,
    paymentRate: pct(paidToDate, approved), scheduleRate: pct(paidToDate, scheduledToDate),
    light: scheduledToDate <= 0 ? null : paidToDate + 1e-9 < scheduledToDate ? 'red' : 'green',
  };
}

function group(items: FundInput[], figures: Map<string, FundFigures>, keyOf: (i: FundInput) => { key: string; name: string }): FundTotalRow[] {
  const rows = new Map<string, FundTotalRow & { figs: FundFigures[] }>();
  for (const i of items) {
    const k = keyOf(i);
    const row = rows.get(k.key) ?? { ...k, approved: 0, scheduled: 0, paid: 0, paymentRate: null, figs: [] };
    row.figs.push(figures.get(i.id)!);
    rows.set(k.key, row);
  }
  return [...rows.values()].map(({ figs, ...r }) => {
    const s = sumFigures(figs);
    return { ...r, approved: s.approved, scheduled: s.scheduledToDate, paid: s.paidToDate, paymentRate: s.paymentRate };
  }).sort((a, b) => b.approved - a.approved || a.key.localeCompare(b.key));
}

export function fundTotals(items: FundInput[], asOf: string): { figures: Map<string, FundFigures>; total: FundFigures; byIndustry: FundTotalRow[]; byCounty: FundTotalRow[]; byYear: FundTotalRow[] } {
  const figures = new Map(items.map((i) => [i.id, fundFigures(approvedAmount(i), i.schedule, i.paid, asOf)]));
  const byIndustry = group(items, figures, (i) => (i.industry ? { key: i.industry.code, name: i.industry.name } : { key: '-', name: '未关联产业' }));
  const byCounty = group(items, figures, (i) => (i.county ? { key: i.county.id, name: i.county.name } : { key: '-', name: '市本级' }));
  const years = new Map<string, FundTotalRow>();
  const yr = (y: string) => years.get(y) ?? years.set(y, { key: y, name: y, approved: 0, scheduled: 0, paid: 0, paymentRate: null }).get(y)!;
  for (const i of items) {
    const a = approvedAmount(i);
    if (a > 0 && i.decidedAt && i.decidedAt.slice(0, 10) <= asOf) yr(i.decidedAt.slice(0, 4)).approved += a;
    for (const s of i.schedule) if (s.dueOn <= asOf) yr(s.dueOn.slice(0, 4)).scheduled += s.amount;
    for (const p of i.paid) if (p.paidOn <= asOf) yr(p.paidOn.slice(0, 4)).paid += p.amount;
  }
  const byYear = [...years.values()].map((r) => ({ ...r, approved: round(r.approved), scheduled: round(r.scheduled), paid: round(r.paid), paymentRate: pct(r.paid, r.scheduled) }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return { figures, total: sumFigures([...figures.values()]), byIndustry, byCounty, byYear };
}
