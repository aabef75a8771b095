// 汇总分析: an indicator by plan industry, SEI category, county, park or city for a year, quarter or
// month, with year-on-year growth over all reporters and 同口径 (the same enterprises in both years)
// and the set sizes; below, the published city figures with their source and reliability. Rows add up to
// the total (reconciling rows 未分类 / 未入园 / 待确认 / 待划归); county rows name their division vintage;
// cells the reader's role may not see are shown as "—" 保密 with the reason.
import { Alert, Card, Col, Row, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitLabel } from '../../components/units';
import { useOrganizations, usePlan } from '../../api/hooks';
import { useAggregates, useIndicators } from '../../api/statistics';
import { reconcilingLabel, type AggregateResultRow, type Aggregates, type DimKind, type Frequency } from '../../../shared/statistics';
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
    const reconciling = (r: AggregateResultRow) => (en ? reconcilingLabel(dim, r.key)?.en : undefined);
    if (dim === 'sei') return (r: AggregateResultRow) => reconciling(r) ?? seiLabel(r.key, r.name);
    if (!en) return (r: AggregateResultRow) => r.name;
    const names = dim === 'industry'
      ? new Map((plan.data?.industries ?? []).map((i) => [i.code, i.nameEn]))
      : new Map((orgs.data ?? []).map((o) => [o.code, o.nameEn ?? '']));
    return (r: AggregateResultRow) => reconciling(r) ?? (r.pendingDivision ? r.name : names.get(r.key) || r.name);
  }, [dim, en, seiLabel, plan.data, orgs.data]);
}

function AggregateChart({ data }: { data: Aggregates }) {
  const { t, i18n } = useTranslation();
  const unitLabel = useUnitLabel();
  const nameOf = useDimName(data.dim);
  const option = useMemo<ChartOption>(() => {
    const rows = data.rows.slice(0, 25);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 56, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map(nameOf), axisLabel: { rotate: rows.length > 5 ? 30 : 0, interval: 0, width: 96, overflow: 'truncate' } },
      yAxis: [{ type: 'value', name: unitLabel(data.indicator.unit) }, { type: 'value', name: '%' }],
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

/** A figure, or "—" 保密 with the reason when the reader's role may not see it (never a 0). */
function Figure({ row, data, children }: { row: AggregateResultRow; data: Aggregates; children: ReactNode }) {
  const { t } = useTranslation();
  if (!row.confidential) return <>{children}</>;
  const tip = t(`statistics.confidentialReasons.${row.confidential.reason}`, { min: data.confidentiality.minContributors, share: data.confidentiality.dominanceShare * 100 });
  return <Tooltip title={tip}><span data-testid="confidential-cell">— <Tag style={{ marginInlineEnd: 0 }}>{t('statistics.confidential')}</Tag></span></Tooltip>;
}

function RowName({ row, name }: { row: AggregateResultRow; name: string }) {
  const { t } = useTranslation();
  if (!row.reconciling) return <>{name}</>;
  return <Tooltip title={t(row.pendingDivision ? 'statistics.pendingDivisionTip' : 'statistics.reconcilingTip')}><Typography.Text italic>{name}</Typography.Text></Tooltip>;
}

function AggregateTable({ data, selected, onSelect }: { data: Aggregates; selected: string | null; onSelect: (key: string) => void }) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  const nameOf = useDimName(data.dim);
  const d = data.indicator.decimals;
  const ratio = data.rows.every((r) => r.matched.n === 0);
  const total = data.total;
  return (
    <Table<AggregateResultRow>
      size="small" rowKey="key" dataSource={data.rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="aggregates-table" scroll={{ x: 900 }}
      onRow={(r) => ({ onClick: () => onSelect(r.key), style: { cursor: 'pointer', background: r.key === selected ? '#e6f4ff' : undefined } })}
      columns={[
        { title: t(`statistics.dims.${data.dim}`), key: 'name', render: (_, r) => <><RowName row={r} name={nameOf(r)} /> {r.demo && <Tag color="volcano">{t('statistics.demo')}</Tag>}</> },
        { title: `${t('statistics.aggValue')} ${data.period} (${unitLabel(data.indicator.unit)})`, key: 'value', align: 'right', render: (_, r) => <Figure row={r} data={data}>{fmtNum(r.value, d)}</Figure> },
        { title: `${t('statistics.previous')} ${data.previousPeriod}`, key: 'prev', align: 'right', render: (_, r) => <Figure row={r} data={data}>{fmtNum(r.previous, d)}</Figure> },
        { title: t('statistics.n'), key: 'n', align: 'right', render: (_, r) => <Tooltip title={t('statistics.setSizes', { n: r.n, prev: r.previousN })}>{r.n} / {r.previousN}</Tooltip> },
        { title: t('statistics.yoy'), key: 'yoy', align: 'right', render: (_, r) => <Figure row={r} data={data}>{fmtPct(r.yoy)}</Figure> },
        ...(ratio ? [] : [
          { title: t('statistics.yoyMatched'), key: 'myoy', align: 'right' as const, render: (_: unknown, r: AggregateResultRow) => <Figure row={r} data={data}>{fmtPct(r.matched.yoy)}</Figure> },
          { title: t('statistics.matchedN'), key: 'mn', align: 'right' as const, render: (_: unknown, r: AggregateResultRow) => r.matched.n },
        ]),
      ]}
      summary={() => total ? (
        <Table.Summary.Row data-testid="aggregates-total">
          <Table.Summary.Cell index={0}><Typography.Text strong>{t('statistics.total')}</Typography.Text></Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right"><Figure row={total} data={data}>{fmtNum(total.value, d)}</Figure></Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right"><Figure row={total} data={data}>{fmtNum(total.previous, d)}</Figure></Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{total.n} / {total.previousN}</Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right"><Figure row={total} data={data}>{fmtPct(total.yoy)}</Figure></Table.Summary.Cell>
          {!ratio && <Table.Summary.Cell index={5} align="right"><Figure row={total} data={data}>{fmtPct(total.matched.yoy)}</Figure></Table.Summary.Cell>}
          {!ratio && <Table.Summary.Cell index={6} align="right">{total.matched.n}</Table.Summary.Cell>}
        </Table.Summary.Row>
      ) : null}
    />
  );
}

/** Which division vintage the county rows use, and what was mapped; the confidentiality note for restricted roles. */
function AggregateNotes({ data }: { data: Aggregates }) {
  const { t } = useTranslation();
  const c = data.confidentiality;
  return (
    <>
      {data.divisions && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }} data-testid="division-vintage">
          {t('statistics.divisionVintage', { vintage: data.divisions.vintage })}
          {data.divisions.changes.length > 0 && t('statistics.divisionChanges', { vintage: data.divisions.vintage, changes: data.divisions.changes.map((x) => `${x.fromName} → ${x.toName}`).join('；') })}
        </Typography.Paragraph>
      )}
      {c.applied && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('statistics.confidentialNote', { min: c.minContributors, share: c.dominanceShare * 100 })} data-testid="confidential-note" />}
    </>
  );
}

export function AnalysisTab() {
  const { t, i18n } = useTranslation();
  const unitLabel = useUnitLabel();
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
  const options = (indicators.data ?? []).filter((i) => i.aggregation !== 'count').map((i) => ({ value: i.code, label: `${en ? i.nameEn : i.name} (${unitLabel(i.unit)})` }));
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
                  <AggregateNotes data={data} />
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
