// 汇总分析: an indicator by plan industry, SEI category, county, park or city for a year, quarter or
// month, with year-on-year growth over all reporters and 同口径 (the same enterprises in both years)
// and the set sizes; below, the published city figures with their source and reliability.
import { Alert, Card, Col, Row, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizations, usePlan } from '../../api/hooks';
import { useAggregates, useIndicators } from '../../api/statistics';
import type { AggregateResultRow, Aggregates, DimKind, Frequency } from '../../../shared/statistics';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';
import { useSeiL1Label } from '../enterprises/sei';
import { CitySeriesCard } from './CitySeriesCard';
import { SeriesCard } from './SeriesCard';
import { convertPeriod, DEFAULT_PERIOD, fmtNum, fmtPct, PeriodPicker } from './common';

const DIMS: DimKind[] = ['industry', 'sei', 'county', 'park', 'city'];

/** The server names dimension keys in Chinese; in English use the English names where they exist. */
function useDimName(dim: DimKind): (r: AggregateResultRow) => string {
  const { i18n } = useTranslation();
  const plan = usePlan();
  const orgs = useOrganizations();
  const seiLabel = useSeiL1Label();
  const en = i18n.language === 'en';
  return useMemo(() => {
    if (dim === 'sei') return (r: AggregateResultRow) => seiLabel(r.key, r.name);
    if (!en) return (r: AggregateResultRow) => r.name;
    const names = dim === 'industry'
      ? new Map((plan.data?.industries ?? []).map((i) => [i.code, i.nameEn]))
      : new Map((orgs.data ?? []).map((o) => [o.code, o.nameEn ?? '']));
    return (r: AggregateResultRow) => names.get(r.key) || r.name;
  }, [dim, en, seiLabel, plan.data, orgs.data]);
}

function AggregateChart({ data }: { data: Aggregates }) {
  const { t, i18n } = useTranslation();
  const nameOf = useDimName(data.dim);
  const option = useMemo<ChartOption>(() => {
    const rows = data.rows.slice(0, 25);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 56, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map(nameOf), axisLabel: { rotate: rows.length > 5 ? 30 : 0, interval: 0, width: 96, overflow: 'truncate' } },
      yAxis: [{ type: 'value', name: data.indicator.unit }, { type: 'value', name: '%' }],
      series: [
        { type: 'bar', name: `${i18n.language === 'en' ? data.indicator.nameEn : data.indicator.name} ${data.period}`, data: rows.map((r) => (r.value == null ? null : Number(r.value.toFixed(data.indicator.decimals)))) },
        { type: 'bar', name: `${t('statistics.previous')} ${data.previousPeriod}`, data: rows.map((r) => (r.previous == null ? null : Number(r.previous.toFixed(data.indicator.decimals)))), itemStyle: { color: '#bfbfbf' } },
        { type: 'line', name: t('statistics.yoy'), yAxisIndex: 1, data: rows.map((r) => (r.yoy == null ? null : Number(r.yoy.toFixed(1)))) },
        { type: 'line', name: t('statistics.yoyMatched'), yAxisIndex: 1, lineStyle: { type: 'dashed' }, data: rows.map((r) => (r.matched.yoy == null ? null : Number(r.matched.yoy.toFixed(1)))) },
      ],
    };
  }, [data, t, i18n.language, nameOf]);
  return <EChart option={option} height={340} ariaLabel={t('statistics.tabs.analysis')} testId="aggregates-chart" />;
}

function AggregateTable({ data, selected, onSelect }: { data: Aggregates; selected: string | null; onSelect: (key: string) => void }) {
  const { t } = useTranslation();
  const nameOf = useDimName(data.dim);
  const d = data.indicator.decimals;
  const ratio = data.rows.every((r) => r.matched.n === 0);
  return (
    <Table<AggregateResultRow>
      size="small" rowKey="key" dataSource={data.rows} pagination={{ pageSize: 25, hideOnSinglePage: true }} data-testid="aggregates-table" scroll={{ x: 900 }}
      onRow={(r) => ({ onClick: () => onSelect(r.key), style: { cursor: 'pointer', background: r.key === selected ? '#e6f4ff' : undefined } })}
      columns={[
        { title: t(`statistics.dims.${data.dim}`), key: 'name', render: (_, r) => <>{nameOf(r)} {r.demo && <Tag color="volcano">{t('statistics.demo')}</Tag>}</> },
        { title: `${t('statistics.aggValue')} ${data.period} (${data.indicator.unit})`, key: 'value', align: 'right', render: (_, r) => fmtNum(r.value, d) },
        { title: `${t('statistics.previous')} ${data.previousPeriod}`, key: 'prev', align: 'right', render: (_, r) => fmtNum(r.previous, d) },
        { title: t('statistics.n'), key: 'n', align: 'right', render: (_, r) => <Tooltip title={t('statistics.setSizes', { n: r.n, prev: r.previousN })}>{r.n} / {r.previousN}</Tooltip> },
        { title: t('statistics.yoy'), key: 'yoy', align: 'right', render: (_, r) => fmtPct(r.yoy) },
        ...(ratio ? [] : [
          { title: t('statistics.yoyMatched'), key: 'myoy', align: 'right' as const, render: (_: unknown, r: AggregateResultRow) => fmtPct(r.matched.yoy) },
          { title: t('statistics.matchedN'), key: 'mn', align: 'right' as const, render: (_: unknown, r: AggregateResultRow) => r.matched.n },
        ]),
      ]}
    />
  );
}

export function AnalysisTab() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const indicators = useIndicators();
  const [indicator, setIndicator] = useState('REVENUE');
  const [dim, setDim] = useState<DimKind>('industry');
  const [kind, setKind] = useState<Frequency>('year');
  const [period, setPeriod] = useState(DEFAULT_PERIOD);
  const p = convertPeriod(period, kind);
  const aggregates = useAggregates(indicator, dim, p);
  const [picked, setPicked] = useState<string | null>(null);
  const nameOf = useDimName(dim);
  const ind = indicators.data?.find((i) => i.code === indicator);
  const hasSeries = !!ind && ind.formula?.kind !== 'ratio' && ind.formula?.kind !== 'count';
  const selectedKey = (data: Aggregates) => (picked && data.rows.some((r) => r.key === picked) ? picked : (data.rows[0]?.key ?? ''));
  const options = (indicators.data ?? []).filter((i) => i.aggregation !== 'count').map((i) => ({ value: i.code, label: `${en ? i.nameEn : i.name} (${i.unit})` }));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('statistics.indicator')}</span>
        <Select value={indicator} onChange={setIndicator} options={options} style={{ minWidth: 260 }} showSearch optionFilterProp="label" data-testid="analysis-indicator" />
        <span>{t('statistics.dim')}</span>
        <Segmented<DimKind> value={dim} onChange={setDim} options={DIMS.map((d) => ({ value: d, label: t(`statistics.dims.${d}`) }))} data-testid="analysis-dim" />
        <Segmented<Frequency> value={kind} onChange={setKind} options={(['year', 'quarter', 'month'] as const).map((k) => ({ value: k, label: t(`statistics.periodKinds.${k}`) }))} />
        <PeriodPicker kind={kind} value={p} onChange={setPeriod} testId="analysis-period" />
      </Space>
      <QueryResult query={aggregates}>
        {(data) =>
          data.rows.length === 0 ? (
            <Alert type="info" showIcon message={t('statistics.noData')} />
          ) : (
            <Row gutter={[12, 12]}>
              <Col xs={24}>
                <Card size="small" title={`${en ? data.indicator.nameEn : data.indicator.name} · ${t(`statistics.dims.${data.dim}`)} · ${data.period}`}>
                  {data.rows.some((r) => r.demo) && <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}><Tag color="volcano">{t('statistics.demo')}</Tag>{t('app.demoTooltip')}</Typography.Paragraph>}
                  <AggregateChart data={data} />
                  {hasSeries && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('statistics.trendHint')}</Typography.Text>}
                  <AggregateTable data={data} selected={hasSeries ? selectedKey(data) : null} onSelect={setPicked} />
                </Card>
              </Col>
              {hasSeries && (
                <Col xs={24}>
                  <SeriesCard
                    indicator={data.indicator.code} unit={data.indicator.unit} decimals={data.indicator.decimals} dim={data.dim} kind={kind} to={p}
                    dimKey={selectedKey(data)} keyName={((r) => (r ? nameOf(r) : ''))(data.rows.find((r) => r.key === selectedKey(data)))}
                  />
                </Col>
              )}
            </Row>
          )
        }
      </QueryResult>
      <CitySeriesCard />
    </Space>
  );
}
