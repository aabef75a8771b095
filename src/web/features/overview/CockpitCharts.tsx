// The cockpit's charts: SEI revenue and value added over the plan years against their target lines, the
// breakdown by the seven plan industries and by SEI category, and the county ranking. Each has its table
// view; a bar drills down to the industry or county page of the period.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CockpitTrend } from '../../../shared/cockpit';
import type { AggregateResultRow, Aggregates } from '../../../shared/statistics';
import { EChart, type ChartOption } from '../../components/EChart';
import { fmtPct } from '../statistics/common';
import { ChartCard, fmtValue } from './common';

export function TrendChart({ trends }: { trends: CockpitTrend[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const years = [...new Set(trends.flatMap((s) => [...s.points.map((p) => p.year), ...(s.target ? [s.target.year] : [])]))].sort();
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 90, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: trends[0]?.unit },
    series: trends.map((s) => ({
      type: 'line' as const, name: en ? s.nameEn : s.name, smooth: false, symbolSize: 8,
      data: years.map((y) => s.points.find((p) => p.year === y)?.value ?? null),
      markLine: s.target ? { symbol: 'none', label: { formatter: t('cockpit.targetLine', { value: s.target.value }) }, lineStyle: { type: 'dashed' }, data: [{ yAxis: s.target.value }] } : undefined,
    })),
  }), [trends, years, en, t]);
  const rows = years.map((y) => ({ year: y, ...Object.fromEntries(trends.map((s) => [s.indicatorCode, s.points.find((p) => p.year === y)?.value ?? null])) }));
  return (
    <ChartCard
      title={t('cockpit.trends')}
      testId="cockpit-trends"
      rows={[...rows, { year: 0, ...Object.fromEntries(trends.map((s) => [s.indicatorCode, s.target?.value ?? null])) }]}
      rowKey={(r) => String(r.year)}
      columns={[
        { title: '', dataIndex: 'year', render: (y: number) => (y ? y : t('cockpit.target')) },
        ...trends.map((s) => ({ title: `${en ? s.nameEn : s.name}（${s.unit}）`, dataIndex: s.indicatorCode, align: 'right' as const, render: (v: number | null) => fmtValue(v) })),
      ]}
      chart={<EChart option={option} height={300} ariaLabel={t('cockpit.trends')} testId="trend-chart" />}
    />
  );
}

/** A breakdown of an aggregate as horizontal bars (confidential rows shown without a bar), drilling down on click. */
export function BreakdownChart({ title, agg, testId, link, height = 300 }: { title: string; agg: Aggregates; testId: string; link?: (key: string) => string | null; height?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = agg.rows;
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 130, right: 50, top: 10, bottom: 20 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', data: rows.map((r) => r.value), label: { show: true, position: 'right', formatter: (p: unknown) => fmtValue((p as { value: number | null }).value) }, itemStyle: { color: '#1677ff' } }],
  }), [rows]);
  return (
    <ChartCard<AggregateResultRow>
      title={`${title}（${agg.indicator.unit}）`}
      testId={testId}
      rows={rows}
      rowKey="key"
      height={height - 40}
      columns={[
        { title: t('cockpit.rank'), width: 60, render: (_: unknown, __: AggregateResultRow, i: number) => i + 1 },
        { title: t('cockpit.name'), dataIndex: 'name', render: (name: string, r: AggregateResultRow) => { const to = link?.(r.key); return to ? <a onClick={() => navigate(to)}>{name}</a> : name; } },
        { title: t('cockpit.value'), align: 'right', render: (_: unknown, r: AggregateResultRow) => (r.confidential ? t('cockpit.confidential') : fmtValue(r.value)) },
        { title: t('cockpit.yoy'), align: 'right', render: (_: unknown, r: AggregateResultRow) => fmtPct(r.yoy) },
        { title: t('cockpit.n'), dataIndex: 'n', align: 'right' },
      ]}
      chart={<EChart option={option} height={height} ariaLabel={title} testId={`${testId}-chart`} onItemClick={({ dataIndex }) => { const r = rows[dataIndex]; const to = r && link?.(r.key); if (to) navigate(to); }} />}
    />
  );
}
