// 透视分析 (issue 12): indicators × one dimension × periods, as a table or a chart, exported to Excel.
// Answered by GET /api/pivot from the kept aggregates (enterprise size from enterprise values); a result
// that is cut says so, and confidential cells read 保密.
import { Alert, Button, Card, Form, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIVOT_DIMS, type Pivot, type PivotDim, type PivotRow } from '../../../shared/cockpit';
import { pivotQuery, usePivot } from '../../api/cockpit';
import { useIndicators } from '../../api/statistics';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';
import { fmtValue } from '../overview/common';

const PERIOD_CHOICES = ['2017', '2018', '2019', '2020', ...[2019, 2020].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`))];

export function PivotPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const indicators = useIndicators();
  const [indicatorCodes, setIndicators] = useState<string[]>(['SEI_REVENUE', 'SEI_VALUE_ADDED']);
  const [dim, setDim] = useState<PivotDim>('county');
  const [periods, setPeriods] = useState<string[]>(['2019', '2020']);
  const [view, setView] = useState<'table' | 'chart'>('table');
  const q = { indicators: indicatorCodes, dim, periods };
  const pivot = usePivot(q);
  const options = (indicators.data ?? []).filter((i) => i.formula?.kind !== 'count').map((i) => ({ value: i.code, label: `${en ? i.nameEn : i.name}（${i.unit}）` }));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="pivot-page">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('cockpit.pivot.title')}</Typography.Title>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('cockpit.pivot.indicators')}>
            <Select mode="multiple" style={{ minWidth: 320 }} value={indicatorCodes} onChange={setIndicators} options={options} data-testid="pivot-indicators" optionFilterProp="label" />
          </Form.Item>
          <Form.Item label={t('cockpit.pivot.dim')}>
            <Select<PivotDim> style={{ width: 150 }} value={dim} onChange={setDim} options={PIVOT_DIMS.map((d) => ({ value: d, label: t(`cockpit.pivot.dims.${d}`) }))} data-testid="pivot-dim" />
          </Form.Item>
          <Form.Item label={t('cockpit.pivot.periods')}>
            <Select mode="tags" style={{ minWidth: 220 }} value={periods} onChange={setPeriods} options={PERIOD_CHOICES.map((p) => ({ value: p, label: p }))} data-testid="pivot-periods" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Segmented value={view} onChange={(v) => setView(v as 'table' | 'chart')} options={[{ value: 'table', label: t('cockpit.table') }, { value: 'chart', label: t('cockpit.chart') }]} data-testid="pivot-view" />
              <Button href={`/api/pivot?${pivotQuery(q)}&format=xlsx`} disabled={!indicatorCodes.length || !periods.length} data-testid="pivot-export">{t('cockpit.pivot.export')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <QueryResult query={pivot}>{(p) => <PivotResult p={p} view={view} />}</QueryResult>
    </Space>
  );
}

function PivotResult({ p, view }: { p: Pivot; view: 'table' | 'chart' }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const colTitle = (i: number) => { const c = p.columns[i]!; return `${en ? c.nameEn : c.name}（${c.unit}）${c.period}`; };
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { top: 0, type: 'scroll' }, grid: { left: 60, right: 20, top: 40, bottom: 80 },
    xAxis: { type: 'category', data: p.rows.map((r) => r.name), axisLabel: { rotate: 40, interval: 0 } }, yAxis: { type: 'value' },
    series: p.columns.map((c, i) => ({ type: 'bar' as const, name: `${en ? c.nameEn : c.name}（${c.unit}）${c.period}`, data: p.rows.map((r) => r.cells[i]?.value ?? null) })),
  }), [p, en]);
  return (
    <Card size="small" data-testid="pivot-result">
      {p.truncated && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('cockpit.pivot.truncated', p.truncated)} data-testid="pivot-truncated" />}
      {p.source === 'values' && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('cockpit.pivot.sourceValues')} />}
      {p.confidentialityApplied && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('cockpit.pivot.confidentialNote')} />}
      {view === 'chart'
        ? <EChart option={option} height={420} ariaLabel={t('cockpit.pivot.title')} testId="pivot-chart" />
        : (
          <Table<PivotRow>
            size="small" rowKey="key" dataSource={p.rows} pagination={false} scroll={{ x: 'max-content', y: 520 }} data-testid="pivot-table"
            columns={[
              { title: t('cockpit.name'), dataIndex: 'name', fixed: 'left', width: 180 },
              ...p.columns.map((_, i) => ({ title: colTitle(i), key: String(i), align: 'right' as const, render: (_v: unknown, r: PivotRow) => { const c = r.cells[i]!; return c.confidential ? t('cockpit.confidential') : fmtValue(c.value, 2); } })),
            ]}
            summary={() => (p.totals.some((x) => x != null) ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><b>{t('cockpit.pivot.total')}</b></Table.Summary.Cell>
                {p.totals.map((v, i) => <Table.Summary.Cell key={i} index={i + 1} align="right"><b>{fmtValue(v, 2)}</b></Table.Summary.Cell>)}
              </Table.Summary.Row>
            ) : null)}
          />
        )}
    </Card>
  );
}
