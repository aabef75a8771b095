// How sure a computed figure is (DESIGN.md "A figure says how sure it is"): the share of its value by
// review status, the weakest status and reliability of its inputs, and the reporters missing from its
// period. Pure: the rows come in already summed by status, the reporters as (organisation, period, value).
import { primaryReason, suppressCells } from '../confidentiality/suppression';
import { UNIT_EN, type Component, type FigureQuality, type MissingReporters, type Reliability, type StatusGroup, type StatusShares } from '../../shared/targets';

/** A review status as the figure speaks of it: county-reviewed is still on its way (submitted), returned is back with the reporter (draft). */
export const STATUS_GROUP: Record<string, StatusGroup> = {
  approved: 'approved', county_reviewed: 'submitted', submitted: 'submitted', draft: 'draft', returned: 'draft',
};
export const STATUS_ORDER: readonly StatusGroup[] = ['approved', 'submitted', 'draft'];
const STATUS_RANK: Record<StatusGroup, number> = { draft: 0, submitted: 1, approved: 2 };

export interface StatusRow {
  status: string;
  value: number;
  n: number;
  /** The largest single contribution (absolute), for the dominance rule; never shown. */
  largest?: number;
}

export function weakestStatus(list: readonly (StatusGroup | null)[]): StatusGroup | null {
  let out: StatusGroup | null = null;
  for (const s of list) if (s && (out == null || STATUS_RANK[s] < STATUS_RANK[out])) out = s;
  return out;
}

/** Shares of a figure by status (approved, submitted, draft — always these three, in this order); the weakest status present. */
export function statusShares(rows: readonly StatusRow[], period: string, fromEnterprises: boolean): StatusShares {
  const sums = new Map<StatusGroup, { value: number; n: number }>(STATUS_ORDER.map((s) => [s, { value: 0, n: 0 }]));
  for (const r of rows) {
    const g = STATUS_GROUP[r.status] ?? 'draft';
    const s = sums.get(g)!;
    s.value += r.value;
    s.n += r.n;
  }
  const total = [...sums.values()].reduce((a, s) => a + s.value, 0);
  const parts = STATUS_ORDER.map((status) => {
    const s = sums.get(status)!;
    return { status, value: s.value, n: s.n, pct: total === 0 ? null : (s.value / total) * 100 };
  });
  return { period, parts, total, n: parts.reduce((a, p) => a + p.n, 0), weakest: weakestStatus(parts.filter((p) => p.n > 0).map((p) => p.status)), fromEnterprises, suppressed: false };
}

/**
 * Reliability from weakest to strongest. An unverified (low) input outranks demo in weakness: demo is a
 * separate flag on every figure (演示数据), so a ratio of demo values and an unverified GDP must still say 未核实.
 */
const RELIABILITY_RANK: Record<Reliability, number> = { low: 0, medium: 1, demo: 2, reported: 3, high: 4 };

export function weakestReliability(list: readonly Reliability[]): Reliability {
  if (list.length === 0) throw new Error('weakestReliability of nothing');
  return list.reduce((a, b) => (RELIABILITY_RANK[b] < RELIABILITY_RANK[a] ? b : a));
}

export interface ReporterValue {
  orgId: string;
  period: string;
  value: number;
}

/**
 * Reporters of the previous year missing from the figure's period, with the latest value each reported
 * earlier in the figure's year (e.g. November YTD when December is missing); a firm silent all year adds
 * to the count but not to the value.
 */
export function missingReporters(input: { period: string; year: number; previousYear: readonly ReporterValue[]; thisYear: readonly ReporterValue[] }): MissingReporters & { largest: number } {
  const present = new Set(input.thisYear.filter((r) => r.period === input.period).map((r) => r.orgId));
  const missing = [...new Set(input.previousYear.map((r) => r.orgId))].filter((id) => !present.has(id)).sort();
  // A set for the lookups: an array's includes() here made this quadratic (thousands missing × the year's rows).
  const isMissing = new Set(missing);
  const latest = new Map<string, ReporterValue>();
  for (const r of input.thisYear) {
    if (r.period >= input.period || !isMissing.has(r.orgId)) continue;
    const have = latest.get(r.orgId);
    if (!have || r.period > have.period) latest.set(r.orgId, r);
  }
  const periods = [...new Set([...latest.values()].map((r) => r.period))].sort();
  return {
    period: input.period, previousYear: input.year - 1, n: missing.length,
    value: [...latest.values()].reduce((a, r) => a + r.value, 0), withEarlierValue: latest.size, earlierPeriods: periods, suppressed: false,
    largest: Math.max(0, ...[...latest.values()].map((r) => Math.abs(r.value))),
  };
}

/** The largest single contribution to each status part (for the dominance rule; never shown). */
export function largestByStatus(rows: readonly StatusRow[]): Record<StatusGroup, number> {
  const out: Record<StatusGroup, number> = { approved: 0, submitted: 0, draft: 0 };
  for (const r of rows) {
    const g = STATUS_GROUP[r.status] ?? 'draft';
    out[g] = Math.max(out[g], Math.abs(r.largest ?? r.value));
  }
  return out;
}

/**
 * For a reader who may not see one enterprise's figures: the status parts the confidentiality rule
 * suppresses (fewer than 3 enterprises, one dominant, and the complements that stop one hidden part
 * being recovered as total minus the rest) lose their value and share; the missing reporters' sum goes
 * when it fails the rule on its own. A city value (one stored figure, not enterprise reports) is not protected.
 */
export function protect(
  shares: StatusShares | null, largest: Record<StatusGroup, number> | null,
  missing: MissingReporters | null, missingLargest: number,
): { shares: StatusShares | null; missing: MissingReporters | null } {
  let s = shares;
  if (shares && shares.fromEnterprises) {
    const hidden = suppressCells(shares.parts.map((p) => ({ key: p.status, n: p.n, value: p.value ?? 0, largest: largest?.[p.status] ?? Math.abs(p.value ?? 0) })));
    if (hidden.size) s = { ...shares, parts: shares.parts.map((p) => (hidden.has(p.status) ? { ...p, value: null, pct: null } : p)), suppressed: true };
  }
  const m = missing && missing.value != null && primaryReason({ n: missing.withEarlierValue, value: missing.value, largest: missingLargest })
    ? { ...missing, value: null, suppressed: true } : missing;
  return { shares: s, missing: m };
}

/** The quality block of an assessment and, when the target reads as met on inputs not all approved, the message that says so. */
export function figureQuality(input: {
  approvedOnly: boolean;
  actual: { demo: boolean; reliability: Reliability };
  met: boolean | null;
  /** From the registers: no review status. */
  counted: boolean;
  shares: (StatusShares & { of: string }) | null;
  weakest: StatusGroup | null;
  missing: (MissingReporters & { of: string }) | null;
}): { quality: FigureQuality; message: { zh: string; en: string } | null } {
  const weakest = input.counted ? null : input.approvedOnly ? 'approved' : input.weakest;
  const metOnUnapproved = !!input.met && !input.counted && weakest !== 'approved';
  const quality: FigureQuality = {
    approvedOnly: input.approvedOnly, weakestStatus: weakest, reliability: input.actual.reliability, demo: input.actual.demo,
    shares: input.shares, missing: input.missing, metOnUnapproved,
  };
  if (!metOnUnapproved) return { quality, message: null };
  const s = input.shares && !input.shares.suppressed ? input.shares : null;
  const pct = (g: StatusGroup) => `${(s?.parts.find((p) => p.status === g)?.pct ?? 0).toFixed(1)}%`;
  const WORD = { draft: { zh: '草稿', en: 'draft' }, submitted: { zh: '已报送未审核', en: 'submitted, not approved' }, approved: { zh: '已审核', en: 'approved' } } as const;
  const w = weakest ? WORD[weakest] : { zh: '审核状态不明的', en: 'unknown-status' };
  return {
    quality,
    message: {
      zh: `按未审核数据判定为达标：实际值含${w.zh}数据${s ? `（已审核 ${pct('approved')}，已报送 ${pct('submitted')}，草稿 ${pct('draft')}）` : ''}；可切换“仅用已审核数据”复核`,
      en: `met on data not yet approved: the actual includes ${w.en} values${s ? ` (approved ${pct('approved')}, submitted ${pct('submitted')}, draft ${pct('draft')})` : ''}; switch to approved values only to check`,
    },
  };
}

const STATUS_WORDS: Record<StatusGroup, { zh: string; en: string }> = { approved: { zh: '已审核', en: 'approved' }, submitted: { zh: '已报送', en: 'submitted' }, draft: { zh: '草稿', en: 'draft' } };
const num = (v: number | null): string => (v == null ? '—' : String(+v.toFixed(2)));

/** The quality figures as rows of the components table (the figures behind an assessment). */
export function qualityComponents(q: FigureQuality, unit: string, indicatorCode: string): Component[] {
  const out: Component[] = [];
  // A ratio's shares are of its numerator, in the numerator's unit: name the indicator once instead of a unit.
  const ratio = !!q.shares && q.shares.of !== indicatorCode;
  const u = { zh: ratio ? '' : ` ${unit}`, en: ratio ? '' : ` ${UNIT_EN[unit] ?? unit}` };
  const of = ratio ? `${q.shares!.of}: ` : '';
  if (q.shares) {
    const approved = q.shares.parts.find((p) => p.status === 'approved')!;
    const list = (lang: 'zh' | 'en') => q.shares!.parts.map((p) => `${STATUS_WORDS[p.status][lang]} ${num(p.value)}${p.value == null ? '' : u[lang]}${lang === 'zh' ? `（${p.n} 家）` : ` (${p.n} firms)`}`).join(' · ');
    out.push({
      key: 'approvedShare', label: { zh: `已审核占比（${q.shares.period}）`, en: `Approved share (${q.shares.period})` }, value: approved.pct, unit: '%',
      note: { zh: `${of}${list('zh')}；最弱状态 ${q.weakestStatus ? STATUS_WORDS[q.weakestStatus].zh : '—'}`, en: `${of}${list('en')}; weakest ${q.weakestStatus ?? '—'}` },
    });
  }
  if (q.missing) {
    const m = q.missing;
    const earlier = m.earlierPeriods.length ? { zh: `；其 ${m.earlierPeriods.join('/')} 值合计 ${of}${num(m.value)}${u.zh}`, en: `; their ${m.earlierPeriods.join('/')} values add up to ${of}${num(m.value)}${u.en}` } : { zh: '', en: '' };
    out.push({
      key: 'missingReporters', label: { zh: '缺报企业', en: 'Missing reporters' }, value: m.n, unit: '家',
      note: { zh: `${m.previousYear} 年报送、${m.period} 未报${earlier.zh}`, en: `reported in ${m.previousYear}, not in ${m.period}${earlier.en}` },
    });
  }
  return out;
}
