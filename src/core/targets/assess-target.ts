// One target on one as-of date: the actual, attainment, 序时进度 with its light, anticipated progress and
// the projection, plus every figure behind them (components). Pure: the series comes in, the date too.
import type { Target } from '../../shared/plan';
import { UNIT_EN, type ActualValue, type Component, type TargetDetail } from '../../shared/targets';
import { AppError } from '../app-error';
import { anticipatedProgress } from './anticipated-progress';
import { assessAttainment } from './assess-attainment';
import type { AnnualValue } from './ports';
import { projectionPoints, projectValue } from './projection';
import { decimalYear, endOfYear, timeProgress } from './time-progress';

export interface AssessTargetInput {
  target: Target;
  planId: string;
  periodStart: number;
  asOf: string;
  kind: 'series' | 'count';
  /** Annual values oldest first (year-end counts for a count target). */
  series: AnnualValue[];
  /** For a count target: the count on the as-of date itself. */
  countAsOf?: { value: number; demo: boolean; source: string };
}

const SOURCE_TEXT = 'Open SDG / Statistics Canada anticipated progress';
const SOURCE_TEXT_ZH = 'Open SDG（加拿大统计局）预期进展方法';
const RELIABILITY_ZH: Record<string, string> = { high: '高', medium: '中', low: '低（未核实）', reported: '报送数据', demo: '演示数据' };
/** Numbers as they read in a formula: at most 4 decimals, no float noise (661.5157399999998 → 661.5157). */
const n = (v: number): string => String(+v.toFixed(4));

export function assessTarget(input: AssessTargetInput): TargetDetail {
  const { target, asOf } = input;
  const messages: TargetDetail['messages'] = [];
  const components: Component[] = [];
  const unit = target.unit;
  const asOfT = decimalYear(asOf);
  const series = input.series.filter((p) => p.year <= asOfT).sort((a, b) => a.year - b.year);

  // The actual: a count on the as-of date, or the latest annual value whose year has ended by then.
  let actual: ActualValue | null = null;
  if (input.kind === 'count' && input.countAsOf) {
    const c = input.countAsOf;
    actual = { value: c.value, period: asOf, t: asOfT, observedAt: asOf, demo: c.demo, source: c.source, reliability: c.demo ? 'demo' : 'reported' };
  } else {
    const last = series[series.length - 1];
    if (last) actual = { value: last.value, period: last.period, t: last.year, observedAt: endOfYear(last.year), demo: last.demo, source: last.source, reliability: last.reliability };
  }
  if (!actual) {
    messages.push({ zh: `截至 ${asOf} 尚无 ${target.indicatorCode} 的年度数据`, en: `no annual ${target.indicatorCode} value by ${asOf}` });
    return { target, planId: input.planId, asOf, kind: input.kind, actual: null, baseline: null, attainment: null, schedule: null, anticipated: null, projection: null, components, messages, series, projectionPoints: [], quality: null, planEnded: null };
  }

  // The baseline: the plan's, or (the Xingtai plan gives none) the first value at or after the year before the plan period.
  let baseline: TargetDetail['baseline'] = null;
  let baselineNote: { zh: string; en: string } | undefined;
  if (target.baselineValue != null && target.baselineYear != null) {
    baseline = { year: target.baselineYear, value: target.baselineValue, fromData: false, demo: false, reliability: null };
    baselineNote = { zh: '基期取自计划文本', en: 'baseline as stated in the plan' };
  } else {
    const from = target.baselineYear ?? input.periodStart - 1;
    const first = series.find((p) => p.year >= from);
    if (first) {
      baseline = { year: first.year, value: first.value, fromData: true, demo: first.demo, reliability: first.reliability };
      baselineNote = { zh: `计划未给出基期值，基期取自数据 ${first.year}${first.demo ? '（演示数据）' : ''}`, en: `the plan gives no baseline: taken from the data, ${first.year}${first.demo ? ' (demo data)' : ''}` };
    } else {
      messages.push({ zh: `计划未给出基期值，且 ${from} 年以来无数据`, en: `no baseline in the plan and no data since ${from}` });
    }
  }

  const attainment = assessAttainment(target, actual.value);
  const actualLabel = actual.demo ? '（演示数据）' : actual.reliability === 'low' ? '（未核实）' : '';
  components.push(
    { key: 'actual', label: { zh: `实际值${actualLabel}`, en: `Actual${actual.demo ? ' (demo)' : actual.reliability === 'low' ? ' (unverified)' : ''}` }, value: actual.value, unit, note: { zh: `${actual.period} · ${actual.source} · 可靠性 ${RELIABILITY_ZH[actual.reliability] ?? actual.reliability}`, en: `${actual.period} · ${actual.source} · reliability ${actual.reliability}` } },
    { key: 'target', label: { zh: '目标值', en: 'Target' }, value: target.comparator === 'range' ? `${target.value}–${target.valueMax}` : `${target.comparator} ${target.value}`, unit, note: { zh: `${target.year} 年 · “${target.sourceText}”`, en: `by ${target.year}` } },
    { key: 'attainmentPct', label: { zh: '达成率', en: 'Attainment' }, value: attainment.attainmentPct, unit: '%', formula: target.direction === 'decrease' ? 'target ÷ actual × 100' : 'actual ÷ target × 100', formulaZh: target.direction === 'decrease' ? '目标值 ÷ 实际值 × 100' : '实际值 ÷ 目标值 × 100' },
    { key: 'met', label: { zh: '是否达标', en: 'Met' }, value: attainment.met, formula: attainment.rule.en, formulaZh: attainment.rule.zh },
  );
  if (baseline) components.push({ key: 'baseline', label: { zh: `基期值（${baseline.year}）`, en: `Baseline (${baseline.year})` }, value: baseline.value, unit, note: baselineNote });

  let schedule: TargetDetail['schedule'] = null;
  let anticipated: TargetDetail['anticipated'] = null;
  let projection: TargetDetail['projection'] = null;
  let points: TargetDetail['projectionPoints'] = [];
  if (baseline) {
    schedule = timeProgress({ baseYear: baseline.year, baseValue: baseline.value, targetYear: target.year, targetValue: target.value, observedAt: actual.observedAt, actual: actual.value, met: attainment.met });
    components.push(
      { key: 'timeElapsedPct', label: { zh: '序时进度（时间过半比例）', en: 'Time elapsed' }, value: schedule.timeElapsedPct, unit: '%', formula: `(${actual.observedAt} − ${endOfYear(baseline.year)}) ÷ (${endOfYear(target.year)} − ${endOfYear(baseline.year)})` },
      { key: 'progressPct', label: { zh: '完成进度', en: 'Work done' }, value: schedule.progressPct, unit: '%', formula: '(actual − base) ÷ (target − base) × 100', formulaZh: '(实际值 − 基期值) ÷ (目标值 − 基期值) × 100' },
      { key: 'lagPoints', label: { zh: '滞后（百分点）', en: 'Lag (points)' }, value: schedule.lagPoints, formula: 'time elapsed − work done; green < 10, yellow 10–30, red > 30', formulaZh: '序时进度 − 完成进度；< 10 绿灯，10–30 黄灯，> 30 红灯' },
      { key: 'light', label: { zh: '序时进度灯', en: 'Schedule light' }, value: schedule.light, note: schedule.overdue ? { zh: '已过期限未达标', en: 'deadline passed, not met' } : undefined },
    );
    if (actual.t > baseline.year) {
      try {
        const a = anticipatedProgress({ baseYear: baseline.year, baseValue: baseline.value, currentYear: actual.t, currentValue: actual.value, targetYear: target.year, targetValue: target.value, direction: target.direction });
        // A value that meets the target by the plan's own comparator (inside a "≈" band, say) has achieved it too.
        const status = attainment.met ? 'target_achieved' : a.status;
        anticipated = { cagrObserved: a.cagrObserved, cagrRequired: a.cagrRequired, ratioR: a.ratioR, status, basis: attainment.met ? 'achieved' : a.basis, notes: a.notes };
        const t = +actual.t.toFixed(4);
        components.push(
          { key: 'cagrObserved', label: { zh: '观测年均增长率', en: 'Observed CAGR' }, value: a.cagrObserved * 100, unit: '%', formula: `(${n(actual.value)} / ${n(a.baseValueUsed)})^(1/(${t} − ${baseline.year})) − 1` },
          { key: 'cagrRequired', label: { zh: '所需年均增长率', en: 'Required CAGR' }, value: a.cagrRequired == null ? null : a.cagrRequired * 100, unit: '%', formula: `(${n(a.targetValueUsed ?? target.value)} / ${n(a.baseValueUsed)})^(1/(${target.year} − ${baseline.year})) − 1` },
          { key: 'ratioR', label: { zh: '比值 R', en: 'Ratio R' }, value: a.ratioR, formula: 'sign · d · CAGR_obs / |CAGR_req|; ≥ 0.95 substantial, ≥ 0.6 moderate, ≥ 0 limited, < 0 deterioration', formulaZh: '符号 · d · 观测增长率 / |所需增长率|；≥ 0.95 进展顺利，≥ 0.6 需加快，≥ 0 进展有限，< 0 倒退' },
          { key: 'status', label: { zh: '预期进展', en: 'Anticipated progress' }, value: status, note: { zh: `方法：${SOURCE_TEXT_ZH}`, en: SOURCE_TEXT } },
        );
        const projected = projectValue({ year: actual.t, value: actual.value }, a.cagrObserved, target.year);
        projection = { year: target.year, value: projected, meetsTarget: assessAttainment(target, projected).met };
        points = actual.t < target.year ? projectionPoints({ year: actual.t, value: actual.value }, a.cagrObserved, target.year) : [];
        components.push({ key: 'projection', label: { zh: `按现有增速预测 ${target.year} 年`, en: `Projected ${target.year}` }, value: projected, unit, formula: `${n(actual.value)} · (1 + CAGR_obs)^(${target.year} − ${t})`, formulaZh: `${n(actual.value)} ·（1 + 观测增长率）^(${target.year} − ${t})`, note: projection.meetsTarget ? { zh: '预计可达标', en: 'would meet the target' } : { zh: '预计难以达标', en: 'would fall short' } });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        messages.push({ zh: err.message, en: err.messageEn });
      }
    } else {
      messages.push({ zh: '仅有基期一个时点的数据，无法计算增长率与预期进展', en: 'only the baseline year has data: no growth rate or anticipated progress yet' });
    }
  }
  // After the target year nothing is left to project: the plan's result is the value at the deadline.
  let planEnded: TargetDetail['planEnded'] = null;
  const deadline = endOfYear(target.year);
  if (asOf > deadline) {
    const final = input.series.find((p) => p.year === target.year);
    const met = final ? assessAttainment(target, final.value).met : null;
    planEnded = { deadline, value: final?.value ?? null, met };
    projection = final ? { year: target.year, value: final.value, meetsTarget: met!, final: true } : null;
    points = [];
    const at = components.findIndex((c) => c.key === 'projection');
    if (at >= 0) components.splice(at, 1);
    const verdict = met == null ? null : met ? { zh: '已达标', en: 'met' } : { zh: '未达标', en: 'not met' };
    components.push({
      key: 'final', label: { zh: `计划期末值（${target.year} 年）`, en: `Value at the deadline (${target.year})` }, value: final?.value ?? null, unit,
      note: verdict ? { zh: `计划期已于 ${deadline} 结束 · ${verdict.zh}`, en: `the plan period ended on ${deadline} · ${verdict.en}` } : { zh: `${target.year} 年无数据`, en: `no value for ${target.year}` },
    });
    messages.push(final
      ? { zh: `计划期已于 ${deadline} 结束：期末值 ${+final.value.toFixed(2)} ${unit}，${verdict!.zh}（不再预测）`, en: `the plan period ended on ${deadline}: ${+final.value.toFixed(2)} ${UNIT_EN[unit] ?? unit} at the deadline, ${verdict!.en} (no projection)` }
      : { zh: `计划期已于 ${deadline} 结束，${target.year} 年无数据`, en: `the plan period ended on ${deadline}; no value for ${target.year}` });
  }
  return { target, planId: input.planId, asOf, kind: input.kind, actual, baseline, attainment, schedule, anticipated, projection, components, messages, series, projectionPoints: points, quality: null, planEnded };
}
