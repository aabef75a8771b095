// Plausibility of a value against its indicator (pure): the hard range refuses, an integer indicator
// refuses fractions, the soft range warns — a value outside it is stored only when the reporter
// confirms it. Messages say what is wrong and what is expected, in Chinese and English.
import type { ImportIssue, Indicator } from '../../shared/statistics';
import { AppError } from '../app-error';
import type { StatisticsStore } from './ports';
import type { ValidValue } from './validate-values';
import { valueKey } from './write-values';
import { formatNumber } from './rule-messages';

export { formatNumber };

const rangeText = (lo: number | null, hi: number | null, unit: string): { zh: string; en: string } =>
  lo != null && hi != null ? { zh: `${formatNumber(lo)} 至 ${formatNumber(hi)} ${unit}`, en: `${formatNumber(lo)} to ${formatNumber(hi)} ${unit}` }
    : lo != null ? { zh: `不小于 ${formatNumber(lo)} ${unit}`, en: `at least ${formatNumber(lo)} ${unit}` }
      : { zh: `不大于 ${formatNumber(hi!)} ${unit}`, en: `at most ${formatNumber(hi!)} ${unit}` };

/** Why a number is refused for the indicator (hard range, integer), or null. */
export function hardProblem(ind: Indicator, num: number): { zh: string; en: string } | null {
  if ((ind.minValue != null && num < ind.minValue) || (ind.maxValue != null && num > ind.maxValue)) {
    const r = rangeText(ind.minValue, ind.maxValue, ind.unit);
    const below = ind.minValue != null && num < ind.minValue;
    return {
      zh: `${ind.name} ${formatNumber(num)} ${below ? `小于下限，不能小于 ${formatNumber(ind.minValue!)}` : `超过上限，不能大于 ${formatNumber(ind.maxValue!)}`}（合理范围 ${r.zh}；请检查单位和位数）`,
      en: `${ind.code} ${formatNumber(num)} ${below ? `is below the hard minimum: must be ≥ ${formatNumber(ind.minValue!)}` : `is above the hard maximum: must be ≤ ${formatNumber(ind.maxValue!)}`} (plausible range ${r.en}; check the unit and the digits)`,
    };
  }
  if (ind.integer && !Number.isInteger(num)) {
    return { zh: `${ind.name} 须为整数（${ind.unit}），${formatNumber(num)} 不是整数`, en: `${ind.code} must be a whole number (${ind.unit}); ${formatNumber(num)} is not` };
  }
  return null;
}

/** The warning for a number outside the indicator's soft range, or null. */
export function softProblem(ind: Indicator, num: number): { zh: string; en: string } | null {
  if ((ind.softMin == null || num >= ind.softMin) && (ind.softMax == null || num <= ind.softMax)) return null;
  const r = rangeText(ind.softMin, ind.softMax, ind.unit);
  return {
    zh: `${ind.name} ${formatNumber(num)} 超出常见范围（${r.zh}），请核实；确认无误后勾选“确认保存”（confirm）再保存`,
    en: `${ind.code} ${formatNumber(num)} is outside the usual range (${r.en}); check it, then save again with confirmation (confirm)`,
  };
}

/** The soft warnings of values that would change what is stored (an unchanged value was confirmed before). */
export async function pendingSoftWarnings(store: StatisticsStore, soft: readonly { value: ValidValue; issue: ImportIssue }[]): Promise<ImportIssue[]> {
  if (!soft.length) return [];
  const stored = await store.valuesAt(soft.map((s) => ({ indicatorCode: s.value.indicatorCode, period: s.value.period })), new Set(soft.map((s) => s.value.orgId)));
  return soft.filter((s) => stored.get(valueKey(s.value.orgId, s.value.indicatorCode, s.value.period))?.value !== s.value.value).map((s) => s.issue);
}

/** The refusal of an unconfirmed write with values outside their soft range: nothing is stored. */
export function needsConfirmation(warnings: ImportIssue[], pathOf: (i: ImportIssue) => string = (i) => `row ${i.row}.${i.field}`): AppError {
  const head = warnings.slice(0, 5);
  return new AppError('VALIDATION', {
    zh: `有 ${warnings.length} 个数值超出常见范围，未保存：${head.map((i) => i.reason).join('；')}。核实无误后请确认（confirm）再保存`,
    en: `${warnings.length} value(s) are outside the usual range; nothing was stored: ${head.map((i) => i.reasonEn).join('; ')}. Check them, then save again with confirmation (confirm)`,
  }, warnings.slice(0, 1000).map((i) => ({ path: pathOf(i), message: i.reason, row: i.row, field: i.field, value: i.value, reason: i.reason, reasonEn: i.reasonEn, soft: true })));
}
