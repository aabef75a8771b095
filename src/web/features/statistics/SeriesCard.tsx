// The trend of one dimension key (a plan industry, county, …) from January 2017 to the chosen period,
// with year-on-year growth over all reporters and over the same enterprises (同口径).
import { Alert, Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSeries } from '../../api/statistics';
import type { DimKind, Frequency } from '../../../shared/statistics';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';

const FIRST: Record<Frequency, string> = { year: '2017', quarter: '2017Q1', month: '201701' };

export function SeriesCard({ indicator, unit, decimals, dim, dimKey, keyName, kind, to }: {
  indicator: string; unit: string; decimals: number; dim: DimKind; dimKey: string; keyName: string; kind: Frequency; to: string;
}) {
  const { t } = useTranslation();
  const series = useSeries(indicator, dim, dimKey, FIRST[kind], to);
  const option = useMemo<ChartOption>(() => {
    const pts = series.data ?? [];
    const round = (v: number | null, d: number) => (v == null ? null : Number(v.toFixed(d)));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: pts.map((p) => p.period) },
      yAxis: [{ type: 'value', name: unit }, { type: 'value', name: '%' }],
      series: [
        { type: 'bar', name: t('statistics.chartValue'), data: pts.map((p) => round(p.value, decimals)) },
        { type: 'line', name: t('statistics.yoy'), yAxisIndex: 1, connectNulls: false, data: pts.map((p) => round(p.yoy, 1)) },
        { type: 'line', name: t('statistics.yoyMatched'), yAxisIndex: 1, lineStyle: { type: 'dashed' }, data: pts.map((p) => round(p.yoyMatched, 1)) },
      ],
    };
  }, [series.data, unit, decimals, t]);
  return (
    <Card size="small" title={`${t('statistics.trend')} · ${keyName}`}>
      <QueryResult query={series}>
        {(pts) => (pts.length === 0 ? <Alert type="info" message={t('statistics.noData')} /> : (
          <>
            {pts.some((p) => p.confidential) && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('statistics.seriesConfidential')} />}
            <EChart option={option} height={300} ariaLabel={`${t('statistics.trend')} ${keyName}`} testId="series-chart" />
          </>
        ))}
      </QueryResult>
    </Card>
  );
}
