import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetDetail } from '../../../shared/targets';
import { EChart, type ChartOption } from '../../components/EChart';
import { useUnit } from './format';

/** The series, the target line (and the ≈ band), and the projection at the observed growth rate. */
export function TargetTrendChart({ d }: { d: TargetDetail }) {
  const { t } = useTranslation();
  const unitOf = useUnit();
  const option = useMemo<ChartOption>(() => {
    const { target } = d;
    const actual = d.series.map((p) => [p.year, p.value]);
    if (d.kind === 'count' && d.actual && !d.series.some((p) => p.year === d.actual!.t)) actual.push([d.actual.t, d.actual.value]);
    const years = [...actual.map((p) => p[0]!), target.year];
    const minYear = Math.floor(Math.min(...years));
    const demo = d.series.some((p) => p.demo) || !!d.actual?.demo;
    const line = (name: string, value: number, color: string) => ({
      type: 'line' as const, name, data: [[minYear, value], [target.year, value]], symbol: 'none',
      lineStyle: { type: 'dashed' as const, color, width: 1.5 }, itemStyle: { color },
    });
    const band = d.attainment?.band;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? v.toFixed(2) : String(v)) },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: minYear, max: target.year, interval: 1, axisLabel: { formatter: (v: number) => String(v) } },
      yAxis: { type: 'value', name: unitOf(target.unit), scale: true },
      series: [
        { type: 'line', name: demo ? t('targetPage.seriesActualDemo') : t('targetPage.seriesActual'), data: actual, symbolSize: 7, itemStyle: { color: '#1677ff' }, lineStyle: { width: 2.5 } },
        { type: 'line', name: t('targetPage.seriesProjection'), data: d.projectionPoints.map((p) => [p.year, p.value]), symbolSize: 5, itemStyle: { color: '#722ed1' }, lineStyle: { type: 'dotted', width: 2 } },
        line(t('targetPage.seriesTarget'), target.value, '#f5222d'),
        ...(band && target.comparator === '≈' ? [line(t('targetPage.bandLow'), band[0], '#ffa39e'), line(t('targetPage.bandHigh'), band[1], '#ffa39e')] : []),
        ...(band && target.comparator === 'range' ? [line(t('targetPage.bandHigh'), band[1], '#ffa39e')] : []),
      ],
    };
  }, [d, t, unitOf]);
  return <EChart option={option} height={320} ariaLabel={t('targetPage.trend')} testId="target-trend-chart" />;
}
