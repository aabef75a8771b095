// The annual city series of an indicator: published figures with their source and reliability (low
// reliability is tagged 未核实 unverified), demo figures tagged 演示.
import { Card, Col, Row, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCitySeries, useIndicators } from '../../api/statistics';
import type { CitySeriesPoint } from '../../../shared/statistics';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';
import { useUnitLabel } from '../../components/units';
import { fmtNum } from './common';
import { useSourceText } from './source-text';

const RELIABILITY_COLORS: Record<CitySeriesPoint['reliability'], string> = { high: 'green', medium: 'blue', low: 'orange', demo: 'volcano', reported: 'cyan' };

export function ReliabilityTag({ p }: { p: Pick<CitySeriesPoint, 'reliability' | 'demo'> }) {
  const { t } = useTranslation();
  if (p.demo || p.reliability === 'demo') return <Tag color="volcano" data-testid="figure-demo">{t('statistics.demo')}</Tag>;
  return (
    <>
      <Tag color={RELIABILITY_COLORS[p.reliability]}>{t(`statistics.reliabilities.${p.reliability}`)}</Tag>
      {p.reliability === 'low' && <Tag color="warning" data-testid="figure-unverified">{t('statistics.unverified')}</Tag>}
    </>
  );
}

export function CitySeriesCard() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const indicators = useIndicators();
  const [indicator, setIndicator] = useState('GDP');
  const series = useCitySeries(indicator);
  const sourceText = useSourceText();
  const unitLabel = useUnitLabel();
  const options = (indicators.data ?? [])
    .filter((i) => i.level === 'city' || (i.level === 'derived' && i.aggregation !== 'count'))
    .map((i) => ({ value: i.code, label: `${en ? i.nameEn : i.name} (${unitLabel(i.unit)})` }));
  const unit = unitLabel(indicators.data?.find((i) => i.code === indicator)?.unit);
  const option = useMemo<ChartOption>(() => {
    const pts = series.data ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 16, bottom: 32, top: 40 },
      xAxis: { type: 'category', data: pts.map((p) => p.period) },
      yAxis: { type: 'value', name: unit },
      series: [{
        type: 'bar', name: t('statistics.chartValue'),
        data: pts.map((p) => ({ value: Number(p.value.toFixed(2)), itemStyle: { color: p.demo ? '#ffbb96' : p.reliability === 'low' ? '#ffd666' : '#1677ff' } })),
      }],
    };
  }, [series.data, unit, t]);
  return (
    <Card size="small" title={t('statistics.citySeries')} extra={<Select value={indicator} onChange={setIndicator} options={options} style={{ minWidth: 260 }} data-testid="city-series-indicator" />}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('statistics.citySeriesHelp')}</Typography.Paragraph>
      <QueryResult query={series}>
        {(points) => (
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={10}><EChart option={option} height={260} ariaLabel={t('statistics.citySeries')} testId="city-series-chart" /></Col>
            <Col xs={24} xl={14}>
              <Table<CitySeriesPoint>
                size="small" rowKey="period" dataSource={points} pagination={false} data-testid="city-series-table" tableLayout="fixed"
                columns={[
                  { title: t('statistics.year'), dataIndex: 'period', width: 70 },
                  { title: `${t('statistics.chartValue')} (${unit})`, key: 'v', align: 'right', width: 110, render: (_, p) => fmtNum(p.value, 2) },
                  { title: t('statistics.reliability'), key: 'r', width: 150, render: (_, p) => <ReliabilityTag p={p} /> },
                  { title: t('statistics.source'), dataIndex: 'source', ellipsis: { showTitle: true }, render: (s: string) => <span style={{ fontSize: 12 }} title={s}>{sourceText(s)}</span> },
                ]}
              />
            </Col>
          </Row>
        )}
      </QueryResult>
    </Card>
  );
}
